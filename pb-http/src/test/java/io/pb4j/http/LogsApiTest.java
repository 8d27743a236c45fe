package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.Log;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Request logging into auxiliary.db, app.logger() and the logs API, over HTTP. */
class LogsApiTest {
    private static JsonObject object(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static JsonArray array(String body) {
        return Json.createReader(new StringReader(body)).readArray();
    }

    private static String q(String filter) {
        return URLEncoder.encode(filter, StandardCharsets.UTF_8);
    }

    private static void logs(TestServer s, String key, JsonValue value) {
        JsonObject settings = s.app.settings();
        s.app.saveSettings(Json.createObjectBuilder(settings)
                .add("logs", Json.createObjectBuilder(settings.getJsonObject("logs")).add(key, value)).build());
    }

    /** The stored entries whose message is exactly {@code message}. */
    private static List<Log> entries(TestServer s, String message) {
        s.app.logs().flush();
        return s.app.logs().list("message = '" + message.replace("'", "\\'") + "'", "", 1, 1000, false).items();
    }

    @Test
    void aRequestIsLoggedWithPocketBasesDataKeysInOrder() throws Exception {
        try (TestServer s = new TestServer()) {
            s.sendWithHeaders("GET", "/api/health?x=%20y", "Referer", "http://example.com/page", "User-Agent", "probe/1.0");
            List<Log> found = entries(s, "GET /api/health?x= y");
            assertThat(found).hasSize(1);
            Log log = found.get(0);
            assertThat(log.level()).isZero();
            assertThat(log.id()).matches("[a-z0-9]{15}");
            assertThat(log.created()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(List.copyOf(log.data().keySet()))
                    .containsExactly("auth", "execTime", "method", "referer", "remoteIP", "status", "type", "url", "userAgent", "userIP");
            assertThat(log.data().getString("type")).isEqualTo("request");
            assertThat(log.data().getString("url")).isEqualTo("/api/health?x=%20y");
            assertThat(log.data().getString("method")).isEqualTo("GET");
            assertThat(log.data().getInt("status")).isEqualTo(200);
            assertThat(log.data().getString("referer")).isEqualTo("http://example.com/page");
            assertThat(log.data().getString("userAgent")).isEqualTo("probe/1.0");
            assertThat(log.data().getString("auth")).isEmpty();
            assertThat(log.data().getString("userIP")).isEqualTo("127.0.0.1");
            assertThat(log.data().getString("remoteIP")).isEqualTo("127.0.0.1");
            assertThat(log.data().getJsonNumber("execTime").doubleValue()).isPositive();
            // the API returns it with PocketBase's key order
            String body = s.expect("GET", "/api/logs/" + log.id(), s.superuserToken(), null, 200);
            assertThat(body).startsWith("{\"id\":\"" + log.id() + "\",\"created\":\"" + log.created() + "\",\"data\":{\"auth\":\"\",\"execTime\":")
                    .endsWith(",\"message\":\"GET /api/health?x= y\",\"level\":0}");
        }
    }

    @Test
    void aFailedRequestIsAnErrorEntryWithTheApiErrorAndItsDetails() throws Exception {
        try (TestServer s = new TestServer()) {
            s.send("GET", "/api/collections/missing/records", null, null);
            Log log = entries(s, "GET /api/collections/missing/records").get(0);
            assertThat(log.level()).isEqualTo(8);
            assertThat(log.data().getInt("status")).isEqualTo(404);
            assertThat(log.data().getString("error")).isEqualTo("Missing collection context.");
            assertThat(log.data().get("details")).isEqualTo(JsonValue.NULL);

            String token = s.superuserToken();
            s.send("POST", "/api/collections", token, "{\"name\":\"\",\"type\":\"base\"}");
            Log invalid = entries(s, "POST /api/collections").get(0);
            assertThat(invalid.data().getInt("status")).isEqualTo(400);
            assertThat(invalid.data().getJsonObject("details").getString("name")).isNotEmpty();
            assertThat(invalid.data().getString("auth")).isEqualTo("_superusers");
        }
    }

    @Test
    void anUnexpectedErrorKeepsItsDetailInTheLogOnly() throws Exception {
        try (TestServer s = new TestServer()) {
            s.app.router().get("/api/boom", e -> {
                throw new IllegalStateException("secret detail");
            });
            TestServer.Response r = s.send("GET", "/api/boom", null, null);
            assertThat(r.status()).isEqualTo(500);
            assertThat(r.body()).doesNotContain("secret");
            Log log = entries(s, "GET /api/boom").get(0);
            assertThat(log.level()).isEqualTo(8);
            assertThat(log.data().getInt("status")).isEqualTo(500);
            assertThat(log.data().getString("error")).contains("secret detail");
        }
    }

    @Test
    void authIdAndIpsFollowTheLogsSettingsAndTrustedProxy() throws Exception {
        try (TestServer s = new TestServer()) {
            String token = s.superuserToken();
            String superuserId = object(s.expect("POST", "/api/collections/_superusers/auth-with-password", null,
                    "{\"identity\":\"admin@example.com\",\"password\":\"1234567890\"}", 200)).getJsonObject("record").getString("id");
            s.expect("GET", "/api/collections?perPage=1", token, null, 200);
            assertThat(entries(s, "GET /api/collections?perPage=1").get(0).data()).doesNotContainKey("authId");

            logs(s, "logAuthId", JsonValue.TRUE);
            JsonObject settings = s.app.settings();
            s.app.saveSettings(Json.createObjectBuilder(settings).add("trustedProxy", Json.createObjectBuilder()
                    .add("headers", Json.createArrayBuilder().add("X-Forwarded-For")).add("useLeftmostIP", false)).build());
            s.sendWith("GET", "/api/collections?perPage=2", Map.of("Authorization", token, "X-Forwarded-For", "10.0.0.1, 10.0.0.2"), null);
            JsonObject data = entries(s, "GET /api/collections?perPage=2").get(0).data();
            assertThat(data.getString("authId")).isEqualTo(superuserId);
            assertThat(data.getString("userIP")).isEqualTo("10.0.0.2");
            assertThat(data.getString("remoteIP")).isEqualTo("127.0.0.1");

            logs(s, "logIP", JsonValue.FALSE);
            s.expect("GET", "/api/collections?perPage=3", token, null, 200);
            assertThat(entries(s, "GET /api/collections?perPage=3").get(0).data()).doesNotContainKeys("userIP", "remoteIP");
        }
    }

    @Test
    void maxDaysZeroLogsNothingAndMinLevelFiltersTheAppLogger() throws Exception {
        try (TestServer s = new TestServer()) {
            s.app.logger().debug("hidden debug");
            s.app.logger().info("shown info");
            assertThat(entries(s, "hidden debug")).isEmpty();
            assertThat(entries(s, "shown info")).hasSize(1);

            logs(s, "minLevel", Json.createValue(-4));
            s.app.logger().debug("now stored", "k", 1);
            assertThat(entries(s, "now stored")).hasSize(1);

            logs(s, "maxDays", Json.createValue(0));
            s.expect("GET", "/api/health?off=1", null, null, 200);
            s.app.logger().error("not stored either");
            assertThat(entries(s, "GET /api/health?off=1")).isEmpty();
            assertThat(entries(s, "not stored either")).isEmpty();
        }
    }

    @Test
    void theAppLoggerStoresKeyValueAttributesLikeSlog() throws Exception {
        try (TestServer s = new TestServer()) {
            s.app.logger().warn("order paid", "orderId", "o1", "total", 42.5, "ok", true, 7);
            Log log = entries(s, "order paid").get(0);
            assertThat(log.level()).isEqualTo(4);
            assertThat(log.data().toString()).isEqualTo("{\"!BADKEY\":7,\"ok\":true,\"orderId\":\"o1\",\"total\":42.5}");
        }
    }

    @Test
    void oversizedMessagesAndDataAreCutAsInV040() throws Exception {
        try (TestServer s = new TestServer()) {
            logs(s, "maxDataSize", Json.createValue(40));
            s.app.logger().info("m".repeat(8001), "a", "test1", "b", "test2", "c", "a".repeat(40));
            s.app.logs().flush();
            Log log = s.app.logs().list("message ~ 'mmm'", "", 1, 10, false).items().get(0);
            assertThat(log.message()).hasSize(8000);
            assertThat(log.data().toString())
                    .isEqualTo("{\"__pb_truncated__\":true,\"a\":\"test1\",\"b\":\"test2\",\"c\":\"" + "a".repeat(10) + "\"}");
        }
    }

    @Test
    void listFiltersSortsAndPagesOverColumnsAndDataPaths() throws Exception {
        try (TestServer s = new TestServer()) {
            String token = s.superuserToken();
            s.expect("GET", "/api/health?n=1", null, null, 200);
            s.send("GET", "/api/collections/missing/records", null, null);
            s.app.logger().info("custom", "nested", Map.of("deep", 5));
            s.app.logs().flush();

            JsonObject all = object(s.expect("GET", "/api/logs?perPage=1&sort=-@rowid", token, null, 200));
            assertThat(List.copyOf(all.keySet())).containsExactly("items", "page", "perPage", "totalItems", "totalPages");
            assertThat(all.getInt("perPage")).isEqualTo(1);
            assertThat(all.getInt("totalItems")).isEqualTo(all.getInt("totalPages")).isGreaterThanOrEqualTo(3);
            assertThat(all.getJsonArray("items").getJsonObject(0).getString("message")).isEqualTo("custom");

            JsonObject failed = object(s.expect("GET", "/api/logs?filter=" + q("data.status >= 400 && level = 8"), token, null, 200));
            assertThat(failed.getInt("totalItems")).isEqualTo(1);
            assertThat(failed.getJsonArray("items").getJsonObject(0).getString("message")).isEqualTo("GET /api/collections/missing/records");

            JsonObject deep = object(s.expect("GET", "/api/logs?skipTotal=1&filter=" + q("data.nested.deep = 5"), token, null, 200));
            assertThat(deep.getInt("totalItems")).isEqualTo(-1);
            assertThat(deep.getJsonArray("items")).hasSize(1);

            JsonArray sorted = object(s.expect("GET", "/api/logs?sort=message,-created", token, null, 200)).getJsonArray("items");
            List<String> messages = new ArrayList<>();
            sorted.forEach(v -> messages.add(v.asJsonObject().getString("message")));
            assertThat(messages).isSorted();

            TestServer.Response bad = s.send("GET", "/api/logs?filter=" + q("unknown = 1"), token, null);
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).isEqualTo("{\"data\":{},\"message\":\"Something went wrong while processing your request.\",\"status\":400}");
            assertThat(s.send("GET", "/api/logs?page=abc", token, null).status()).isEqualTo(400);
        }
    }

    @Test
    void statsCountPerHourAndTakeAFilter() throws Exception {
        try (TestServer s = new TestServer()) {
            String token = s.superuserToken();
            s.app.logger().info("one");
            s.app.logger().error("two");
            s.app.logs().flush();
            JsonArray stats = array(s.expect("GET", "/api/logs/stats", token, null, 200));
            assertThat(stats).hasSize(1);
            assertThat(stats.getJsonObject(0).getString("date")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:00:00\\.000Z");
            assertThat(List.copyOf(stats.getJsonObject(0).keySet())).containsExactly("date", "total");
            JsonArray errors = array(s.expect("GET", "/api/logs/stats?filter=" + q("level = 8"), token, null, 200));
            assertThat(errors.getJsonObject(0).getInt("total")).isEqualTo(1);
            TestServer.Response bad = s.send("GET", "/api/logs/stats?filter=" + q("nope ="), token, null);
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("\"message\":\"Invalid filter format.\"");
        }
    }

    @Test
    void successfulLogsApiCallsAreNotLoggedButFailedOnesAre() throws Exception {
        try (TestServer s = new TestServer()) {
            String token = s.superuserToken();
            s.expect("GET", "/api/logs", token, null, 200);
            s.expect("GET", "/api/logs/stats", token, null, 200);
            s.expect("GET", "/api/logs/nothere", token, null, 404);
            s.expect("GET", "/api/logs", null, null, 401);
            assertThat(entries(s, "GET /api/logs")).hasSize(1).allSatisfy(l -> assertThat(l.data().getInt("status")).isEqualTo(401));
            assertThat(entries(s, "GET /api/logs/stats")).isEmpty();
            assertThat(entries(s, "GET /api/logs/nothere")).hasSize(1);
        }
    }

    @Test
    void deleteRemovesEveryEntryForSuperusersOnly() throws Exception {
        try (TestServer s = new TestServer()) {
            String token = s.superuserToken();
            s.app.logger().info("before");
            s.expect("DELETE", "/api/logs", null, null, 401);
            s.app.logs().flush();
            assertThat(s.app.logs().list("", "", 1, 10, false).totalItems()).isPositive();
            TestServer.Response r = s.send("DELETE", "/api/logs", token, null);
            assertThat(r.status()).isEqualTo(204);
            assertThat(r.body()).isEmpty();
            s.app.logs().flush();
            assertThat(s.app.logs().list("", "", 1, 10, false).totalItems()).isZero();
        }
    }

    @Test
    void deleteOlderThanRemovesOnlyOldEntries() throws Exception {
        try (TestServer s = new TestServer()) {
            s.app.logger().info("recent");
            s.app.logs().flush();
            s.app.store().writeAuxiliary(sql -> sql.execute(
                    "INSERT INTO _logs (id, level, message, data, created) VALUES ('old', 0, 'old', '{}', '2020-01-01 00:00:00.000Z')", List.of()));
            assertThat(s.app.logs().deleteOlderThan(Duration.ofDays(5))).isEqualTo(1);
            assertThat(s.app.logs().findById("old")).isEmpty();
            assertThat(entries(s, "recent")).hasSize(1);
        }
    }

    @Test
    void aBurstDropsEntriesInsteadOfBlockingAndNeverHoldsTheDataWriter() throws Exception {
        try (TestServer s = new TestServer()) {
            long[] offered = {0};
            CompletableFuture<Integer> dataWrite = new CompletableFuture<>();
            // hold the auxiliary writer: the log writer cannot write while the burst arrives
            s.app.store().writeAuxiliary(sql -> {
                for (int i = 0; i < 40_000; i++) {
                    s.app.logger().info("burst " + i);
                    offered[0]++;
                }
                // the data writer lane is independent of the auxiliary one (a direct write: a request would log too)
                CompletableFuture.runAsync(() -> dataWrite.complete(
                        s.app.store().write(data -> data.execute("CREATE TABLE during_burst (x TEXT)"))));
                try {
                    assertThat(dataWrite.get(20, TimeUnit.SECONDS)).isZero();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                return null;
            });
            assertThat(offered[0]).isEqualTo(40_000);
            assertThat(s.app.logs().dropped()).isPositive();
            s.app.logs().flush();
            long stored = s.app.logs().list("message ~ 'burst '", "", 1, 1, false).totalItems();
            assertThat(stored + s.app.logs().dropped()).isEqualTo(40_000);
        }
    }

    @Test
    void queuedEntriesAreWrittenOnClose() throws Exception {
        TestServer s = new TestServer();
        java.nio.file.Path dir = s.dir;
        for (int i = 0; i < 500; i++) {
            s.app.logger().info("at close");
        }
        s.app.close();
        io.pb4j.core.PocketBase reopened = io.pb4j.core.PocketBase.create(cfg -> cfg.dataDir(dir));
        try {
            reopened.bootstrap();
            assertThat(reopened.logs().list("message = 'at close'", "", 1, 1, false).totalItems()).isEqualTo(500);
        } finally {
            reopened.close();
            s.close();
        }
    }
}
