package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.Backups;
import io.pb4j.core.DateTimes;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The crons API and PocketBase's system jobs, over real HTTP. */
class CronsApiTest {
    @Test
    void listsTheApplicationsJobsByIdThenTheSystemJobs() throws Exception {
        try (TestServer server = new TestServer()) {
            server.app.cron().add("b_job", "@daily", () -> { });
            server.app.cron().add("a_job", "*/5 * * * *", () -> { });
            JsonArray jobs = array(server.expect("GET", "/api/crons", server.superuserToken(), null, 200));
            assertThat(jobs.stream().map(j -> j.asJsonObject().getString("id")).toList()).containsExactly(
                    "a_job", "b_job", "__pbDBOptimize__", "__pbMFACleanup__", "__pbOTPCleanup__", "__pbLogsCleanup__");
            assertThat(jobs.getJsonObject(1).toString()).isEqualTo("{\"id\":\"b_job\",\"expression\":\"0 0 * * *\"}");
        }
    }

    @Test
    void theAutoBackupJobFollowsTheSettingsAndKeepsTheNewestOnes() throws Exception {
        try (TestServer server = new TestServer()) {
            String token = server.superuserToken();
            assertThat(ids(server, token)).doesNotContain("__pbAutoBackup__");
            backupSettings(server, "0 3 * * *", 2);
            assertThat(server.expect("GET", "/api/crons", token, null, 200)).contains("{\"id\":\"__pbAutoBackup__\",\"expression\":\"0 3 * * *\"}");

            Path dir = Files.createDirectories(server.dir.resolve(Backups.BACKUPS_DIR));
            for (String old : List.of("@auto_pb_backup_acme_20200101000000.zip", "@auto_pb_backup_acme_20200102000000.zip")) {
                Files.writeString(dir.resolve(old), "old");
            }
            Files.setLastModifiedTime(dir.resolve("@auto_pb_backup_acme_20200101000000.zip"), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
            Files.setLastModifiedTime(dir.resolve("@auto_pb_backup_acme_20200102000000.zip"), FileTime.from(Instant.parse("2020-01-02T00:00:00Z")));
            Files.writeString(dir.resolve("manual.zip"), "not an auto backup");

            server.expect("POST", "/api/crons/__pbAutoBackup__", token, null, 204);
            // the folder already holds three files: wait for the new auto backup itself, then for the pruning
            waitFor(() -> server.app.backups().active().isEmpty() && server.app.backups().list().stream()
                    .anyMatch(b -> b.key().startsWith("@auto_pb_backup_acme_") && !b.key().contains("2020"))
                    && server.app.backups().list().size() == 3);
            List<String> keys = server.app.backups().list().stream().map(b -> b.key()).toList();
            assertThat(keys).contains("manual.zip", "@auto_pb_backup_acme_20200102000000.zip")
                    .doesNotContain("@auto_pb_backup_acme_20200101000000.zip")
                    .anyMatch(k -> k.matches("@auto_pb_backup_acme_\\d{14}\\.zip") && !k.contains("2020"));

            backupSettings(server, "", 2);
            assertThat(ids(server, token)).doesNotContain("__pbAutoBackup__");
        }
    }

    @Test
    void theCleanupJobsDeleteExpiredOtpsMfasAndOldLogs() throws Exception {
        try (TestServer server = new TestServer()) {
            String token = server.superuserToken();
            String superuserId = server.app.findCollection("_superusers").flatMap(c ->
                    server.app.findFirstRecordByData(c, "email", TestServer.SUPERUSER_EMAIL)).orElseThrow().id();
            String collectionId = server.app.findCollection("_superusers").orElseThrow().id();
            String old = DateTimes.format(Instant.now().minus(Duration.ofDays(1)));
            String now = DateTimes.now();
            server.app.store().write(s -> {
                for (String[] row : List.of(new String[] {"otpold", old}, new String[] {"otpnew", now})) {
                    s.execute("INSERT INTO _otps (id, collectionRef, recordRef, password, sentTo, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?)",
                            List.of(row[0], collectionId, superuserId, "x", "", row[1], row[1]));
                }
                for (String[] row : List.of(new String[] {"mfaold", old}, new String[] {"mfanew", now})) {
                    s.execute("INSERT INTO _mfas (id, collectionRef, recordRef, method, created, updated) VALUES (?, ?, ?, ?, ?, ?)",
                            List.of(row[0], collectionId, superuserId, "password", row[1], row[1]));
                }
                return null;
            });
            server.app.store().writeAuxiliary(s -> {
                s.execute("INSERT INTO _logs (id, level, message, data, created) VALUES ('logold', 0, 'old', '{}', ?)",
                        List.of(DateTimes.format(Instant.now().minus(Duration.ofDays(6)))));
                s.execute("INSERT INTO _logs (id, level, message, data, created) VALUES ('lognew', 0, 'new', '{}', ?)", List.of(now));
                return null;
            });

            for (String job : List.of("__pbOTPCleanup__", "__pbMFACleanup__", "__pbLogsCleanup__", "__pbDBOptimize__")) {
                server.expect("POST", "/api/crons/" + job, token, null, 204);
            }
            waitFor(() -> rowIds(server, "_otps").equals(List.of("otpnew")) && rowIds(server, "_mfas").equals(List.of("mfanew")));
            // (the request log adds entries of its own meanwhile)
            waitFor(() -> {
                List<Object> logs = server.app.store().writeAuxiliary(s -> s.query("SELECT id FROM _logs WHERE id IN ('logold', 'lognew')", List.of()))
                        .stream().map(r -> r.get("id")).toList();
                return logs.equals(List.of("lognew"));
            });
        }
    }

    @Test
    void anUnknownJobIs404AndAnInvalidExpressionIsRefused() throws Exception {
        try (TestServer server = new TestServer()) {
            TestServer.Response r = server.send("POST", "/api/crons/nope", server.superuserToken(), null);
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.body()).contains("\"message\":\"Missing or invalid cron job.\"");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> server.app.cron().add("x", "61 * * * *", () -> { }))
                    .hasMessage("failed to add new cron job: invalid segment value - must be between the min and max of the segment");
        }
    }

    private static void backupSettings(TestServer server, String cron, int maxKeep) {
        JsonObject s = server.app.settings();
        server.app.saveSettings(Json.createObjectBuilder(s).add("backups", Json.createObjectBuilder(s.getJsonObject("backups"))
                .add("cron", cron).add("cronMaxKeep", maxKeep)).build());
    }

    private static List<String> ids(TestServer server, String token) {
        return array(server.expect("GET", "/api/crons", token, null, 200)).stream().map(j -> j.asJsonObject().getString("id")).toList();
    }

    private static List<Object> rowIds(TestServer server, String table) {
        return server.app.store().read(s -> s.query("SELECT id FROM `" + table + "` ORDER BY id", List.of())).stream()
                .map(r -> r.get("id")).toList();
    }

    private static JsonArray array(String body) {
        return Json.createReader(new StringReader(body)).readArray();
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("condition not met in 20 s");
            }
            Thread.sleep(50);
        }
    }
}
