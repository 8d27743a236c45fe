package io.pb4j.http.internal.realtime;

import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import io.pb4j.core.PocketBase;
import io.pb4j.core.StrictJson;
import io.pb4j.core.realtime.RealtimeClient;
import io.pb4j.core.realtime.RealtimeMessage;
import io.pb4j.core.router.ClientIp;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.router.Router;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One WebSocket connection of {@code /api/updates} (pb4j's second face of the realtime broker): the client sends
 * {@code {"type":"subscribe"|"unsubscribe","topics":[…]}} and {@code {"type":"auth","token":"…"}}, and receives
 * {@code {"type":"connect","clientId"}} first, then each event as {@code {"topic", …the SSE data's members}} (for a
 * record: {@code topic}, {@code record}, {@code action}). Each request is answered with {@code {"type":"ok",
 * "request","topics"}} or {@code {"type":"error","request","status","message","data"}}.
 *
 * <p>Every request becomes a {@code POST /api/realtime} through the app's router with the connection's token as
 * {@code Authorization}, so the same middlewares, auth binding rules (guest → auth only), limits and hooks apply as
 * for SSE clients.
 */
final class UpdatesSocket implements WsListener {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private final PocketBase app;
    private final Router router;
    private volatile RealtimeClient client;
    private volatile String token = "";
    private volatile String ip = "";
    private volatile Map<String, List<String>> upgradeHeaders = Map.of();

    UpdatesSocket(PocketBase app, Router router) {
        this.app = app;
        this.router = router;
    }

    /** Keeps the upgrade request's headers: the client IP behind a trusted proxy is in them. */
    @Override
    public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) {
        upgradeHeaders = headers.toMap();
        io.pb4j.http.internal.helidon.IdleConnections.upgraded();
        return Optional.empty();
    }

    @Override
    public void onOpen(WsSession session) {
        // PocketBase's RealIP, as for SSE clients: the requests below then carry it as their peer address
        ip = ClientIp.of(app, new UpgradeRequest(session.socketContext().remotePeer().host(), upgradeHeaders));
        Optional<RealtimeClient> connected = app.realtime().connect("websocket", ip, m -> send(session, event(m)));
        if (connected.isEmpty()) {
            session.close(1008, "refused");
            return;
        }
        client = connected.get();
    }

    @Override
    public void onMessage(WsSession session, String text, boolean last) {
        RealtimeClient c = client;
        if (c == null) {
            return;
        }
        JsonObject request = StrictJson.parse(text).filter(v -> v instanceof JsonObject).map(JsonObject.class::cast)
                .orElse(JsonValue.EMPTY_JSON_OBJECT);
        String type = request.getString("type", "");
        List<String> topics = strings(request.get("topics"));
        Set<String> next = new LinkedHashSet<>(c.subscriptions());
        switch (type) {
            case "subscribe" -> next.addAll(topics);
            case "unsubscribe" -> {
                if (topics.isEmpty()) {
                    next.clear();
                } else {
                    topics.forEach(next::remove);
                }
            }
            case "auth" -> token = request.getString("token", "");
            default -> {
                send(session, JSON.createObjectBuilder().add("type", "error").add("request", type).add("status", 400)
                        .add("message", "Unknown message type; expected subscribe, unsubscribe or auth.")
                        .add("data", JsonValue.EMPTY_JSON_OBJECT).build().toString());
                return;
            }
        }
        RequestEvent e = router.dispatch(app, new SocketRequest(ip, token, body(c.id(), List.copyOf(next))));
        if (e.responseStatus() == 204) {
            JsonArrayBuilder current = JSON.createArrayBuilder();
            c.subscriptions().forEach(current::add);
            send(session, JSON.createObjectBuilder().add("type", "ok").add("request", type).add("topics", current).build().toString());
            return;
        }
        JsonObject envelope = StrictJson.parse(new String(e.responseBody(), StandardCharsets.UTF_8))
                .filter(v -> v instanceof JsonObject).map(JsonObject.class::cast).orElse(JsonValue.EMPTY_JSON_OBJECT);
        send(session, JSON.createObjectBuilder().add("type", "error").add("request", type).add("status", e.responseStatus())
                .add("message", envelope.getString("message", "")).add("data", envelope.getOrDefault("data", JsonValue.EMPTY_JSON_OBJECT))
                .build().toString());
    }

    @Override
    public void onClose(WsSession session, int status, String reason) {
        RealtimeClient c = client;
        if (c != null) {
            c.discard();
        }
    }

    @Override
    public void onError(WsSession session, Throwable t) {
        onClose(session, 1011, "error");
    }

    /** An event as the socket carries it: the topic, then the members of the SSE data (or the data as {@code data}). */
    private static String event(RealtimeMessage m) {
        if ("PB_CONNECT".equals(m.name())) {
            JsonObject data = (JsonObject) StrictJson.parse(m.data()).orElseThrow();
            return JSON.createObjectBuilder().add("type", "connect").add("clientId", data.getString("clientId")).build().toString();
        }
        JsonObjectBuilder out = JSON.createObjectBuilder().add("topic", m.name());
        Optional<JsonValue> data = StrictJson.parse(m.data());
        if (data.isPresent() && data.get() instanceof JsonObject o) {
            o.forEach(out::add);
        } else {
            out.add("data", data.orElse(JSON.createValue(m.data())));
        }
        return out.build().toString();
    }

    /** Sends are serialised: the client's delivery thread and request replies share the session. */
    private static void send(WsSession session, String text) {
        synchronized (session) {
            session.send(text, true);
        }
    }

    private static List<String> strings(JsonValue v) {
        List<String> out = new ArrayList<>();
        if (v instanceof JsonArray array) {
            for (JsonValue item : array) {
                if (item instanceof JsonString s) {
                    out.add(s.getString());
                }
            }
        }
        return out;
    }

    private static byte[] body(String clientId, List<String> subscriptions) {
        JsonArrayBuilder subs = JSON.createArrayBuilder();
        subscriptions.forEach(subs::add);
        return JSON.createObjectBuilder().add("clientId", clientId).add("subscriptions", subs).build().toString()
                .getBytes(StandardCharsets.UTF_8);
    }
}
