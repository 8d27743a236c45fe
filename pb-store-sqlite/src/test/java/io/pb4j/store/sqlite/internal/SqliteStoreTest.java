package io.pb4j.store.sqlite.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import io.pb4j.core.spi.Store;
import io.pb4j.core.spi.StoreException;
import io.pb4j.core.spi.UniqueViolationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreTest {
    @TempDir
    Path dir;
    Store store;

    @BeforeEach
    void open() {
        store = new SqliteStoreProvider().open(dir);
        store.write(s -> s.execute("CREATE TABLE items (id TEXT PRIMARY KEY, n INTEGER NOT NULL DEFAULT 0)"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private long count() {
        return ((Number) store.read(s -> s.query("SELECT COUNT(*) AS c FROM items", List.of())).get(0).get("c")).longValue();
    }

    @Test
    void opensPocketBasesTwoDatabasesWithItsPragmas() {
        assertThat(dir.resolve("data.db")).exists();
        assertThat(dir.resolve("auxiliary.db")).exists();
        assertThat(store.read(s -> s.query("PRAGMA journal_mode", List.of())).get(0).values()).containsExactly("wal");
        assertThat(store.read(s -> s.query("PRAGMA foreign_keys", List.of())).get(0).values()).containsExactly(1);
        assertThat(store.read(s -> s.query("PRAGMA synchronous", List.of())).get(0).values()).containsExactly(1);
        List<Map<String, Object>> logs = store.writeAuxiliary(s -> s.query("SELECT name FROM sqlite_master WHERE name = '_logs'", List.of()));
        assertThat(logs).hasSize(1);
    }

    @Test
    void theLogWriterCheckpointsAuxiliaryDbEveryTenThousandPagesAndTheDataWriterAtSqlitesDefault() {
        assertThat(store.writeAuxiliary(s -> s.query("PRAGMA wal_autocheckpoint", List.of())).get(0).values())
                .containsExactly(10_000);
        assertThat(store.write(s -> s.query("PRAGMA wal_autocheckpoint", List.of())).get(0).values())
                .containsExactly(1_000);
        // a write after the pragma still lands in auxiliary.db and is read back by its own reader connection
        store.writeAuxiliary(s -> s.execute("INSERT INTO _logs (id, message) VALUES ('a', 'm')", List.of()));
        assertThat(store.readAuxiliary(s -> s.query("SELECT message FROM _logs WHERE id = 'a'", List.of())).get(0).values())
                .containsExactly("m");
    }

    @Test
    void readersKeepSqlitesDefaultPageCacheWritersALargerOneAndTheLogWriterTheLargest() {
        assertThat(store.read(s -> s.query("PRAGMA cache_size", List.of())).get(0).values()).containsExactly(-2000);
        assertThat(store.write(s -> s.query("PRAGMA cache_size", List.of())).get(0).values()).containsExactly(-16000);
        // the log writer's batches dirty most of _logs' message index at once (see SqliteStore)
        assertThat(store.writeAuxiliary(s -> s.query("PRAGMA cache_size", List.of())).get(0).values())
                .containsExactly(-32000);
    }

    @Test
    void tableColumnsListAViewsColumnsWithTheirDeclaredTypes() {
        List<Map<String, Object>> columns = store.write(s -> {
            s.execute("CREATE VIEW v AS SELECT * FROM (SELECT id, n + 1 AS m FROM items)");
            return s.query(s.dialect().tableColumnsSql(), List.of("v"));
        });
        assertThat(columns).containsExactly(Map.of("name", "id", "type", "TEXT"), Map.of("name", "m", "type", ""));
        List<Map<String, Object>> missing = store.read(s -> s.query(s.dialect().tableColumnsSql(), List.of("missing")));
        assertThat(missing).isEmpty();
    }

    @Test
    void debugLoggingShowsEveryStatementWithItsParametersOnOneLine() {
        java.util.logging.Logger sql = java.util.logging.Logger.getLogger("io.pb4j.sql");
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord r) {
                lines.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        sql.setLevel(java.util.logging.Level.FINE);
        sql.addHandler(capture);
        try {
            store.write(s -> s.execute("INSERT INTO items (id, n) VALUES (?, ?)", List.of("a\"b", 7)));
            store.read(s -> s.query("SELECT *\nFROM items WHERE id = ? AND n > ?", List.of("a\"b", 1.5)));
        } finally {
            sql.removeHandler(capture);
            sql.setLevel(null);
        }
        assertThat(lines).contains("INSERT INTO items (id, n) VALUES (?, ?) -- params: [\"a\\\"b\",7]",
                "SELECT * FROM items WHERE id = ? AND n > ? -- params: [\"a\\\"b\",1.5]");
    }

    @Test
    void errorsCarrySqlitesOwnMessage() {
        assertThatThrownBy(() -> store.read(s -> s.query("SELECT nope FROM items", List.of())))
                .isInstanceOf(StoreException.class).hasMessage("no such column: nope");
    }

    @Test
    void concurrentWritersQueueInsteadOfFailingBusy() throws Exception {
        int threads = 8;
        int perThread = 200;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        String id = thread + "-" + i;
                        // read-then-write in one transaction: the lock-upgrade case that fails with DEFERRED
                        store.write(s -> {
                            long n = ((Number) s.query("SELECT COUNT(*) AS c FROM items", List.of()).get(0).get("c")).longValue();
                            return s.execute("INSERT INTO items (id, n) VALUES (?, ?)", List.of(id, n));
                        });
                        store.read(s -> s.query("SELECT * FROM items WHERE id = ?", List.of(id)));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        assertThat(count()).isEqualTo(threads * perThread);
    }

    @Test
    void aFailingWriteRollsBackEverything() {
        assertThatThrownBy(() -> store.write(s -> {
            s.execute("INSERT INTO items (id) VALUES (?)", List.of("a"));
            s.execute("INSERT INTO items (id) VALUES (?)", List.of("b"));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(count()).isZero();
    }

    @Test
    void nestedWritesJoinTheOuterTransactionAndReadsInsideSeeItsChanges() {
        assertThatThrownBy(() -> store.write(outer -> {
            outer.execute("INSERT INTO items (id) VALUES (?)", List.of("outer"));
            store.write(inner -> inner.execute("INSERT INTO items (id) VALUES (?)", List.of("inner")));
            List<Map<String, Object>> seen = store.read(r -> r.query("SELECT id FROM items", List.of()));
            assertThat(seen).hasSize(2);
            throw new IllegalStateException("roll back both");
        })).hasMessage("roll back both");
        assertThat(count()).isZero();
    }

    @Test
    void uniqueViolationsNameTheColumn() {
        store.write(s -> s.execute("CREATE UNIQUE INDEX idx_n ON items (n)"));
        store.write(s -> s.execute("INSERT INTO items (id, n) VALUES ('a', 1)", List.of()));
        assertThatThrownBy(() -> store.write(s -> s.execute("INSERT INTO items (id, n) VALUES ('b', 1)", List.of())))
                .isInstanceOfSatisfying(UniqueViolationException.class, e -> assertThat(e.columns()).containsExactly("n"));
        assertThatThrownBy(() -> store.write(s -> s.execute("INSERT INTO nope VALUES (1)", List.of())))
                .isInstanceOf(StoreException.class).hasMessageContaining("no such table");
    }

    @Test
    void schemaChangesReachStatementsCachedOnOtherConnections() {
        store.write(s -> s.execute("INSERT INTO items (id) VALUES ('a')", List.of()));
        for (int i = 0; i < 20; i++) {
            store.read(s -> s.query("SELECT * FROM items", List.of()));
        }
        store.write(s -> s.execute("ALTER TABLE items ADD COLUMN extra TEXT DEFAULT 'x' NOT NULL"));
        for (int i = 0; i < 20; i++) {
            Map<String, Object> row = store.read(s -> s.query("SELECT * FROM items", List.of())).get(0);
            assertThat(row).containsEntry("extra", "x");
        }
    }

    @Test
    void applicationsGetHelidonDbClientOverTheStoresConnections() {
        DbClient db = store.unwrap(DbClient.class).orElseThrow();
        db.execute().insert("INSERT INTO items (id, n) VALUES (?, ?)", "from-dbclient", 7);
        var tx = db.transaction();
        tx.insert("INSERT INTO items (id, n) VALUES (?, ?)", "in-tx", 8);
        tx.rollback();
        List<DbRow> rows = db.execute().query("SELECT id, n FROM items ORDER BY id").toList();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).column("id").get(String.class)).isEqualTo("from-dbclient");
        assertThat(rows.get(0).column("n").get(Number.class).longValue()).isEqualTo(7);
        // pb4j's own writes still work after DB Client returned the writer connection
        store.write(s -> s.execute("INSERT INTO items (id) VALUES ('after')", List.of()));
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void dbClientInsideAStoreWriteJoinsItsTransaction() {
        DbClient db = store.unwrap(DbClient.class).orElseThrow();
        assertThatThrownBy(() -> store.write(s -> {
            s.execute("INSERT INTO items (id) VALUES ('outer')", List.of());
            db.execute().insert("INSERT INTO items (id, n) VALUES (?, ?)", "joined", 1);
            // DB Client's own transaction cannot commit the outer one halfway
            var tx = db.transaction();
            tx.insert("INSERT INTO items (id, n) VALUES (?, ?)", "joined-tx", 2);
            tx.commit();
            assertThat(((Number) s.query("SELECT COUNT(*) AS c FROM items", List.of()).get(0).get("c")).longValue()).isEqualTo(3L);
            throw new IllegalStateException("roll back");
        })).hasMessage("roll back");
        assertThat(count()).isZero();
        store.write(s -> {
            db.execute().insert("INSERT INTO items (id, n) VALUES (?, ?)", "kept", 3);
            return null;
        });
        assertThat(count()).isEqualTo(1);
    }
}
