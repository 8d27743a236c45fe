package io.pb4j.http.internal.helidon;

import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Go's {@code ReadHeaderTimeout} and {@code ReadTimeout} where Helidon has none. Headers: once a request line has
 * arrived, its headers must follow within the header timeout, or the connection is closed (a client that trickles one
 * header byte every few seconds would otherwise hold a connection for ever); the request line itself is bounded by
 * the listener's idle timeout. On the connections {@link IdleConnections} tracks (all of pb4j's HTTP/1 ones) that
 * idle check bounds the headers too, a check period (a sixth of the timeout) late at most, so a request costs no
 * timer; an alarm per request line remains only for any other connection. Body: Helidon's socket read timeout does not reach the entity stream, so the thread
 * reading a body is interrupted when the read timeout has passed (a virtual thread interrupted in a socket read
 * closes the socket). Thread-safe; one instance serves every connection of a server.
 */
final class ReadDeadlines implements Http1ConnectionListener, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ReadDeadlines.class.getName());

    private final Duration timeout;
    private final Duration bodyTimeout;
    private final ScheduledThreadPoolExecutor timer = newTimer();
    private final Map<ConnectionContext, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();

    /** Most alarms are cancelled long before they fire: they leave the queue at once instead of piling up for minutes. */
    private static ScheduledThreadPoolExecutor newTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon().name("pb4j-read-deadlines").factory());
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    ReadDeadlines(Duration headerTimeout, Duration bodyTimeout) {
        this.timeout = headerTimeout;
        this.bodyTimeout = bodyTimeout;
    }

    /** Interrupts the calling thread once the body timeout has passed, unless the alarm is stopped first. */
    BodyAlarm interruptBodyReadLater() {
        BodyAlarm alarm = new BodyAlarm(Thread.currentThread());
        alarm.future = timer.schedule(alarm::fire, bodyTimeout.toNanos(), TimeUnit.NANOSECONDS);
        return alarm;
    }

    /** One body read's alarm; {@link #stop} and the firing exclude each other, so no interrupt arrives after it. */
    static final class BodyAlarm {
        private final Thread reader;
        private boolean stopped;
        private boolean fired;
        private ScheduledFuture<?> future;

        private BodyAlarm(Thread reader) {
            this.reader = reader;
        }

        private synchronized void fire() {
            if (!stopped) {
                fired = true;
                reader.interrupt();
            }
        }

        /** Stops the alarm; if it went off, the reader's interrupt flag is cleared (the read already failed). */
        synchronized void stop() {
            stopped = true;
            future.cancel(false);
            if (fired) {
                Thread.interrupted();
            }
        }
    }

    @Override
    public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
        if (IdleConnections.requestLine()) {
            // the connection's idle check bounds the wait for its headers: no alarm (two timer-queue operations and a
            // wake-up of the timer thread per request)
            return;
        }
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
        IdleConnections.headersRead();
        if (pending.isEmpty()) {
            return;
        }
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
