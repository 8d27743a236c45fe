package io.pb4j.core.realtime;

import io.pb4j.core.PocketBase;
import io.pb4j.core.hook.HookEvent;
import java.util.Objects;

/**
 * PocketBase's {@code RealtimeMessageEvent}: a message is about to be written to a client's connection, on that
 * connection's thread. Handlers may replace {@link #message(RealtimeMessage)}; one that does not call {@code next()}
 * skips the message. Not thread-safe.
 */
public final class RealtimeMessageEvent extends HookEvent {
    private final PocketBase app;
    private final RealtimeClient client;
    private RealtimeMessage message;

    /** The event of writing {@code message} to {@code client}. */
    public RealtimeMessageEvent(PocketBase app, RealtimeClient client, RealtimeMessage message) {
        this.app = app;
        this.client = client;
        this.message = message;
    }

    /** The app. */
    public PocketBase app() {
        return app;
    }

    /** The client the message goes to. */
    public RealtimeClient client() {
        return client;
    }

    /** The message to write. */
    public RealtimeMessage message() {
        return message;
    }

    /** Writes another message instead. */
    public void message(RealtimeMessage message) {
        this.message = Objects.requireNonNull(message);
    }
}
