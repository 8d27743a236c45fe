package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The backups API over real HTTP: online backups under write load, restores (good, uploaded, corrupt), names, tokens. */
class BackupsApiTest {
    private static final String ITEMS = """
            {"name":"items","type":"base","listRule":"","viewRule":"","createRule":"","updateRule":"",
             "fields":[{"name":"title","type":"text"},{"name":"n","type":"number"}]}""";

    @Test
    void aBackupTakenUnderWriteLoadRestoresExactlyTheRowsItHolds() throws Exception {
        try (TestServer server = new TestServer()) {
            String token = server.superuserToken();
            server.expect("POST", "/api/collections", token, ITEMS, 200);
            List<String> ids = new ArrayList<>();
            String filler = "x".repeat(2000);
            for (int i = 0; i < 1500; i++) {
                ids.add(id(server.expect("POST", "/api/collections/items/records", null,
                        "{\"title\":\"seed " + i + " " + filler + "\",\"n\":" + i + "}", 200)));
            }
            AtomicBoolean stop = new AtomicBoolean();
            AtomicBoolean backingUp = new AtomicBoolean();
            AtomicInteger writesDuringBackup = new AtomicInteger();
            List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        TestServer.Response r = i % 2 == 0
                                ? server.send("POST", "/api/collections/items/records", null, "{\"title\":\"w" + writer + "-" + i + "\",\"n\":" + i + "}")
                                : server.send("PATCH", "/api/collections/items/records/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size())),
                                        null, "{\"n\":" + (1_000_000 + i) + "}");
                        if (r.status() != 200) {
                            failures.add(r.status() + " " + r.body());
                        } else if (backingUp.get()) {
                            writesDuringBackup.incrementAndGet();
                        }
                    }
                }));
            }
            Thread.sleep(300);
            backingUp.set(true);
            server.expect("POST", "/api/backups", token, "{\"name\":\"load.zip\"}", 204);
            backingUp.set(false);
            Thread.sleep(200);
            stop.set(true);
            for (Thread t : writers) {
                t.join();
            }
            assertThat(failures).isEmpty();
            assertThat(writesDuringBackup.get()).as("writes committed while the backup ran").isPositive();

            // what the zip holds, read with plain JDBC
            Path tmp = Files.createTempDirectory("pb4j-zip");
            BackupKit.extractEntry(server.dir.resolve("backups/load.zip"), "data.db", tmp.resolve("data.db"));
            Map<String, String> inZip = BackupKit.rows(tmp.resolve("data.db"), "items");
            assertThat(inZip.size()).isGreaterThan(1500);

            // changes after the backup, which the restore must undo
            server.expect("POST", "/api/collections/items/records", null, "{\"title\":\"after\"}", 200);
            server.expect("DELETE", "/api/collections/items/records/" + ids.get(0), token, null, 204);

            CountDownLatch restored = BackupKit.nextRestore(server.app);
            server.expect("POST", "/api/backups/load.zip/restore", token, null, 204);
            BackupKit.await(restored);

            assertThat(BackupKit.rows(server.dir.resolve("data.db"), "items")).isEqualTo(inZip);
            JsonObject page = json(server.expect("GET", "/api/collections/items/records?perPage=1", null, null, 200));
            assertThat(page.getInt("totalItems")).isEqualTo(inZip.size());
            // the server kept running and the app serves writes on the restored data
            server.expect("POST", "/api/collections/items/records", null, "{\"title\":\"restored\"}", 200);
            assertThat(server.app.backups().active()).isEmpty();
            assertThat(server.app.backups().list()).extracting(b -> b.key()).containsExactly("load.zip");
        }
    }

    @Test
    void anUploadedBackupOfAnotherAppRestoresItsData() throws Exception {
        byte[] zip;
        String recordId;
        try (TestServer source = new TestServer()) {
            String token = source.superuserToken();
            source.expect("POST", "/api/collections", token, ITEMS, 200);
            recordId = id(source.expect("POST", "/api/collections/items/records", null, "{\"title\":\"from the other app\"}", 200));
            source.expect("POST", "/api/backups", token, "{\"name\":\"other.zip\"}", 204);
            String fileToken = json(source.expect("POST", "/api/files/token", token, null, 200)).getString("token");
            HttpResponse<byte[]> download = BackupKit.getBytes(source, "/api/backups/other.zip?token=" + fileToken);
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=other.zip");
            assertThat(download.headers().firstValue("Content-Type")).hasValue("application/zip");
            zip = download.body();
            assertThat(BackupKit.entryNames(zip)).contains("data.db", "auxiliary.db").noneMatch(n -> n.startsWith("backups/")
                    || n.endsWith("-wal") || n.endsWith("-shm") || n.startsWith(".pb_temp_to_delete"));
        }
        try (TestServer target = new TestServer()) {
            String token = target.superuserToken();
            assertThat(BackupKit.upload(target, token, "other.zip", zip).status()).isEqualTo(204);
            assertThat(BackupKit.upload(target, token, "other.zip", zip).body()).contains("validation_backup_name_exists");
            JsonObject listed = Json.createReader(new StringReader(target.expect("GET", "/api/backups", token, null, 200))).readArray().getJsonObject(0);
            assertThat(listed.getString("key")).isEqualTo("other.zip");
            assertThat(listed.getJsonNumber("size").longValue()).isEqualTo(zip.length);
            assertThat(listed.getString("modified")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

            CountDownLatch restored = BackupKit.nextRestore(target.app);
            target.expect("POST", "/api/backups/other.zip/restore", token, null, 204);
            BackupKit.await(restored);
            assertThat(json(target.expect("GET", "/api/collections/items/records/" + recordId, null, null, 200)).getString("title"))
                    .isEqualTo("from the other app");
            // the other app's superusers came along (same credentials in both test apps, new token key)
            assertThat(target.send("GET", "/api/collections", token, null).status()).isEqualTo(401);
            target.expect("GET", "/api/collections", target.superuserToken(), null, 200);
        }
    }

    @Test
    void aCorruptOrIncompleteBackupLeavesTheAppOnItsOldData() throws Exception {
        try (TestServer server = new TestServer()) {
            String token = server.superuserToken();
            server.expect("POST", "/api/collections", token, ITEMS, 200);
            String id = id(server.expect("POST", "/api/collections/items/records", null, "{\"title\":\"kept\"}", 200));
            byte[] garbageDb = BackupKit.zip(Map.of("data.db", "this is not a database".repeat(300).getBytes(StandardCharsets.UTF_8),
                    "storage/x.txt", "x".getBytes(StandardCharsets.UTF_8)));
            byte[] noDb = BackupKit.zip(Map.of("readme.txt", "no data.db".getBytes(StandardCharsets.UTF_8)));
            assertThat(BackupKit.upload(server, token, "garbage.zip", garbageDb).status()).isEqualTo(204);
            assertThat(BackupKit.upload(server, token, "nodb.zip", noDb).status()).isEqualTo(204);
            Files.write(server.dir.resolve("backups/broken.zip"), "PK\u0003\u0004 truncated".getBytes(StandardCharsets.ISO_8859_1));

            for (String name : List.of("garbage.zip", "nodb.zip", "broken.zip")) {
                CountDownLatch done = BackupKit.nextRestore(server.app);
                server.expect("POST", "/api/backups/" + name + "/restore", token, null, 204);
                BackupKit.await(done);
                assertThat(json(server.expect("GET", "/api/collections/items/records/" + id, null, null, 200)).getString("title"))
                        .as("after restoring " + name).isEqualTo("kept");
                server.expect("POST", "/api/collections/items/records", null, "{\"title\":\"still writable\"}", 200);
            }
            assertThat(Files.exists(server.dir.resolve("storage/x.txt"))).isFalse();
            assertThat(server.app.backups().active()).isEmpty();
            try (var left = Files.list(server.dir.resolve(".pb_temp_to_delete"))) {
                assertThat(left.toList()).isEmpty();
            }
        }
    }

    @Test
    void namesAreValidatedAsPocketBaseDoes() throws Exception {
        try (TestServer server = new TestServer()) {
            String token = server.superuserToken();
            for (String bad : List.of("!test.zip", "Test.zip", "a.ZIP", "a.tar", "../x.zip", "a b.zip")) {
                TestServer.Response r = server.send("POST", "/api/backups", token, "{\"name\":\"" + bad + "\"}");
                assertThat(r.status()).as(bad).isEqualTo(400);
                assertThat(r.body()).as(bad).contains("\"name\":{\"code\":\"validation_match_invalid\"");
            }
            TestServer.Response tooLong = server.send("POST", "/api/backups", token, "{\"name\":\"" + "a".repeat(147) + ".zip\"}");
            assertThat(tooLong.body()).contains("validation_length_out_of_range");
            server.expect("POST", "/api/backups", token, "{\"name\":\"" + "a".repeat(146) + ".zip\"}", 204);
            server.expect("POST", "/api/backups", token, "{\"name\":\"same.zip\"}", 204);
            assertThat(server.send("POST", "/api/backups", token, "{\"name\":\"same.zip\"}").body())
                    .contains("\"name\":{\"code\":\"validation_backup_name_exists\"");
            assertThat(server.send("POST", "/api/backups", token, "{\"name\":5}").body())
                    .contains("An error occurred while loading the submitted data.");
            // the upload stores the file under its own name: a path is refused, a non-zip is refused
            assertThat(BackupKit.upload(server, token, "../escape.zip", BackupKit.zip(Map.of("a", new byte[1]))).body())
                    .contains("\"file\":{\"code\":\"validation_invalid_file_name\"");
            assertThat(BackupKit.upload(server, token, "plain.zip", "just text".getBytes(StandardCharsets.UTF_8)).body())
                    .contains("\"file\":{\"code\":\"validation_invalid_mime_type\"");
            assertThat(Files.exists(server.dir.resolve("escape.zip"))).isFalse();
            // PocketBase answers 400 (not 404) for a missing key, on delete and on restore
            TestServer.Response missing = server.send("DELETE", "/api/backups/missing.zip", token, null);
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.body()).contains("Invalid or already deleted backup file.");
            assertThat(server.send("POST", "/api/backups/missing.zip/restore", token, null).body()).contains("Missing or invalid backup file.");
            server.expect("DELETE", "/api/backups/same.zip", token, null, 204);
            assertThat(server.app.backups().list()).extracting(b -> b.key()).containsExactly("a".repeat(146) + ".zip");
        }
    }

    @Test
    void downloadsNeedASuperusersFileToken() throws Exception {
        try (TestServer server = new TestServer()) {
            String token = server.superuserToken();
            server.expect("POST", "/api/backups", token, "{\"name\":\"b.zip\"}", 204);
            assertThat(server.send("POST", "/api/files/token", null, null).status()).isEqualTo(401);
            server.expect("POST", "/api/collections/users/records", null,
                    "{\"email\":\"u@example.com\",\"password\":\"1234567890\",\"passwordConfirm\":\"1234567890\"}", 200);
            String userToken = json(server.expect("POST", "/api/collections/users/auth-with-password", null,
                    "{\"identity\":\"u@example.com\",\"password\":\"1234567890\"}", 200)).getString("token");
            String userFileToken = json(server.expect("POST", "/api/files/token", userToken, null, 200)).getString("token");
            String superuserFileToken = json(server.expect("POST", "/api/files/token", token, null, 200)).getString("token");

            assertThat(BackupKit.getBytes(server, "/api/backups/b.zip?token=" + enc(token)).statusCode())
                    .as("an auth token is not a file token").isEqualTo(403);
            assertThat(BackupKit.getBytes(server, "/api/backups/b.zip?token=" + enc(userFileToken)).statusCode())
                    .as("a user's file token").isEqualTo(403);
            assertThat(BackupKit.getBytes(server, "/api/backups/b.zip?token=" + enc(superuserFileToken + "x")).statusCode())
                    .as("a tampered token").isEqualTo(403);
            HttpResponse<byte[]> ok = BackupKit.getBytes(server, "/api/backups/b.zip?token=" + enc(superuserFileToken));
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(BackupKit.entryNames(ok.body())).contains("data.db", "auxiliary.db");
            assertThat(BackupKit.getBytes(server, "/api/backups/nope.zip?token=" + enc(superuserFileToken)).statusCode()).isEqualTo(404);
            assertThat(server.app.findAuthRecordByToken(superuserFileToken, "file")).isPresent();
            assertThat(server.app.findAuthRecordByToken(superuserFileToken, "auth")).isEmpty();
        }
    }

    @Test
    void healthSaysCanBackupFalseWhileABackupRuns() throws Exception {
        try (TestServer server = new TestServer()) {
            String token = server.superuserToken();
            assertThat(json(server.expect("GET", "/api/health", token, null, 200)).getJsonObject("data").getBoolean("canBackup")).isTrue();
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch entered = new CountDownLatch(1);
            server.app.onBackupCreate().bind(e -> {
                entered.countDown();
                BackupKit.await(release);
                e.next();
            });
            Thread creating = Thread.ofVirtual().start(() -> server.expect("POST", "/api/backups", token, "{\"name\":\"slow.zip\"}", 204));
            BackupKit.await(entered);
            assertThat(json(server.expect("GET", "/api/health", token, null, 200)).getJsonObject("data").getBoolean("canBackup")).isFalse();
            assertThat(server.send("POST", "/api/backups", token, "{}").body()).contains("another backup/restore process has already been started");
            assertThat(server.send("DELETE", "/api/backups/slow.zip", token, null).body()).contains("currently being used");
            release.countDown();
            creating.join();
            assertThat(json(server.expect("GET", "/api/health", token, null, 200)).getJsonObject("data").getBoolean("canBackup")).isTrue();
            assertThat(server.app.backups().list()).extracting(b -> b.key()).containsExactly("slow.zip");
        }
    }

    @Test
    void backupsOnS3AreRefusedClearlyUntilABackendExists() throws Exception {
        try (TestServer server = new TestServer()) {
            String token = server.superuserToken();
            JsonObject s = server.app.settings();
            JsonObject backups = s.getJsonObject("backups");
            server.app.saveSettings(Json.createObjectBuilder(s).add("backups", Json.createObjectBuilder(backups)
                    .add("s3", Json.createObjectBuilder(backups.getJsonObject("s3")).add("enabled", true).add("bucket", "b")
                            .add("region", "r").add("endpoint", "http://127.0.0.1:1").add("accessKey", "k").add("secret", "s"))).build());
            TestServer.Response r = server.send("POST", "/api/backups", token, "{}");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains("Backups on S3 are not available");
            assertThat(server.send("GET", "/api/backups", token, null).status()).isEqualTo(400);
            assertThat(Files.exists(server.dir.resolve("backups"))).isFalse();
        }
    }

    @Test
    void theDefaultNameIsPocketBasesWithTheAppName() throws Exception {
        try (TestServer server = new TestServer()) {
            String token = server.superuserToken();
            server.expect("POST", "/api/backups", token, null, 204);
            assertThat(server.app.backups().list()).singleElement().satisfies(b ->
                    assertThat(b.key()).matches("pb_backup_acme_\\d{14}\\.zip"));
        }
    }


    private static String id(String body) {
        return json(body).getString("id");
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
