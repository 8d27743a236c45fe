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

    public RealtimeMessageEvent(PocketBase app, RealtimeClient client, RealtimeMessage message) {
        this.app = app;
        this.client = client;
        this.message = message;
    }

    public PocketBase app() {
        return app;
    }

    public RealtimeClient client() {
        return client;
    }

    public RealtimeMessage message() {
        return message;
    }

    public void message(RealtimeMessage message) {
        this.message = Objects.requireNonNull(message);
    }
}
