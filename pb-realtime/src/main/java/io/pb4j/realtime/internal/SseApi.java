package io.pb4j.realtime.internal;

import io.pb4j.core.ApiException;
import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import io.pb4j.core.realtime.RealtimeConnectRequestEvent;
import io.pb4j.core.realtime.RealtimeMessage;
import io.pb4j.core.realtime.RealtimeMessageEvent;
import io.pb4j.core.realtime.RealtimeSubscribeRequestEvent;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.router.Router;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/realtime} (the SSE stream of one client) and {@code POST /api/realtime} (its subscriptions), as
 * PocketBase's {@code apis/realtime.go}.
 */
final class SseApi {
    private static final System.Logger LOG = System.getLogger(SseApi.class.getName());
    private static final byte[] KEEP_ALIVE = ":\n\n".getBytes(StandardCharsets.UTF_8);

    private final PocketBase app;
    private final Broker broker;

    SseApi(PocketBase app, Broker broker) {
        this.app = app;
        this.broker = broker;
    }

    void bind(Router router) {
        router.get("/api/realtime", this::connect);
        router.post("/api/realtime", this::subscribe);
    }

    private void connect(RequestEvent e) {
        Client client = broker.newClient("sse", e.realIp());
        RealtimeConnectRequestEvent ce = new RealtimeConnectRequestEvent(app, Optional.of(e), client);
        app.onRealtimeConnectRequest().trigger(ce, event -> {
            event.request().orElseThrow().setHeader("Cache-Control", "no-store");
            event.request().orElseThrow().setHeader("X-Accel-Buffering", "no");
            event.request().orElseThrow().stream(200, "text/event-stream", out -> serve(client, event, out));
        });
    }

    /**
     * Lets the broker's writers write the client's messages to the stream until it goes away, times out or is
     * discarded; then unregisters it. This connection thread only waits meanwhile.
     */
    private void serve(Client client, RealtimeConnectRequestEvent ce, OutputStream out) {
        // registered only once the stream is written (never for a HEAD request, which gets no body)
        broker.register(client);
        byte[] idLine = client.idLine();
        Sink sink = new Sink() {
            @Override
            public boolean write(Client c, Outgoing message) throws IOException {
                if (message == Outgoing.PING) {
                    out.write(KEEP_ALIVE);
                    return false;
                }
                return SseApi.this.write(c, idLine, message, out);
            }

            @Override
            public void flush() throws IOException {
                out.flush();
            }
        };
        LOG.log(System.Logger.Level.DEBUG, "realtime connection established: {0}", client.id());
        client.serve(sink, Outgoing.of(new RealtimeMessage("PB_CONNECT", "{\"clientId\":\"" + client.id() + "\"}")),
                ce.maxTimeout(), ce.idleTimeout(), ce.keepAlive());
        LOG.log(System.Logger.Level.DEBUG, "realtime connection closed: {0}", client.id());
    }

    /**
     * Fires the message hook (when it has handlers); its default action writes PocketBase's framing, the shared
     * encoded tail when the handlers left the message as it was. Whether the message was written.
     */
    private boolean write(Client client, byte[] idLine, Outgoing outgoing, OutputStream out) throws IOException {
        if (app.onRealtimeMessageSend().length() == 0) {
            out.write(idLine);
            out.write(outgoing.frameTail());
            return true;
        }
        boolean[] written = {false};
        try {
            app.onRealtimeMessageSend().trigger(new RealtimeMessageEvent(app, client, outgoing.message()), me -> {
                try {
                    out.write(idLine);
                    out.write(me.message() == outgoing.message() ? outgoing.frameTail() : Outgoing.tail(me.message()));
                    written[0] = true;
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        } catch (UncheckedIOException ex) {
            throw ex.getCause();
        }
        return written[0];
    }

    private void subscribe(RequestEvent e) {
        SubscribeForm form = SubscribeForm.parse(e.header("Content-Type"), e.body());
        form.validate();
        Optional<Client> held = broker.registeredClient(form.clientId());
        if (held.isEmpty()) {
            // behind a load balancer: the client's stream may be on another node of the cluster
            broker.remote().subscribe(form.clientId(), e.realIp(), e.auth(), form.subscriptions());
            e.noContent();
            return;
        }
        Client client = held.get();
        if (!client.ip().isEmpty() && !client.ip().equals(e.realIp())) {
            throw ApiException.badRequest("Invalid realtime client.");
        }
        Optional<Record> auth = e.auth();
        requireSameAuth(client, auth);
        RealtimeSubscribeRequestEvent se = new RealtimeSubscribeRequestEvent(app, Optional.of(e), client, auth, form.subscriptions());
        app.onRealtimeSubscribeRequest().trigger(se, event -> {
            replace(event.client(), event.auth(), event.subscriptions());
            e.noContent();
        });
    }

    /** Only a guest → auth upgrade or the same auth again may change a client's subscriptions (403 otherwise). */
    static void requireSameAuth(io.pb4j.core.realtime.RealtimeClient client, Optional<Record> auth) {
        Optional<Record> bound = client.auth();
        if (bound.isPresent() && !sameAuth(bound.get(), auth)) {
            throw ApiException.forbidden("The current and the previous request authorization don't match.");
        }
    }

    private static boolean sameAuth(Record bound, Optional<Record> auth) {
        return auth.isPresent() && bound.id().equals(auth.get().id()) && bound.collection().id().equals(auth.get().collection().id());
    }

    /** PocketBase's subscribe default action: bind the auth, drop every subscription, add the new ones. */
    static void replace(io.pb4j.core.realtime.RealtimeClient client, Optional<Record> auth, List<String> subscriptions) {
        client.auth(auth);
        client.unsubscribe(List.of());
        client.subscribe(subscriptions);
    }
}
