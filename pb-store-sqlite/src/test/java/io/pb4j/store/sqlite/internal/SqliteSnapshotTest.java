package io.pb4j.store.sqlite.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.spi.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Store#snapshot} (backups) and {@link Store#optimize} (the daily job) of the SQLite store. */
class SqliteSnapshotTest {
    @TempDir
    Path dir;

    @Test
    void aSnapshotIsTakenWhileAWriteTransactionIsOpenAndHoldsOnlyCommittedRows() throws Exception {
        try (Store store = new SqliteStoreProvider().open(dir.resolve("pb_data"))) {
            store.write(s -> s.execute("CREATE TABLE items (id TEXT PRIMARY KEY)"));
            store.write(s -> s.execute("INSERT INTO items (id) VALUES ('committed')"));
            store.writeAuxiliary(s -> s.execute("INSERT INTO _logs (id, message) VALUES ('log1', 'hello')"));
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            // own threads: the common pool may have a single thread, which the held writer would occupy
            var threads = java.util.concurrent.Executors.newFixedThreadPool(2);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> store.write(s -> {
                s.execute("INSERT INTO items (id) VALUES ('uncommitted')");
                inside.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return null;
            }), threads);
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

            Path target = Files.createDirectories(dir.resolve("snap"));
            // runs while the writer lane is held: a snapshot never waits for the write lock
            CompletableFuture.runAsync(() -> store.snapshot(target), threads).get(20, TimeUnit.SECONDS);
            release.countDown();
            writer.get(10, TimeUnit.SECONDS);
            threads.shutdown();

            try (Store copy = new SqliteStoreProvider().open(target)) {
                List<Map<String, Object>> items = copy.read(s -> s.query("SELECT id FROM items ORDER BY id", List.of()));
                assertThat(items).extracting(r -> r.get("id")).containsExactly("committed");
                List<Map<String, Object>> logs = copy.writeAuxiliary(s -> s.query("SELECT message FROM _logs", List.of()));
                assertThat(logs).extracting(r -> r.get("message")).containsExactly("hello");
            }
            assertThat(store.read(s -> s.query("SELECT COUNT(*) AS c FROM items", List.of())).get(0).get("c")).isEqualTo(2);
        }
    }

    @Test
    void optimizeCheckpointsTheWriteAheadLogIntoTheDatabase() throws Exception {
        Path data = dir.resolve("pb_data");
        try (Store store = new SqliteStoreProvider().open(data)) {
            store.write(s -> s.execute("CREATE TABLE items (id TEXT PRIMARY KEY, v TEXT)"));
            for (int i = 0; i < 50; i++) {
                int n = i;
                store.write(s -> s.execute("INSERT INTO items (id, v) VALUES (?, ?)", List.of("i" + n, "x".repeat(1000))));
            }
            long walBefore = Files.size(data.resolve("data.db-wal"));
            assertThat(walBefore).isGreaterThan(50_000);
            store.optimize();
            // TRUNCATE empties the log; PRAGMA optimize may then write a few pages of statistics
            assertThat(Files.size(data.resolve("data.db-wal"))).isLessThan(walBefore / 4);
            assertThat(store.read(s -> s.query("SELECT COUNT(*) AS c FROM items", List.of())).get(0).get("c")).isEqualTo(50);
        }
    }
}
