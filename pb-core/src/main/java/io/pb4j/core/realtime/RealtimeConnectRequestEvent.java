package io.pb4j.core.realtime;

import io.pb4j.core.PocketBase;
import io.pb4j.core.hook.HookEvent;
import io.pb4j.core.router.RequestEvent;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * PocketBase's {@code RealtimeConnectRequestEvent}: a client connects. Handlers may change the timeouts before
 * calling {@code next()}; the default action registers the client and serves its connection until it ends (for
 * SSE the stream itself is written once the middlewares have returned). A handler that does not call
 * {@code next()} refuses the connection. Not thread-safe.
 */
public final class RealtimeConnectRequestEvent extends HookEvent {
    private final PocketBase app;
    private final RequestEvent request;
    private final RealtimeClient client;
    private Duration idleTimeout = Duration.ofMinutes(5);
    private Duration maxTimeout = Duration.ofMinutes(30);
    private Duration keepAlive = Duration.ofSeconds(30);

    /** {@code request} is the HTTP request of an SSE connection; a WebSocket connection has none. */
    public RealtimeConnectRequestEvent(PocketBase app, Optional<RequestEvent> request, RealtimeClient client) {
        this.app = app;
        this.request = request.orElse(null);
        this.client = client;
    }

    /** The app the event belongs to. */
    public PocketBase app() {
        return app;
    }

    /** The HTTP request of an SSE connection; empty for a WebSocket. */
    public Optional<RequestEvent> request() {
        return Optional.ofNullable(request);
    }

    /** The realtime client of the connection. */
    public RealtimeClient client() {
        return client;
    }

    /** The connection ends after this long without a delivered message (PocketBase: 5 minutes). */
    public Duration idleTimeout() {
        return idleTimeout;
    }

    /** Closes the connection after this long without a message. */
    public void idleTimeout(Duration timeout) {
        this.idleTimeout = Objects.requireNonNull(timeout);
    }

    /** The connection ends after this long in any case (PocketBase: 30 minutes). */
    public Duration maxTimeout() {
        return maxTimeout;
    }

    /** Closes the connection after this long, whatever it does. */
    public void maxTimeout(Duration timeout) {
        this.maxTimeout = Objects.requireNonNull(timeout);
    }

    /**
     * How often an idle SSE stream gets a comment line ({@code :}), which clients ignore, so that a peer that went
     * away is noticed (and its client unregistered) without waiting for the idle timeout. Not in PocketBase.
     */
    public Duration keepAlive() {
        return keepAlive;
    }

    /** Sends a keep-alive comment at this interval. */
    public void keepAlive(Duration interval) {
        this.keepAlive = Objects.requireNonNull(interval);
    }
}
