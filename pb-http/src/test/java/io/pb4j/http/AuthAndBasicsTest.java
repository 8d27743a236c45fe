package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Superuser password auth, token handling and the cross-cutting HTTP behaviour. */
class AuthAndBasicsTest {
    private static TestServer server;
    private static String superuser;

    @BeforeAll
    static void start() {
        server = new TestServer();
        superuser = server.superuserToken();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static Stream<Scenario> scenarios() {
        String auth = "/api/collections/_superusers/auth-with-password";
        return Stream.of(
                Scenario.of("password login", "POST", auth, null,
                        "{\"identity\":\"admin@example.com\",\"password\":\"1234567890\"}", 200,
                        "\"token\":\"", "\"email\":\"admin@example.com\"", "\"collectionName\":\"_superusers\"")
                        .without("\"password\"", "tokenKey"),
                Scenario.of("wrong password", "POST", auth, null, "{\"identity\":\"admin@example.com\",\"password\":\"nope\"}", 400,
                        "{\"data\":{},\"message\":\"Failed to authenticate.\",\"status\":400}"),
                Scenario.of("unknown identity answers the same", "POST", auth, null,
                        "{\"identity\":\"nobody@example.com\",\"password\":\"nope\"}", 400,
                        "{\"data\":{},\"message\":\"Failed to authenticate.\",\"status\":400}"),
                Scenario.of("missing fields", "POST", auth, null, "{}", 400,
                        "\"message\":\"An error occurred while validating the submitted data.\"",
                        "\"identity\":{\"code\":\"validation_required\"", "\"password\":{\"code\":\"validation_required\""),
                Scenario.of("bad identityField", "POST", auth, null,
                        "{\"identity\":\"admin@example.com\",\"password\":\"1234567890\",\"identityField\":\"name\"}", 400,
                        "\"identityField\":{\"code\":\"validation_in_invalid\""),
                Scenario.of("not an auth collection", "POST", "/api/collections/_nope/auth-with-password", null, "{}", 404,
                        "Missing or invalid collection context."),
                Scenario.of("refresh without token", "POST", "/api/collections/_superusers/auth-refresh", null, null, 401,
                        "The request requires valid record authorization token."),
                Scenario.of("refresh", "POST", "/api/collections/_superusers/auth-refresh", superuser, null, 200, "\"token\":\"",
                        "\"email\":\"admin@example.com\""),
                Scenario.of("refresh from another collection", "POST", "/api/collections/users/auth-refresh", superuser, null, 403,
                        "The request requires auth record from _superusers collection."),
                Scenario.of("health", "GET", "/api/health", null, null, 200, "{\"message\":\"API is healthy.\",\"code\":200,\"data\":{}}"),
                Scenario.of("health as superuser", "GET", "/api/health", superuser, null, 200, "\"canBackup\":true"),
                Scenario.of("unknown route", "GET", "/api/nope", null, null, 404,
                        "{\"data\":{},\"message\":\"The requested resource wasn't found.\",\"status\":404}"),
                Scenario.of("trailing slash is another route", "GET", "/api/health/", null, null, 404),
                Scenario.of("fields on any JSON response", "GET", "/api/health?fields=code", null, null, 200, "{\"code\":200}"),
                Scenario.of("unsupported content type", "POST", "/api/collections/_superusers/records", superuser, null, 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario(Scenario s) {
        s.run(server);
    }

    @Test
    void tokensCarryPocketBaseClaimsOnly() {
        String payload = new String(Base64.getUrlDecoder().decode(superuser.split("\\.")[1]));
        assertThat(payload).matches("\\{\"collectionId\":\"pbc_3142635823\",\"exp\":\\d+,\"id\":\"[a-z0-9]{15}\",\"refreshable\":true,\"type\":\"auth\"}");
        String header = new String(Base64.getUrlDecoder().decode(superuser.split("\\.")[0]));
        assertThat(header).isEqualTo("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
    }

    @Test
    void unsignedTokensMakeAGuest() {
        String[] parts = superuser.split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes())
                + "." + parts[1] + ".";
        assertThat(server.send("GET", "/api/collections", none, null).status()).isEqualTo(401);
    }

    @Test
    void securityAndCorsHeadersOnEveryResponse() {
        TestServer.Response r = server.sendWithHeaders("GET", "/api/nope", "Origin", "http://example.com");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(r.headers().firstValue("X-Frame-Options")).contains("SAMEORIGIN");
        assertThat(r.headers().firstValue("X-XSS-Protection")).contains("1; mode=block");
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    }

    @Test
    void corsPreflightAnswersWithoutRouting() {
        TestServer.Response r = server.sendWithHeaders("OPTIONS", "/api/collections/posts/records", "Origin", "http://example.com",
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type,authorization");
        assertThat(r.status()).isEqualTo(204);
        assertThat(r.headers().firstValue("Access-Control-Allow-Methods")).contains("GET,HEAD,PUT,PATCH,POST,DELETE");
        assertThat(r.headers().firstValue("Access-Control-Allow-Headers")).contains("content-type,authorization");
    }

    @Test
    void bodiesPastTheLimitGet413() {
        // users has a file field (avatar, 5 MiB), so its create limit is PocketBase's 32 MiB + 5 MiB
        String big = "{\"title\":\"" + "x".repeat(38 << 20) + "\"}";
        TestServer.Response r = server.send("POST", "/api/collections/users/records", null, big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.body()).contains("Request entity too large.");
    }

    @Test
    void tokenOfADeletedRecordMakesAGuest() {
        server.expect("POST", "/api/collections/_superusers/records", superuser,
                "{\"email\":\"second@example.com\",\"password\":\"12345678\",\"passwordConfirm\":\"12345678\"}", 200);
        String second = AuthLogin.token(server, "_superusers", "second@example.com", "12345678");
        String id = CollectionsApiTest.json(server.expect("GET", "/api/collections/_superusers/records?filter="
                + RecordsApiTest.enc("email = 'second@example.com'"), second, null, 200)).getJsonArray("items").getJsonObject(0).getString("id");
        server.expect("DELETE", "/api/collections/_superusers/records/" + id, superuser, null, 204);
        assertThat(server.send("GET", "/api/collections", second, null).status()).isEqualTo(401);
    }

    @Test
    void passwordChangeInvalidatesOldTokens() {
        server.expect("POST", "/api/collections/_superusers/records", superuser,
                "{\"email\":\"third@example.com\",\"password\":\"12345678\",\"passwordConfirm\":\"12345678\"}", 200);
        String before = AuthLogin.token(server, "_superusers", "third@example.com", "12345678");
        String id = CollectionsApiTest.json(server.expect("POST", "/api/collections/_superusers/auth-refresh", before, null, 200))
                .getJsonObject("record").getString("id");
        server.expect("PATCH", "/api/collections/_superusers/records/" + id, superuser,
                "{\"password\":\"87654321\",\"passwordConfirm\":\"87654321\"}", 200);
        assertThat(server.send("GET", "/api/collections", before, null).status()).isEqualTo(401);
        AuthLogin.token(server, "_superusers", "third@example.com", "87654321");
    }

    @Test
    void lastSuperuserCannotBeDeleted() {
        String id = CollectionsApiTest.json(server.expect("POST", "/api/collections/_superusers/auth-refresh", superuser, null, 200))
                .getJsonObject("record").getString("id");
        TestServer.Response onlyOthersLeft = server.send("GET", "/api/collections/_superusers/records?skipTotal=1", superuser, null);
        assertThat(onlyOthersLeft.status()).isEqualTo(200);
        for (var item : CollectionsApiTest.json(onlyOthersLeft.body()).getJsonArray("items").getValuesAs(jakarta.json.JsonObject.class)) {
            if (!item.getString("id").equals(id)) {
                server.expect("DELETE", "/api/collections/_superusers/records/" + item.getString("id"), superuser, null, 204);
            }
        }
        assertThat(server.send("DELETE", "/api/collections/_superusers/records/" + id, superuser, null).body())
                .contains("You can't delete the only existing superuser.");
    }

    @Test
    void superusersAreAlwaysVerified() {
        String created = server.expect("POST", "/api/collections/_superusers/records", superuser,
                "{\"email\":\"second@example.com\",\"password\":\"1234567890\",\"passwordConfirm\":\"1234567890\",\"verified\":false}", 200);
        org.assertj.core.api.Assertions.assertThat(created).contains("\"verified\":true");
        String id = created.replaceAll("(?s).*\"id\":\"([a-z0-9]+)\".*", "$1");
        String updated = server.expect("PATCH", "/api/collections/_superusers/records/" + id, superuser, "{\"verified\":false}", 200);
        org.assertj.core.api.Assertions.assertThat(updated).contains("\"verified\":true");
        server.expect("DELETE", "/api/collections/_superusers/records/" + id, superuser, null, 204);
    }
}
