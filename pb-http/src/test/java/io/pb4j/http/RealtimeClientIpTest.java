package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.realtime.RealtimeClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Realtime behind a trusted proxy (PocketBase's {@code RealIP}: a client's IP is the one of the {@code trustedProxy}
 * headers, for the hooks, {@code app.realtime()}, the subscribe and OAuth2 redirect IP checks and WebSockets alike),
 * and Apple's {@code user} field on the OAuth2 form_post redirect.
 */
class RealtimeClientIpTest {
    private static TestServer server;
    private static String superuser;

    @BeforeAll
    static void start() {
        server = new TestServer();
        superuser = server.superuserToken();
        server.expect("PATCH", "/api/settings", superuser, "{\"trustedProxy\":{\"headers\":[\"X-Forwarded-For\"],\"useLeftmostIP\":false}}", 200);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static TestServer.Response subscribe(SseClient c, Map<String, String> headers, String... topics) {
        StringBuilder body = new StringBuilder("{\"clientId\":\"" + c.clientId + "\",\"subscriptions\":[");
        for (int i = 0; i < topics.length; i++) {
            body.append(i == 0 ? "" : ",").append('"').append(topics[i]).append('"');
        }
        java.util.Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Content-Type", "application/json");
        return server.sendWith("POST", "/api/realtime", all, body.append("]}").toString());
    }

    @Test
    void anSseClientIsKnownByItsForwardedIpInHooksTheJavaApiAndTheSubscribeCheck() {
        List<String> seen = new CopyOnWriteArrayList<>();
        String hook = server.app.onRealtimeConnectRequest().bind(e -> {
            seen.add(e.client().ip());
            e.next();
        });
        try (SseClient c = new SseClient(server, Map.of("X-Forwarded-For", "203.0.113.9, 10.0.0.7"))) {
            // the rightmost valid IP of the last header value, as PocketBase without useLeftmostIP
            assertThat(seen).containsExactly("10.0.0.7");
            RealtimeClient client = server.app.realtime().client(c.clientId).orElseThrow();
            assertThat(client.ip()).isEqualTo("10.0.0.7");
            // the same proxy-forwarded IP may subscribe; the peer itself (127.0.0.1) or another forwarded IP may not
            assertThat(subscribe(c, Map.of("X-Forwarded-For", "10.0.0.7"), "a").status()).isEqualTo(204);
            TestServer.Response direct = subscribe(c, Map.of(), "b");
            assertThat(direct.status()).isEqualTo(400);
            assertThat(direct.body()).contains("\"message\":\"Invalid realtime client.\"");
            assertThat(subscribe(c, Map.of("X-Forwarded-For", "10.0.0.8"), "b").status()).isEqualTo(400);
            assertThat(client.subscriptions()).containsExactly("a");
        } finally {
            server.app.onRealtimeConnectRequest().unbind(hook);
        }
    }

    @Test
    void theOAuth2RedirectMustComeFromTheForwardedIpOfItsClient() {
        try (SseClient c = new SseClient(server, Map.of("X-Forwarded-For", "10.0.0.7"))) {
            assertThat(subscribe(c, Map.of("X-Forwarded-For", "10.0.0.7"), "@oauth2").status()).isEqualTo(204);
            TestServer.Response other = server.sendWith("GET", "/api/oauth2-redirect?state=" + c.clientId + "&code=1",
                    Map.of("X-Forwarded-For", "10.0.0.99"), null);
            assertThat(other.headers().firstValue("Location")).hasValue("../_/#/auth/oauth2-redirect-failure");
            assertThat(c.next(Duration.ofMillis(200))).isEmpty();
        }
        try (SseClient c = new SseClient(server, Map.of("X-Forwarded-For", "10.0.0.7"))) {
            assertThat(subscribe(c, Map.of("X-Forwarded-For", "10.0.0.7"), "@oauth2").status()).isEqualTo(204);
            TestServer.Response same = server.sendWith("GET", "/api/oauth2-redirect?state=" + c.clientId + "&code=1",
                    Map.of("X-Forwarded-For", "10.0.0.7"), null);
            assertThat(same.headers().firstValue("Location")).hasValue("../_/#/auth/oauth2-redirect-success");
            assertThat(c.next().data()).isEqualTo("{\"state\":\"" + c.clientId + "\",\"code\":\"1\"}");
        }
    }

    @Test
    void aWebSocketClientIsKnownByTheForwardedIpOfItsUpgradeRequest() throws Exception {
        int before = server.app.realtime().clients().size();
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().header("X-Forwarded-For", "10.0.0.42")
                .buildAsync(URI.create(server.base.replace("http://", "ws://") + "/api/updates"), new WebSocket.Listener() {
                }).join();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (server.app.realtime().clients().size() == before && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(server.app.realtime().clients()).extracting(RealtimeClient::ip).contains("10.0.0.42");
        } finally {
            ws.abort();
        }
    }

    @Test
    void applesUserFieldOnTheFormPostIsNotForwardedAndTheRedirectSucceeds() {
        try (SseClient c = new SseClient(server)) {
            assertThat(subscribe(c, Map.of(), "@oauth2").status()).isEqualTo(204);
            String user = "{\"name\":{\"firstName\":\"Ann\",\"lastName\":\"Lee\"},\"email\":\"ann@example.com\"}";
            TestServer.Response r = server.sendWith("POST", "/api/oauth2-redirect", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                    "code=apple-code&state=" + c.clientId + "&user=" + URLEncoder.encode(user, StandardCharsets.UTF_8));
            assertThat(r.status()).isEqualTo(303);
            assertThat(r.headers().firstValue("Location")).hasValue("../_/#/auth/oauth2-redirect-success");
            // PocketBase's message holds state and code only (the user field is json:"-")
            assertThat(c.next().data()).isEqualTo("{\"state\":\"" + c.clientId + "\",\"code\":\"apple-code\"}");
        }
    }
}
