package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PocketBase v0.39.11's {@code apis/middlewares_rate_limit_test.go} over real HTTP: label and audience matching of
 * the global rate limit middleware, its fixed windows, and the cases it never limits. PocketBase's version sleeps
 * relative amounts; here each burst starts just after a second boundary, since windows are whole epoch seconds, so
 * that a slow machine cannot split a burst across two windows.
 */
class RateLimitMiddlewareTest {
    private static TestServer server;
    private static String user;
    private static String superuser;

    @BeforeAll
    static void start() {
        server = new TestServer();
        superuser = server.superuserToken();
        server.expect("POST", "/api/collections/users/records", null,
                "{\"email\":\"rate@example.com\",\"password\":\"12345678\",\"passwordConfirm\":\"12345678\"}", 200);
        user = json(server.expect("POST", "/api/collections/users/auth-with-password", null,
                "{\"identity\":\"rate@example.com\",\"password\":\"12345678\"}", 200)).getString("token");
        for (String path : List.of("/norate", "/rate/a", "/rate/b", "/rate/guest", "/rate/auth", "/rate")) {
            server.app.router().get(path, e -> e.string(200, path));
        }
        server.app.router().post("/rate/b", e -> e.string(200, "post b"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void rulesOff() {
        rateLimits(false, List.of(), Map.of());
    }

    @Test
    void labelsAndAudiencesPickTheRuleAndEachWindowAllowsMaxRequests() {
        rateLimits(true, List.of(), rules());
        assertThat(statuses("GET", "/norate", null, 5)).containsExactly(200, 200, 200, 200, 200);

        // "/rate/" is a prefix rule: 2 per second
        assertThat(burst("GET", "/rate/a", null, 4)).containsExactly(200, 200, 429, 429);
        assertThat(burst("GET", "/rate/a", null, 3)).containsExactly(200, 200, 429);

        // the exact path rule wins over the prefix; the method-qualified label over both
        assertThat(burst("GET", "/rate/b", null, 4)).containsExactly(200, 200, 200, 429);
        assertThat(burst("GET", "/rate/b", null, 4)).containsExactly(200, 200, 200, 429);
        assertThat(burst("POST", "/rate/b", null, 2)).containsExactly(200, 429);

        // an @auth rule does not apply to guests (they fall back to "/rate/"), and the other way round
        assertThat(burst("GET", "/rate/auth", null, 4)).containsExactly(200, 200, 429, 429);
        assertThat(burst("GET", "/rate/auth", user, 3)).containsExactly(200, 429, 429);
        assertThat(burst("GET", "/rate/guest", null, 3)).containsExactly(200, 429, 429);
        assertThat(burst("GET", "/rate/guest", user, 4)).containsExactly(200, 200, 429, 429);
    }

    @Test
    void aLimitedRequestGetsPocketBasesTooManyRequestsEnvelope() {
        rateLimits(true, List.of(), Map.of("/rate", 0));
        TestServer.Response r = server.send("GET", "/rate", null, null);
        assertThat(r.status()).isEqualTo(429);
        assertThat(json(r.body())).isEqualTo(json("{\"data\":{},\"message\":\"Too Many Requests.\",\"status\":429}"));
    }

    @Test
    void limitsApplyUntilDisabled() {
        rateLimits(true, List.of(), Map.of("/rate", 1));
        assertThat(burst("GET", "/rate", null, 3)).containsExactly(200, 429, 429);
        rateLimits(false, List.of(), Map.of("/rate", 1));
        assertThat(statuses("GET", "/rate", null, 3)).containsExactly(200, 200, 200);
    }

    @Test
    void superusersAreNeverLimited() {
        rateLimits(true, List.of(), Map.of("/rate", 1));
        assertThat(statuses("GET", "/rate", superuser, 3)).containsExactly(200, 200, 200);
    }

    @Test
    void excludedIpsAreReadFromTheTrustedProxyHeader() {
        trustedProxy("x-test-ip");
        rateLimits(true, List.of("10.0.0.0"), Map.of("/rate", 1));
        assertThat(burst("GET", "/rate", null, 3, "x-test-ip", "127.0.0.1")).containsExactly(200, 429, 429);
        rateLimits(true, List.of("127.0.0.1"), Map.of("/rate", 1));
        assertThat(statuses("GET", "/rate", null, 3, "x-test-ip", "127.0.0.1")).containsExactly(200, 200, 200);
        rateLimits(true, List.of("10.0.0.0/8"), Map.of("/rate", 1));
        assertThat(statuses("GET", "/rate", null, 3, "x-test-ip", "192.168.1.1, 10.1.2.3")).containsExactly(200, 200, 200);
        trustedProxy();
    }

    @Test
    void eachClientIpHasItsOwnAllowance() {
        trustedProxy("x-test-ip");
        rateLimits(true, List.of(), Map.of("/rate", 1));
        assertThat(burst("GET", "/rate", null, 2, "x-test-ip", "10.0.0.1")).containsExactly(200, 429);
        // still in the same window
        assertThat(statuses("GET", "/rate", null, 2, "x-test-ip", "10.0.0.2")).containsExactly(200, 429);
        trustedProxy();
    }

    @Test
    void recordsRoutesUseTheCollectionRuleInsteadOfThePathRule() {
        server.expect("POST", "/api/collections", superuser,
                "{\"name\":\"limited\",\"listRule\":\"\",\"viewRule\":\"\",\"fields\":[{\"type\":\"text\",\"name\":\"title\"}]}", 200);
        // the global middleware would apply the path rule (1); the route's own middleware replaces it and finds limited:list
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("GET /api/collections/limited/records", 1);
        rules.put("limited:list", 3);
        rules.put("/api/", 100);
        rateLimits(true, List.of(), rules);
        assertThat(burst("GET", "/api/collections/limited/records", null, 4)).containsExactly(200, 200, 200, 429);
        assertThat(statuses("GET", "/api/collections/limited/records/missing", null, 3)).containsExactly(404, 404, 404);
    }

    @Test
    void renamingACollectionRenamesItsRuleLabels() {
        String id = json(server.expect("POST", "/api/collections", superuser,
                "{\"name\":\"before_rename\",\"listRule\":\"\",\"fields\":[{\"type\":\"text\",\"name\":\"title\"}]}", 200))
                .getString("id");
        rateLimits(true, List.of(), Map.of("before_rename:list", 1, "before_renamed:list", 5));
        server.expect("PATCH", "/api/collections/" + id, superuser, "{\"name\":\"after_rename\"}", 200);

        List<String> labels = server.app.settings().getJsonObject("rateLimits").getJsonArray("rules").stream()
                .map(r -> r.asJsonObject().getString("label")).toList();
        assertThat(labels).containsExactlyInAnyOrder("after_rename:list", "before_renamed:list");
        assertThat(burst("GET", "/api/collections/after_rename/records", null, 2)).containsExactly(200, 429);
    }

    /** The rules of PocketBase's TestDefaultRateLimitMiddleware: label to {maxRequests, audience}, duration 1s. */
    private static Map<String, Object> rules() {
        Map<String, Object> rules = new LinkedHashMap<>();
        rules.put("/rate/", 2);
        rules.put("/rate/b", 3);
        rules.put("POST /rate/b", 1);
        rules.put("/rate/guest@guest", 1);
        rules.put("/rate/auth@auth", 1);
        return rules;
    }

    /** Replaces the settings' rateLimits; rule keys are {@code label} or {@code label@audience}, values maxRequests. */
    private static void rateLimits(boolean enabled, List<String> excludedIps, Map<String, ?> rules) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        rules.forEach((key, max) -> {
            int at = key.indexOf('@');
            list.add(Json.createObjectBuilder()
                    .add("label", at < 0 ? key : key.substring(0, at))
                    .add("audience", at < 0 ? "" : key.substring(at))
                    .add("duration", 1).add("maxRequests", ((Number) max).intValue()));
        });
        JsonObject settings = server.app.settings();
        server.app.saveSettingsNoValidate(Json.createObjectBuilder(settings).add("rateLimits", Json.createObjectBuilder()
                .add("enabled", enabled).add("excludedIPs", Json.createArrayBuilder(excludedIps)).add("rules", list)).build());
    }

    private static void trustedProxy(String... headers) {
        JsonObject settings = server.app.settings();
        server.app.saveSettingsNoValidate(Json.createObjectBuilder(settings).add("trustedProxy", Json.createObjectBuilder()
                .add("headers", Json.createArrayBuilder(List.of(headers))).add("useLeftmostIP", false)).build());
    }

    /** {@link #statuses} starting just after a second boundary, so that the whole burst falls in one window. */
    private static List<Integer> burst(String method, String path, String token, int n, String... headers) {
        long now = System.currentTimeMillis();
        sleep(1000 - now % 1000 + 20);
        return statuses(method, path, token, n, headers);
    }

    private static List<Integer> statuses(String method, String path, String token, int n, String... headers) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, String> h = new LinkedHashMap<>();
            if (token != null) {
                h.put("Authorization", token);
            }
            for (int k = 0; k < headers.length; k += 2) {
                h.put(headers[k], headers[k + 1]);
            }
            out.add(server.sendWith(method, path, h, null).status());
        }
        return out;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
