package io.pb4j.core.realtime;

import io.pb4j.core.Record;
import java.util.List;
import java.util.Optional;

/**
 * A connected realtime client (PocketBase's {@code subscriptions.Client}): an SSE stream of {@code GET /api/realtime}
 * or a WebSocket of {@code /api/updates}. Thread-safe; messages are queued and written by the client's own
 * connection thread in the order they were sent.
 */
public interface RealtimeClient {
    /** The 40-character client id. */
    String id();

    /** {@code sse} or {@code websocket}. */
    String transport();

    /** The IP the client connected from, {@code ""} when unknown. */
    String ip();

    /** The auth record bound by its last subscribe request; empty for a guest. */
    Optional<Record> auth();

    /** Binds an auth record (or, with an empty one, makes the client a guest). */
    void auth(Optional<Record> auth);

    /** Its subscriptions, each exactly as submitted (with any {@code ?options=}), in submit order. */
    List<String> subscriptions();

    /** Whether it holds this exact subscription. */
    boolean hasSubscription(String subscription);

    /** Adds subscriptions (empty strings are skipped). */
    void subscribe(List<String> subscriptions);

    /** Removes these subscriptions; with an empty list, all of them. */
    void unsubscribe(List<String> subscriptions);

    /**
     * Queues a message for the connection. A client that does not keep up (its queue is full) is discarded and its
     * connection closed; a discarded client drops the message.
     */
    void send(RealtimeMessage message);

    /** Whether the client was discarded (it went away, timed out or fell behind). */
    boolean isDiscarded();

    /** Closes the connection and unregisters the client. */
    void discard();
}
