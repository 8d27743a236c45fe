package io.pb4j.http;

import io.pb4j.core.BackupFile;
import io.pb4j.core.Backups;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stand-ins for the BeforeTestFunc/AfterTestFunc helpers of PocketBase's {@code backup_test.go} and
 * {@code cron_test.go}, used by {@link Setup} and {@link After}.
 */
final class BackupSetups {
    private static final Map<TestServer, AtomicInteger> CRON_CALLS = Collections.synchronizedMap(new WeakHashMap<>());

    private BackupSetups() {
    }

    /** PocketBase's {@code createTestBackups}: test1.zip, test2.zip, test3.zip and @test4.zip. */
    static void testBackups(TestServer server) {
        for (String name : List.of("test1.zip", "test2.zip", "test3.zip", "@test4.zip")) {
            server.app.backups().create(name);
        }
    }

    /**
     * Stands in for {@code app.Store().Set(core.StoreKeyActiveBackup, name)}: a real backup named {@code name} starts
     * and stays held in an {@code onBackupCreate} handler (which never continues, so it writes nothing) until the
     * scenario is long over.
     */
    static void holdActiveBackup(TestServer server, String name) {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        server.app.onBackupCreate().bind("holdActiveBackup", -1000, e -> {
            entered.countDown();
            try {
                never.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        });
        Thread.ofVirtual().start(() -> {
            try {
                server.app.backups().create(name);
            } catch (RuntimeException ignored) {
                // the app may be closed by the time the hold ends
            }
        });
        try {
            if (!entered.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the held backup did not start");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A stray backup file {@code name} with content {@code 123} (PocketBase's {@code fsys.Upload([]byte("123"), name)}). */
    static void backupFile(TestServer server, String name) {
        try {
            Path dir = Files.createDirectories(server.dir.resolve(Backups.BACKUPS_DIR));
            Files.writeString(dir.resolve(name), "123");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Settings {@code trustedProxy.headers = ["x-test-ip"]} and {@code superuserIPs = [ip]}. */
    static void superuserIp(TestServer server, String ip) {
        JsonObject s = server.app.settings();
        server.app.saveSettings(Json.createObjectBuilder(s)
                .add("trustedProxy", Json.createObjectBuilder(s.getJsonObject("trustedProxy")).add("headers", Json.createArrayBuilder().add("x-test-ip")))
                .add("superuserIPs", Json.createArrayBuilder().add(ip))
                .build());
    }

    /** PocketBase's {@code TestCronsRun} job: {@code test} every minute, counting its calls. */
    static void countingCronJob(TestServer server) {
        AtomicInteger calls = CRON_CALLS.computeIfAbsent(server, k -> new AtomicInteger());
        // as in PocketBase's test app the scheduler does not tick, so only the API runs the job (a minute boundary
        // during the scenario would otherwise count a call)
        for (io.pb4j.core.PocketBase node : server.nodes()) {
            node.cron().stop();
            node.cron().add("test", "* * * * *", calls::incrementAndGet);
        }
    }

    /** After the scenario's delay (PocketBase waits 50 ms; the job runs in the background): the job's call count. */
    static List<String> cronCalls(TestServer server, int expected) {
        AtomicInteger calls = CRON_CALLS.computeIfAbsent(server, k -> new AtomicInteger());
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(expected > 0 ? 5 : 0) + TimeUnit.MILLISECONDS.toNanos(200);
        while (System.nanoTime() < until && calls.get() < expected) {
            sleep(20);
        }
        if (expected == 0) {
            sleep(200);
        }
        return calls.get() == expected ? List.of() : List.of("after: expected " + expected + " testJobCalls, got " + calls.get());
    }

    /** The stored backups' keys compared with {@code expected} (a key ending in {@code *} is a prefix). */
    static List<String> backups(TestServer server, String... expected) {
        List<String> keys = new ArrayList<>(server.app.backups().list().stream().map(BackupFile::key).toList());
        List<String> out = new ArrayList<>();
        if (keys.size() != expected.length) {
            out.add("after: expected " + expected.length + " backup(s), found " + keys);
            return out;
        }
        for (String e : expected) {
            boolean found = e.endsWith("*") ? keys.stream().anyMatch(k -> k.startsWith(e.substring(0, e.length() - 1)))
                    : keys.contains(e);
            if (!found) {
                out.add("after: expected backup " + e + ", found " + keys);
            }
        }
        return out;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
