package io.pb4j.core.realtime;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * PocketBase's subscriptions broker as {@code app.realtime()} returns it: the connected clients, and ways to message
 * them from server code. Thread-safe. {@link #NONE} (no pb-realtime module) has no clients.
 */
public interface Realtime {
    /** The broker of an app without pb-realtime: no clients, every send reaches nobody. */
    Realtime NONE = new Realtime() {
        @Override
        public List<RealtimeClient> clients() {
            return List.of();
        }

        @Override
        public Optional<RealtimeClient> client(String id) {
            return Optional.empty();
        }

        @Override
        public int broadcast(String topic, String data) {
            return 0;
        }

        @Override
        public Optional<RealtimeClient> connect(String transport, String ip, Consumer<RealtimeMessage> sink) {
            return Optional.empty();
        }
    };

    /** A snapshot of the registered clients. */
    List<RealtimeClient> clients();

    /** The registered client with this id. */
    Optional<RealtimeClient> client(String id);

    /**
     * Sends {@code data} (one line of JSON text) to every client subscribed to {@code topic}: a subscription equal to
     * it or to it with {@code ?options=…}. Each receives the message under its subscription's exact name. No rule is
     * checked. Returns the number of messages queued.
     */
    int broadcast(String topic, String data);

    /**
     * Connects a client of a transport other than SSE (pb-http's WebSocket at {@code /api/updates}): fires
     * {@code onRealtimeConnectRequest} (without an HTTP request), registers the client and starts a virtual thread
     * that passes each of its messages through {@code onRealtimeMessageSend} to {@code sink}, in order, until the
     * client is discarded (a sink that throws discards it). The first message is {@code PB_CONNECT}. Empty when a
     * connect hook refused the client.
     */
    Optional<RealtimeClient> connect(String transport, String ip, Consumer<RealtimeMessage> sink);
}
