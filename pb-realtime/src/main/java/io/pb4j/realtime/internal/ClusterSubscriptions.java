package io.pb4j.realtime.internal;

import io.pb4j.core.ApiException;
import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import io.pb4j.core.realtime.RealtimeSubscribeRequestEvent;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Behind a load balancer a client's {@code POST /api/realtime} may reach another node than its SSE stream. That node
 * asks the cluster; the node that holds the client applies the subscriptions as its own {@code POST} would (the same
 * IP and auth checks, {@code onRealtimeSubscribeRequest} without an HTTP request) and answers with the status, while
 * the others answer that they do not know the client. The asking node waits at most {@value #WAIT_MS} ms.
 */
final class ClusterSubscriptions {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private static final String ASK = "pb4j.realtime.subscribe";
    private static final String ANSWER = "pb4j.realtime.subscribed";
    private static final long WAIT_MS = 3000;
    /** The answer of a node that does not hold the client. */
    private static final int ABSENT = 0;

    /** An ask in flight: the answers so far, and the owner's (status, message) once it answered. */
    private static final class Pending {
        int absent;
        int status = -1;
        String message = "";
    }

    private final PocketBase app;
    private final Broker broker;
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    ClusterSubscriptions(PocketBase app, Broker broker) {
        this.app = app;
        this.broker = broker;
        app.cluster().subscribe(ASK, this::asked);
        app.cluster().subscribe(ANSWER, this::answered);
    }

    /**
     * Applies the subscriptions on the node that holds {@code clientId}, when another does.
     *
     * @throws ApiException the owner's refusal, or PocketBase's 404 when no node holds the client
     */
    void subscribe(String clientId, String ip, Optional<Record> auth, List<String> subscriptions) {
        if (!app.cluster().active()) {
            throw ApiException.notFound("Missing or invalid client id.");
        }
        String id = app.cluster().nodeId() + "-" + sequence.incrementAndGet();
        Pending p = new Pending();
        pending.put(id, p);
        try {
            var subs = JSON.createArrayBuilder();
            subscriptions.forEach(subs::add);
            app.cluster().publish(ASK, JSON.createObjectBuilder().add("id", id).add("client", clientId).add("ip", ip)
                    .add("authCollection", auth.map(a -> a.collection().id()).orElse(""))
                    .add("authId", auth.map(Record::id).orElse("")).add("subscriptions", subs).build().toString());
            int others = app.cluster().peers();
            long deadline = System.currentTimeMillis() + WAIT_MS;
            synchronized (p) {
                while (p.status < 0 && p.absent < others && System.currentTimeMillis() < deadline) {
                    p.wait(Math.max(1, deadline - System.currentTimeMillis()));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pending.remove(id);
        }
        if (p.status == 204) {
            return;
        }
        throw p.status > 0 ? new ApiException(p.status, p.message) : ApiException.notFound("Missing or invalid client id.");
    }

    private void asked(String payload) {
        JsonObject ask = JSON.createReader(new StringReader(payload)).readObject();
        Optional<Client> client = broker.registeredClient(ask.getString("client"));
        int status = ABSENT;
        String message = "";
        if (client.isPresent()) {
            try {
                apply(client.get(), ask);
                status = 204;
            } catch (ApiException e) {
                status = e.status();
                message = e.getMessage();
            } catch (RuntimeException e) {
                status = 400;
                message = "Something went wrong while processing your request.";
            }
        }
        app.cluster().publish(ANSWER, JSON.createObjectBuilder().add("id", ask.getString("id")).add("status", status)
                .add("message", message).build().toString());
    }

    /** The checks and the default action of this node's own {@code POST /api/realtime}. */
    private void apply(Client client, JsonObject ask) {
        String ip = ask.getString("ip");
        if (!client.ip().isEmpty() && !client.ip().equals(ip)) {
            throw ApiException.badRequest("Invalid realtime client.");
        }
        Optional<Record> auth = ask.getString("authId").isEmpty() ? Optional.empty()
                : app.findRecordById(ask.getString("authCollection"), ask.getString("authId"));
        SseApi.requireSameAuth(client, auth);
        List<String> subscriptions = ask.getJsonArray("subscriptions").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
        RealtimeSubscribeRequestEvent se = new RealtimeSubscribeRequestEvent(app, Optional.empty(), client, auth, subscriptions);
        app.onRealtimeSubscribeRequest().trigger(se, event -> SseApi.replace(event.client(), event.auth(), event.subscriptions()));
    }

    private void answered(String payload) {
        JsonObject answer = JSON.createReader(new StringReader(payload)).readObject();
        Pending p = pending.get(answer.getString("id"));
        if (p == null) {
            return;
        }
        synchronized (p) {
            if (answer.getInt("status") == ABSENT) {
                p.absent++;
            } else {
                p.status = answer.getInt("status");
                p.message = answer.getString("message");
            }
            p.notifyAll();
        }
    }
}
