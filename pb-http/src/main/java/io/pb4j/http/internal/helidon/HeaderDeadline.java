package io.pb4j.http.internal.helidon;

import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The part of Go's {@code ReadHeaderTimeout} that Helidon's idle-connection check does not cover: once a request
 * line has arrived, its headers must follow within the timeout, or the connection is closed (a client that trickles
 * one header byte every few seconds would otherwise hold a connection for ever). The request line itself is bounded
 * by the listener's idle timeout. Thread-safe; one instance serves every connection of a server.
 */
final class HeaderDeadline implements Http1ConnectionListener, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(HeaderDeadline.class.getName());

    private final Duration timeout;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("pb4j-header-deadline").factory());
    private final Map<ConnectionContext, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();

    HeaderDeadline(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
        ScheduledFuture<?> alarm = timer.schedule(() -> {
            if (pending.remove(ctx) != null) {
                LOG.log(System.Logger.Level.DEBUG, "closing " + ctx.remotePeer() + ": no headers within " + timeout);
                ctx.serverSocket().close();
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        ScheduledFuture<?> earlier = pending.put(ctx, alarm);
        if (earlier != null) {
            earlier.cancel(false);
        }
    }

    @Override
    public void headers(ConnectionContext ctx, Headers headers) {
        ScheduledFuture<?> alarm = pending.remove(ctx);
        if (alarm != null) {
            alarm.cancel(false);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        pending.clear();
    }
}
