package io.pb4j.http;

import static io.pb4j.http.AuthFlows.json;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /api/collections/{c}/impersonate/{id}}: superusers only, static tokens with a custom lifetime. */
class ImpersonateApiTest {
    private static TestServer server;
    private static String superuser;
    private static String userId;
    private static String userToken;

    @BeforeAll
    static void start() {
        server = new TestServer();
        superuser = server.superuserToken();
        userId = AuthFlows.createUser(server, "imp@example.com");
        userToken = json(AuthFlows.password(server, "imp@example.com", "").body()).getString("token");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static JsonObject payload(String token) {
        return json(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    @Test
    void aSuperuserGetsAStaticTokenWithTheRequestedLifetime() {
        TestServer.Response r = server.send("POST", "/api/collections/users/impersonate/" + userId, superuser, "{\"duration\":100}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).doesNotContain("\"password\"", "tokenKey");
        String token = json(r.body()).getString("token");
        JsonObject claims = payload(token);
        assertThat(claims.getBoolean("refreshable")).isFalse();
        assertThat(claims.getString("id")).isEqualTo(userId);
        assertThat(claims.getJsonNumber("exp").longValue()).isBetween(Instant.now().getEpochSecond() + 90, Instant.now().getEpochSecond() + 110);
        assertThat(json(r.body()).getJsonObject("record").getString("email")).isEqualTo("imp@example.com");
        // the token works, and refreshing it hands back the same static token
        server.expect("GET", "/api/collections/users/records/" + userId, token, null, 200);
        TestServer.Response refreshed = server.send("POST", "/api/collections/users/auth-refresh", token, null);
        assertThat(json(refreshed.body()).getString("token")).isEqualTo(token);
    }

    @Test
    void withoutADurationTheCollectionsAuthTokenDurationApplies() {
        TestServer.Response r = server.send("POST", "/api/collections/users/impersonate/" + userId, superuser, null);
        assertThat(r.status()).isEqualTo(200);
        long exp = payload(json(r.body()).getString("token")).getJsonNumber("exp").longValue();
        assertThat(exp).isBetween(Instant.now().getEpochSecond() + 431_000, Instant.now().getEpochSecond() + 433_000);
    }

    @Test
    void onlySuperusersMayImpersonate() {
        TestServer.Response guest = server.send("POST", "/api/collections/users/impersonate/" + userId, null, null);
        assertThat(guest.status()).isEqualTo(401);
        TestServer.Response user = server.send("POST", "/api/collections/users/impersonate/" + userId, userToken, null);
        assertThat(user.status()).isEqualTo(403);
        assertThat(user.body()).doesNotContain("token\":\"ey");
    }

    @Test
    void badInputAnswersPocketBasesErrors() {
        TestServer.Response missing = server.send("POST", "/api/collections/users/impersonate/nope", superuser, null);
        assertThat(missing.status()).isEqualTo(404);
        TestServer.Response negative = server.send("POST", "/api/collections/users/impersonate/" + userId, superuser, "{\"duration\":-1}");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.body()).isEqualTo("{\"data\":{\"duration\":{\"code\":\"validation_min_greater_equal_than_required\","
                + "\"message\":\"Must be no less than 0.\",\"params\":{\"threshold\":0}}},"
                + "\"message\":\"An error occurred while validating the submitted data.\",\"status\":400}");
        TestServer.Response notAuth = server.send("POST", "/api/collections/demo/impersonate/" + userId, superuser, null);
        assertThat(notAuth.status()).isEqualTo(404);
    }
}
