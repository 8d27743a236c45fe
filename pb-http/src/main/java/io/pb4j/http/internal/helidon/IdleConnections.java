package io.pb4j.http.internal.helidon;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.concurrency.limits.Limit;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.ProtocolConfigs;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionProvider;
import io.helidon.webserver.spi.ProtocolConfig;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;

/**
 * Helidon's HTTP/1 connections with their idle time counted as Go's server counts the wait for a request. Helidon
 * 4.5.0 counts it from the start of the connection's latest request, so a request that runs past the idle timeout
 * (our read-header timeout) has its keep-alive connection closed after it, and the wait after any long request is cut
 * short. Here a connection is never idle while one of our handlers runs, and otherwise idle since the latest of its
 * opening, its last request line and its last response; once upgraded to a WebSocket, the socket's own idle time
 * counts. Thread-safe: the connection's own thread reports, Helidon's idle check reads.
 */
public final class IdleConnections implements ServerConnectionSelector {
    /** The tracked connection served by the current (connection) thread. */
    private static final ThreadLocal<Tracked> CURRENT = new ThreadLocal<>();

    private final ServerConnectionSelector http1;

    IdleConnections(Http1Config config, List<ProtocolConfig> protocols) {
        this.http1 = new Http1ConnectionProvider().create(WebServer.DEFAULT_SOCKET_NAME, config, ProtocolConfigs.create(protocols));
    }

    @Override
    public int bytesToIdentifyConnection() {
        return http1.bytesToIdentifyConnection();
    }

    @Override
    public Support supports(BufferData request) {
        return http1.supports(request);
    }

    @Override
    public Set<String> supportedApplicationProtocols() {
        return http1.supportedApplicationProtocols();
    }

    @Override
    public ServerConnection connection(ConnectionContext ctx) {
        return new Tracked(http1.connection(ctx), ctx);
    }

    /**
     * On a connection's thread: a request line has been read, its headers are awaited. Returns whether the connection
     * is tracked: then the idle check closes it when its headers do not follow within the idle timeout (Go's
     * ReadHeaderTimeout, see {@link Tracked#close}), with no timer per request.
     */
    static boolean requestLine() {
        Tracked t = CURRENT.get();
        if (t == null) {
            return false;
        }
        t.lastActivity = System.nanoTime();
        t.awaitingHeaders = true;
        return true;
    }

    /** On a connection's thread: the request's headers have been read. */
    static void headersRead() {
        Tracked t = CURRENT.get();
        if (t != null) {
            t.awaitingHeaders = false;
        }
    }

    /** On a connection's thread: one of our handlers starts ({@code true}) or has ended. */
    static void handling(boolean started) {
        Tracked t = CURRENT.get();
        if (t != null) {
            t.handling = started;
            t.lastActivity = System.nanoTime();
        }
    }

    /**
     * On a connection's thread: its context, whose data writer is the socket under the response (for
     * {@link DirectChunks}); empty on a connection this selector did not make.
     */
    static java.util.Optional<ConnectionContext> currentContext() {
        Tracked t = CURRENT.get();
        return t == null ? java.util.Optional.empty() : java.util.Optional.of(t.ctx);
    }

    /** On a connection's thread: the connection is becoming a WebSocket, whose idle time is its own. */
    public static void upgraded() {
        Tracked t = CURRENT.get();
        if (t != null) {
            t.upgraded = true;
        }
    }

    private static final class Tracked implements ServerConnection {
        private final ServerConnection delegate;
        private final ConnectionContext ctx;
        private volatile long lastActivity = System.nanoTime();
        private volatile boolean handling;
        private volatile boolean upgraded;
        /** Between a request line and the end of its headers: a close must not wait for the headers' read. */
        private volatile boolean awaitingHeaders;

        Tracked(ServerConnection delegate, ConnectionContext ctx) {
            this.delegate = delegate;
            this.ctx = ctx;
        }

        @Override
        public void handle(Semaphore requestSemaphore) throws InterruptedException {
            CURRENT.set(this);
            try {
                delegate.handle(requestSemaphore);
            } finally {
                CURRENT.remove();
            }
        }

        @Override
        public void handle(Limit limit) throws InterruptedException {
            CURRENT.set(this);
            try {
                delegate.handle(limit);
            } finally {
                CURRENT.remove();
            }
        }

        @Override
        public Duration idleTime() {
            if (upgraded) {
                return delegate.idleTime();
            }
            return handling ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - lastActivity);
        }

        /**
         * Helidon's idle check closes a connection without interrupting it unless it waits for a request line; one
         * whose headers are still arriving (a client trickling them) would read on, so its socket is closed here.
         */
        @Override
        public void close(boolean interrupt) {
            if (awaitingHeaders && !handling && !upgraded) {
                System.getLogger(IdleConnections.class.getName()).log(System.Logger.Level.DEBUG,
                        "closing " + ctx.remotePeer() + ": no headers within the header timeout");
                ctx.serverSocket().close();
            }
            delegate.close(interrupt);
        }
    }
}
