package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.Settings;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET/PATCH /api/settings} over real HTTP: PocketBase's shape, hidden secrets, merging, nested validation
 * errors, the settings hooks, and modules that see a change at once (rate limits, batch) without a restart.
 */
class SettingsApiTest {
    private static TestServer server;
    private static String token;

    @BeforeAll
    static void start() {
        server = new TestServer();
        token = server.superuserToken();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static JsonObject get() {
        return CollectionsApiTest.json(server.expect("GET", "/api/settings", token, null, 200));
    }

    @Test
    void getAnswersPocketBaseDefaultsInGoKeyOrderWithoutSecrets() throws Exception {
        try (TestServer fresh = new TestServer()) {
            String body = fresh.expect("GET", "/api/settings", fresh.superuserToken(), null, 200);
            assertThat(body).isEqualTo("""
                    {"superuserIPs":[],\
                    "smtp":{"enabled":false,"port":587,"host":"smtp.example.com","username":"","authMethod":"","tls":false,"localName":""},\
                    "backups":{"cron":"","cronMaxKeep":3,"s3":{"enabled":false,"bucket":"","region":"","endpoint":"","accessKey":"","forcePathStyle":false}},\
                    "s3":{"enabled":false,"bucket":"","region":"","endpoint":"","accessKey":"","forcePathStyle":false},\
                    "meta":{"accentColor":"#1055c9","appName":"Acme","appURL":"http://localhost:8090","senderName":"Support","senderAddress":"support@example.com","hideControls":false},\
                    "rateLimits":{"rules":[{"label":"*:auth","audience":"","duration":3,"maxRequests":2},{"label":"*:create","audience":"","duration":5,"maxRequests":20},\
                    {"label":"/api/batch","audience":"","duration":1,"maxRequests":3},{"label":"/api/","audience":"","duration":10,"maxRequests":300}],"excludedIPs":[],"enabled":false},\
                    "trustedProxy":{"headers":[],"useLeftmostIP":false},\
                    "batch":{"enabled":false,"maxRequests":50,"timeout":3,"maxBodySize":0},\
                    "logs":{"maxDays":5,"minLevel":0,"logIP":true,"logAuthId":false,"maxDataSize":16384}}""");
        }
    }

    @Test
    void guestsGet401AndOtherAuthRecords403() {
        String user = CollectionsApiTest.json(server.expect("POST", "/api/collections/users/records", null,
                "{\"email\":\"settings-user@example.com\",\"password\":\"1234567890\",\"passwordConfirm\":\"1234567890\"}", 200)).getString("id");
        String userToken = CollectionsApiTest.json(server.expect("POST", "/api/collections/users/auth-with-password", null,
                "{\"identity\":\"settings-user@example.com\",\"password\":\"1234567890\"}", 200)).getString("token");
        assertThat(user).isNotEmpty();
        for (String[] route : new String[][] {{"GET", "/api/settings"}, {"PATCH", "/api/settings"}, {"POST", "/api/settings/test/s3"},
                {"POST", "/api/settings/test/email"}, {"POST", "/api/settings/apple/generate-client-secret"}}) {
            assertThat(server.send(route[0], route[1], null, "{}").status()).as(route[1]).isEqualTo(401);
            assertThat(server.send(route[0], route[1], userToken, "{}").status()).as(route[1]).isEqualTo(403);
        }
    }

    @Test
    void patchMergesStoresAndKeepsSecretsThatAreNotSent() throws Exception {
        try (TestServer fresh = new TestServer()) {
            String t = fresh.superuserToken();
            String body = fresh.expect("PATCH", "/api/settings", t, """
                    {"meta":{"appName":"update_test"},"smtp":{"password":"new_smtp_password"},
                     "s3":{"secret":"new_s3_secret"},"backups":{"s3":{"secret":"new_backups_s3_secret"}}}""", 200);
            assertThat(body).contains("\"appName\":\"update_test\"", "\"appURL\":\"http://localhost:8090\"")
                    .doesNotContain("secret", "password");
            fresh.expect("PATCH", "/api/settings", t, "{\"meta\":{\"senderName\":\"Team\"}}", 200);
            JsonObject stored = fresh.app.settings();
            assertThat(stored.getJsonObject("smtp").getString("password")).isEqualTo("new_smtp_password");
            assertThat(stored.getJsonObject("s3").getString("secret")).isEqualTo("new_s3_secret");
            assertThat(stored.getJsonObject("backups").getJsonObject("s3").getString("secret")).isEqualTo("new_backups_s3_secret");
            assertThat(stored.getJsonObject("meta").getString("appName")).isEqualTo("update_test");
            // the row itself, as PocketBase writes it
            String row = fresh.app.store().read(s -> new String((byte[]) s.query("SELECT value FROM _params WHERE id = 'settings'",
                    List.of()).get(0).get("value"), java.nio.charset.StandardCharsets.UTF_8));
            assertThat(row).contains("\"password\":\"new_smtp_password\"", "\"senderName\":\"Team\"");
            // an explicit "" clears a secret
            fresh.expect("PATCH", "/api/settings", t, "{\"s3\":{\"secret\":\"\"}}", 200);
            assertThat(fresh.app.settings().getJsonObject("s3").getString("secret")).isEmpty();
        }
    }

    @Test
    void invalidSettingsAnswerNestedErrorsAndChangeNothing() {
        JsonObject before = server.app.settings();
        TestServer.Response r = server.send("PATCH", "/api/settings", token,
                "{\"meta\":{\"appName\":\"\",\"appURL\":\"\"},\"smtp\":{\"enabled\":true,\"host\":\"\"},\"backups\":{\"cron\":\"* *\"},"
                        + "\"rateLimits\":{\"rules\":[{\"label\":\"a b c\",\"duration\":1,\"maxRequests\":1}]}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("\"message\":\"An error occurred while saving the new settings.\"",
                "\"meta\":{", "\"appName\":{\"code\":\"validation_required\",\"message\":\"Cannot be blank.\"}",
                "\"appURL\":{\"code\":\"validation_required\"", "\"smtp\":{\"host\":{\"code\":\"validation_required\"",
                "\"cron\":{\"code\":\"validation_invalid_cron\",\"message\":\"Invalid cron expression - must be a valid macro or to have exactly 5 space separated segments.\"}",
                "\"rateLimits\":{\"rules\":{\"0\":{\"label\":{\"code\":\"validation_match_invalid\",\"message\":\"Must be in a valid format.\"}}}}");
        assertThat(server.app.settings()).isEqualTo(before);
    }

    @Test
    void bodiesThatCannotBeLoadedAre400() {
        for (String body : List.of("{", "[]", "\"x\"", "{\"meta\":{\"appName\":1}}", "{\"smtp\":{\"port\":\"25\"}}")) {
            TestServer.Response r = server.send("PATCH", "/api/settings", token, body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.body()).as(body).isEqualTo(
                    "{\"data\":{},\"message\":\"An error occurred while loading the submitted data.\",\"status\":400}");
        }
        assertThat(server.send("PATCH", "/api/settings", token, null).status()).isEqualTo(200);
    }

    @Test
    void settingsHooksSeeTheRequestsAndTheReload() throws Exception {
        try (TestServer fresh = new TestServer()) {
            List<String> seen = new ArrayList<>();
            fresh.app.onSettingsReload().bind(e -> {
                String before = e.app().settings().getJsonObject("meta").getString("appName");
                e.next();
                seen.add("reload " + before + " -> " + e.app().settings().getJsonObject("meta").getString("appName"));
            });
            fresh.app.onSettingsUpdateRequest().bind(e -> {
                seen.add("update " + e.oldSettings().getJsonObject("meta").getString("appName") + " -> "
                        + e.newSettings().getJsonObject("meta").getString("appName"));
                e.newSettings(Settings.merge(e.newSettings(), Json.createObjectBuilder()
                        .add("meta", Json.createObjectBuilder().add("senderName", "From hook")).build()));
                e.next();
            });
            fresh.app.onSettingsListRequest().bind(e -> {
                e.settings(Settings.merge(e.settings(), Json.createObjectBuilder()
                        .add("meta", Json.createObjectBuilder().add("appName", "Listed")).build()));
                e.next();
            });
            String t = fresh.superuserToken();
            String patched = fresh.expect("PATCH", "/api/settings", t, "{\"meta\":{\"appName\":\"Hooked\"}}", 200);
            assertThat(patched).contains("\"senderName\":\"From hook\"");
            assertThat(seen).containsExactly("update Acme -> Hooked", "reload Acme -> Hooked");
            assertThat(fresh.expect("GET", "/api/settings", t, null, 200)).contains("\"appName\":\"Listed\"");
            assertThat(fresh.app.settings().getJsonObject("meta").getString("appName")).isEqualTo("Hooked");
        }
    }

    @Test
    void rateLimitsSwitchedOnThroughTheApiApplyAtOnce() throws Exception {
        try (TestServer fresh = new TestServer()) {
            String t = fresh.superuserToken();
            for (int i = 0; i < 5; i++) {
                assertThat(fresh.send("GET", "/api/health", null, null).status()).isEqualTo(200);
            }
            fresh.expect("PATCH", "/api/settings", t, """
                    {"rateLimits":{"enabled":true,"rules":[{"label":"/api/health","audience":"","duration":60,"maxRequests":2}]}}""", 200);
            assertThat(fresh.send("GET", "/api/health", null, null).status()).isEqualTo(200);
            assertThat(fresh.send("GET", "/api/health", null, null).status()).isEqualTo(200);
            TestServer.Response limited = fresh.send("GET", "/api/health", null, null);
            assertThat(limited.status()).isEqualTo(429);
            assertThat(limited.body()).contains("\"message\":\"Too Many Requests.\"");
            fresh.expect("PATCH", "/api/settings", t, "{\"rateLimits\":{\"enabled\":false}}", 200);
            assertThat(fresh.send("GET", "/api/health", null, null).status()).isEqualTo(200);
        }
    }

    @Test
    void batchSwitchedOnThroughTheApiAppliesAtOnce() throws Exception {
        try (TestServer fresh = new TestServer()) {
            String t = fresh.superuserToken();
            String batch = "{\"requests\":[{\"method\":\"GET\",\"url\":\"/api/health\"}]}";
            String create = "{\"requests\":[{\"method\":\"POST\",\"url\":\"/api/collections/users/records\",\"body\":"
                    + "{\"email\":\"batch-settings@example.com\",\"password\":\"1234567890\",\"passwordConfirm\":\"1234567890\"}}]}";
            assertThat(fresh.send("POST", "/api/batch", t, create).status()).isEqualTo(403);
            fresh.expect("PATCH", "/api/settings", t, "{\"batch\":{\"enabled\":true,\"maxRequests\":1}}", 200);
            assertThat(fresh.send("POST", "/api/batch", t, create).status()).isEqualTo(200);
            TestServer.Response tooMany = fresh.send("POST", "/api/batch", t,
                    "{\"requests\":[" + create.substring(13, create.length() - 2) + "," + create.substring(13, create.length() - 2) + "]}");
            assertThat(tooMany.status()).isEqualTo(400);
            assertThat(batch).isNotEmpty();
        }
    }

    @Test
    void testS3ValidatesTheFilesystemAndSaysWhenS3IsNotAvailable() throws Exception {
        TestServer.Response missing = server.send("POST", "/api/settings/test/s3", token, null);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).isEqualTo("{\"data\":{\"filesystem\":{\"code\":\"validation_required\",\"message\":\"Cannot be blank.\"}},"
                + "\"message\":\"Failed to test the S3 filesystem.\",\"status\":400}");
        assertThat(server.send("POST", "/api/settings/test/s3", token, "{\"filesystem\":\"other\"}").body())
                .contains("\"filesystem\":{\"code\":\"validation_in_invalid\",\"message\":\"Must be a valid value.\"}");
        assertThat(server.send("POST", "/api/settings/test/s3", token, "{\"filesystem\":\"storage\"}").body()).isEqualTo(
                "{\"data\":{},\"message\":\"Failed to test the S3 filesystem. Raw error: \\nS3 storage filesystem is not enabled.\",\"status\":400}");
        try (TestServer fresh = new TestServer()) {
            String t = fresh.superuserToken();
            fresh.expect("PATCH", "/api/settings", t, """
                    {"backups":{"s3":{"enabled":true,"bucket":"b","region":"r","endpoint":"http://127.0.0.1:9","accessKey":"a","secret":"s"}}}""", 200);
            TestServer.Response r = fresh.send("POST", "/api/settings/test/s3", t, "{\"filesystem\":\"backups\"}");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains("Failed to test the S3 filesystem. Raw error: \\nS3 is not available", "\"data\":{}");
        }
    }
}
