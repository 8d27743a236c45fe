package io.pb4j.store.sqlite.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pb4j.core.spi.Store;
import io.pb4j.core.spi.StoreException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The query timeout really interrupts a long SQLite step (sqlite-jdbc's own {@code setQueryTimeout} only sets a busy
 * timeout), a cancelled request's query stops, the connection serves again afterwards, and slow queries on virtual
 * threads leave the carriers free for everything else.
 */
class QueryTimeoutTest {
    /** Never ends by itself: one SQLite step that counts for ever. */
    private static final String ENDLESS = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
            + "SELECT COUNT(*) AS n FROM c";

    @TempDir
    Path dir;
    Store store;

    @BeforeEach
    void open() {
        store = new SqliteStoreProvider().open(dir, Duration.ofMillis(700));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Object selectOne() {
        return store.read(s -> s.query("SELECT 1 AS one", List.of())).getFirst().get("one");
    }

    @Test
    void aQueryPastTheTimeoutIsInterruptedOnAPlatformThread() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> store.read(s -> s.query(ENDLESS, List.of())))
                .isInstanceOf(StoreException.class).hasMessageContaining("query timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(600), Duration.ofSeconds(5));
        assertThat(selectOne()).isEqualTo(1);
    }

    @Test
    void aQueryPastTheTimeoutIsInterruptedOnAVirtualThread() throws Exception {
        try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Throwable> failure = virtual.submit(() -> {
                try {
                    store.read(s -> s.query(ENDLESS, List.of()));
                    return null;
                } catch (StoreException e) {
                    return e;
                }
            });
            assertThat(failure.get(5, TimeUnit.SECONDS)).hasMessageContaining("query timeout");
            assertThat(virtual.submit(this::selectOne).get(5, TimeUnit.SECONDS)).isEqualTo(1);
        }
    }

    @Test
    void interruptingTheRequestingThreadCancelsItsQuery() throws Exception {
        try (Store patient = new SqliteStoreProvider().open(dir, Duration.ofMinutes(5))) {
            CompletableFuture<Throwable> failure = new CompletableFuture<>();
            Thread request = Thread.ofVirtual().start(() -> {
                try {
                    patient.read(s -> s.query(ENDLESS, List.of()));
                    failure.complete(null);
                } catch (StoreException e) {
                    failure.complete(e);
                }
            });
            Thread.sleep(300);
            long start = System.nanoTime();
            request.interrupt();
            assertThat(failure.get(5, TimeUnit.SECONDS)).hasMessageContaining("cancelled");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            assertThat(patient.read(s -> s.query("SELECT 2 AS two", List.of())).getFirst().get("two")).isEqualTo(2);
        }
    }

    @Test
    void writesAreNotCutShortByAnInterruptedCaller() throws Exception {
        store.write(s -> s.execute("CREATE TABLE t (n INTEGER)"));
        Thread writer = Thread.ofVirtual().unstarted(() -> store.write(s -> {
            Thread.currentThread().interrupt();
            s.execute("INSERT INTO t (n) VALUES (1)", List.of());
            return s.execute("INSERT INTO t (n) VALUES (2)", List.of());
        }));
        writer.start();
        writer.join(5000);
        assertThat(store.read(s -> s.query("SELECT COUNT(*) AS n FROM t", List.of())).getFirst().get("n")).isEqualTo(2);
    }

    @Test
    void slowQueriesOnVirtualThreadsLeaveTheCarriersFree() throws Exception {
        try (Store patient = new SqliteStoreProvider().open(dir, Duration.ofSeconds(4));
             ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
            // more than the cores, and more than the readers opened up front
            int slow = Runtime.getRuntime().availableProcessors() * 2 + 8;
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < slow; i++) {
                running.add(virtual.submit(() -> {
                    try {
                        patient.read(s -> s.query(ENDLESS, List.of()));
                    } catch (StoreException expected) {
                        // the timeout ends it
                    }
                }));
            }
            Thread.sleep(300);
            // work that needs no database, and a cheap read, while every core's worth of slow queries runs
            long start = System.nanoTime();
            assertThat(virtual.submit(() -> 42).get(3, TimeUnit.SECONDS)).isEqualTo(42);
            assertThat(virtual.submit(() -> patient.read(s -> s.query("SELECT 1 AS one", List.of())).getFirst().get("one"))
                    .get(3, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            for (Future<?> f : running) {
                f.get(10, TimeUnit.SECONDS);
            }
        }
    }
}
