package io.pb4j.http.internal.helidon;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.pb4j.core.PocketBase;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.router.Router;
import io.pb4j.core.spi.ServerProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

/** Serves a pb4j {@link Router} with Helidon SE WebServer (a virtual thread per request). */
public final class HelidonServerProvider implements ServerProvider {
    private static final System.Logger LOG = System.getLogger(HelidonServerProvider.class.getName());
    private static final java.time.Duration SHUTDOWN_GRACE = java.time.Duration.ofSeconds(10);
    private static final int MAX_HEADER_BYTES = 1 << 20;
    /** Helidon's buffer under a streamed body (see {@code writeBufferSize} below): 3.5 KiB less per SSE stream. */
    private static final int STREAM_BUFFER = 512;

    @Override
    public String name() {
        return "helidon";
    }

    @Override
    public void prepare() {
        WarmUp.begin();
    }

    @Override
    public RunningServer start(PocketBase app, String host, int port, Router router) {
        WarmUp.await();
        Duration headerTimeout = app.config().readHeaderTimeout();
        ReadDeadlines deadlines = new ReadDeadlines(headerTimeout, app.config().readTimeout());
        ClientGone clientGone = new ClientGone();
        // Go reads up to 1 MiB of request line and headers (DefaultMaxHeaderBytes); long filters need it
        Http1Config http1 = Http1Config.builder()
                .maxPrologueLength(MAX_HEADER_BYTES)
                .maxHeadersSize(MAX_HEADER_BYTES)
                // ResponseHeaders checks each header once when it makes it, instead of every header of every response
                .validateResponseHeaders(false)
                .addReceiveListener(deadlines)
                .build();
        var builder = WebServer.builder()
                .host(host)
                .port(port)
                .maxPayloadSize(-1)
                // as Go's net/http: responses leave at once instead of waiting on Nagle + delayed ACK (40 ms stalls)
                .connectionOptions(o -> o.tcpNoDelay(true))
                // blocking sockets: 8 KiB per connection less than NIO's (a read and a write buffer of 8 KiB each), which
                // is a third of what an idle realtime stream holds; with a virtual thread per connection both block alike
                .useNio(false)
                // the buffer of a streamed body's output stream, 4 KiB by default and held for the stream's life: every
                // realtime stream has one though its chunks bypass it (DirectChunks); larger writes pass it unbuffered
                .writeBufferSize(STREAM_BUFFER)
                // stop() waits this long for in-flight requests before it interrupts them
                .shutdownGracePeriod(SHUTDOWN_GRACE)
                // a connection that sends no complete request line in time is closed (Go's ReadHeaderTimeout), the
                // time counted from its opening or last response (IdleConnections), never during a request
                .idleConnectionTimeout(headerTimeout)
                .idleConnectionPeriod(checkPeriod(headerTimeout))
                .addProtocol(http1)
                .routing(r -> r.any((req, res) -> handle(app, router, deadlines, clientGone, req, res)))
                // the WebSocket face of realtime (pb4j's own, beside PocketBase's SSE); without pb-realtime it refuses
                .addRouting(io.pb4j.http.internal.realtime.UpdatesEndpoint.routing(app, router));
        // tried before Helidon's own HTTP/1 selector, so it serves every connection; it needs the protocols as Helidon
        // completes them (the WebSocket upgrade's configuration is discovered)
        builder.addConnectionSelector(new IdleConnections(http1, builder.buildPrototype().protocols()));
        WebServer server = builder.build().start();
        if (!server.isRunning() || server.port() <= 0) {
            // Helidon logs a listener that cannot bind and carries on; PocketBase's serve fails with the reason
            server.stop();
            throw new IllegalStateException("listen tcp " + host + ":" + port + ": " + bindFailure(host, port));
        }
        return new RunningServer() {
            @Override
            public int port() {
                return server.port();
            }

            @Override
            public void close() {
                server.stop();
                deadlines.close();
                clientGone.close();
            }
        };
    }

    /** Why the address cannot be bound, as the operating system says it. */
    private static String bindFailure(String host, int port) {
        try (var probe = new java.net.ServerSocket()) {
            probe.bind(new java.net.InetSocketAddress(host, port));
            return "the server did not start";
        } catch (IOException e) {
            return "bind: " + String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** How often idle connections are looked for: often enough that one outlives its timeout by little. */
    private static Duration checkPeriod(Duration timeout) {
        long millis = Math.clamp(timeout.toMillis() / 6, 100, 10_000);
        return Duration.ofMillis(millis);
    }

    private static void handle(PocketBase app, Router router, ReadDeadlines deadlines, ClientGone clientGone,
                               ServerRequest req, ServerResponse res) {
        IdleConnections.handling(true);
        try {
            serve(app, router, deadlines, clientGone, req, res);
        } finally {
            IdleConnections.handling(false);
        }
    }

    private static void serve(PocketBase app, Router router, ReadDeadlines deadlines, ClientGone clientGone,
                              ServerRequest req, ServerResponse res) {
        RequestEvent e;
        HelidonRequest request;
        try (ClientGone.Watch watch = clientGone.watch(req.localPeer().port(), req.remotePeer().port())) {
            request = new HelidonRequest(req, deadlines);
            e = router.dispatch(app, request);
        }
        request.drainUnreadBody();
        res.status(Status.create(e.responseStatus()));
        for (Map.Entry<String, String> h : e.responseHeaders().entrySet()) {
            res.header(ResponseHeaders.of(h.getKey(), h.getValue()));
        }
        if (!e.responseCookies().isEmpty()) {
            res.header(ResponseHeaders.of(HeaderNames.SET_COOKIE, e.responseCookies().toArray(String[]::new)));
        }
        if (request.broken()) {
            res.header(HeaderNames.CONNECTION, "close");
        }
        if (e.responseStream().isPresent()) {
            try (OutputStream out = body(res)) {
                e.responseStream().get().writeTo(out);
            } catch (IOException | UncheckedIOException gone) {
                LOG.log(System.Logger.Level.DEBUG, "streamed response ended early: " + gone.getMessage());
            }
            return;
        }
        res.send(e.responseBody());
    }

    /** A streamed body: its chunks written straight to the connection's socket where the connection is known. */
    private static OutputStream body(ServerResponse res) {
        OutputStream helidon = res.outputStream();
        return IdleConnections.currentContext().<OutputStream>map(ctx -> new DirectChunks(helidon, res, ctx.dataWriter()))
                .orElse(helidon);
    }
}
