package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The WebSocket face of realtime at {@code /api/updates}, through java.net.http's plain WebSocket client. */
class RealtimeWebSocketTest {
    private static TestServer server;
    private static String superuser;

    @BeforeAll
    static void start() {
        server = new TestServer();
        superuser = server.superuserToken();
        server.expect("POST", "/api/collections", superuser, """
                {"name":"ws_posts","listRule":"","viewRule":"",
                 "fields":[{"name":"title","type":"text"}]}""", 200);
        server.expect("POST", "/api/collections", superuser, """
                {"name":"ws_private","listRule":"@request.auth.id != ''","viewRule":"@request.auth.id != ''",
                 "fields":[{"name":"title","type":"text"}]}""", 200);
        server.expect("POST", "/api/collections/users/records", superuser,
                "{\"email\":\"ws@example.com\",\"password\":\"1234567890\",\"passwordConfirm\":\"1234567890\"}", 200);
        server.expect("POST", "/api/collections/users/records", superuser,
                "{\"email\":\"ws2@example.com\",\"password\":\"1234567890\",\"passwordConfirm\":\"1234567890\"}", 200);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** A plain WebSocket client collecting text messages. */
    static final class Socket implements WebSocket.Listener, AutoCloseable {
        final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        final WebSocket ws;
        private final StringBuilder partial = new StringBuilder();

        Socket() {
            ws = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create(server.base.replace("http://", "ws://") + "/api/updates"), this).join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(Json.createReader(new StringReader(partial.toString())).readObject());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        JsonObject next() throws InterruptedException {
            JsonObject m = messages.poll(10, TimeUnit.SECONDS);
            assertThat(m).as("a WebSocket message within 10 s").isNotNull();
            return m;
        }

        JsonObject request(String json) throws InterruptedException {
            ws.sendText(json, true).join();
            return next();
        }

        @Override
        public void close() {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        }
    }

    private static String token(String email) {
        return RealtimeApiTest.json(server.expect("POST", "/api/collections/users/auth-with-password", null,
                "{\"identity\":\"" + email + "\",\"password\":\"1234567890\"}", 200)).getString("token");
    }

    @Test
    void subscribersReceiveTheSameRecordEventsAsSseClients() throws Exception {
        try (Socket s = new Socket()) {
            JsonObject connect = s.next();
            assertThat(connect.getString("type")).isEqualTo("connect");
            String clientId = connect.getString("clientId");
            assertThat(server.app.realtime().client(clientId).orElseThrow().transport()).isEqualTo("websocket");
            JsonObject ok = s.request("{\"type\":\"subscribe\",\"topics\":[\"ws_posts/*\",\"other\"]}");
            assertThat(ok.toString()).isEqualTo("{\"type\":\"ok\",\"request\":\"subscribe\",\"topics\":[\"ws_posts/*\",\"other\"]}");
            String id = RealtimeApiTest.json(server.expect("POST", "/api/collections/ws_posts/records", superuser,
                    "{\"title\":\"hi\"}", 200)).getString("id");
            JsonObject event = s.next();
            assertThat(event.keySet()).containsExactly("topic", "record", "action");
            assertThat(event.getString("topic")).isEqualTo("ws_posts/*");
            assertThat(event.getString("action")).isEqualTo("create");
            assertThat(event.getJsonObject("record").getString("id")).isEqualTo(id);
            JsonObject left = s.request("{\"type\":\"unsubscribe\",\"topics\":[\"ws_posts/*\"]}");
            assertThat(left.getJsonArray("topics").toString()).isEqualTo("[\"other\"]");
            server.expect("POST", "/api/collections/ws_posts/records", superuser, "{\"title\":\"unseen\"}", 200);
            server.app.realtime().broadcast("other", "{\"n\":1}");
            assertThat(s.next().toString()).isEqualTo("{\"topic\":\"other\",\"n\":1}");
        }
    }

    @Test
    void authFollowsTheSameRulesAsSse() throws Exception {
        try (Socket s = new Socket()) {
            String clientId = s.next().getString("clientId");
            s.request("{\"type\":\"subscribe\",\"topics\":[\"ws_private/*\"]}");
            server.expect("POST", "/api/collections/ws_private/records", superuser, "{\"title\":\"guest cannot see\"}", 200);
            JsonObject authed = s.request("{\"type\":\"auth\",\"token\":\"" + token("ws@example.com") + "\"}");
            assertThat(authed.getString("type")).isEqualTo("ok");
            assertThat(server.app.realtime().client(clientId).orElseThrow().auth().orElseThrow().email()).isEqualTo("ws@example.com");
            server.expect("POST", "/api/collections/ws_private/records", superuser, "{\"title\":\"visible\"}", 200);
            JsonObject event = s.next();
            assertThat(event.getJsonObject("record").getString("title")).isEqualTo("visible");
            JsonObject refused = s.request("{\"type\":\"auth\",\"token\":\"" + token("ws2@example.com") + "\"}");
            assertThat(refused.toString()).isEqualTo("{\"type\":\"error\",\"request\":\"auth\",\"status\":403,"
                    + "\"message\":\"The current and the previous request authorization don't match.\",\"data\":{}}");
            JsonObject unknown = s.request("{\"type\":\"dance\"}");
            assertThat(unknown.getString("type")).isEqualTo("error");
            assertThat(unknown.getInt("status")).isEqualTo(400);
            JsonObject tooLong = s.request("{\"type\":\"subscribe\",\"topics\":[\"" + "a".repeat(2501) + "\"]}");
            assertThat(tooLong.getInt("status")).isEqualTo(400);
            assertThat(tooLong.getJsonObject("data").getJsonObject("subscriptions").getJsonObject("1").getString("code"))
                    .isEqualTo("validation_length_too_long");
        }
    }

    @Test
    void closingTheSocketUnregistersTheClient() throws Exception {
        Socket s = new Socket();
        String clientId = s.next().getString("clientId");
        s.close();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.app.realtime().client(clientId).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(server.app.realtime().client(clientId)).isEmpty();
    }
}
