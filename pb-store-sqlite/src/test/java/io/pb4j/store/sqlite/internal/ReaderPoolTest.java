package io.pb4j.store.sqlite.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReaderPoolTest {
    @TempDir
    Path dir;

    @Test
    void theLimitsFollowTheCoresWithinPocketBasesOwn() {
        int cores = Runtime.getRuntime().availableProcessors();
        assertThat(ReaderPool.MAX_OPEN).isBetween(16, 120).isEqualTo(Math.clamp(8L * cores, 16, 120));
        assertThat(ReaderPool.MAX_IDLE).isEqualTo(ReaderPool.MAX_OPEN);
    }

    @Test
    void busyReadersNeverExceedTheLimitAndOnlyTheIdleLimitStaysOpen() throws Exception {
        AtomicInteger opened = new AtomicInteger();
        NativeCalls calls = new NativeCalls();
        String url = "jdbc:sqlite:" + dir.resolve("data.db");
        ReaderPool pool = new ReaderPool(() -> {
            opened.incrementAndGet();
            try {
                return new JdbcSession(DriverManager.getConnection(url), calls, Duration.ZERO);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, 2);
        int callers = ReaderPool.MAX_OPEN + 8;
        AtomicInteger busy = new AtomicInteger();
        AtomicInteger mostBusy = new AtomicInteger();
        CountDownLatch allTaken = new CountDownLatch(ReaderPool.MAX_OPEN);
        CountDownLatch letGo = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                done.add(threads.submit(() -> {
                    JdbcSession s = pool.take();
                    mostBusy.accumulateAndGet(busy.incrementAndGet(), Math::max);
                    allTaken.countDown();
                    letGo.await();
                    busy.decrementAndGet();
                    pool.release(s);
                    return null;
                }));
            }
            assertThat(allTaken.await(30, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(200); // the callers past the limit are now waiting, not holding a connection
            assertThat(busy.get()).isEqualTo(ReaderPool.MAX_OPEN);
            letGo.countDown();
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
            assertThat(mostBusy.get()).isEqualTo(ReaderPool.MAX_OPEN);
            assertThat(opened.get()).isEqualTo(ReaderPool.MAX_OPEN);
            // every caller got one, and what is left open is the idle limit, each still usable
            List<JdbcSession> left = new ArrayList<>();
            for (int i = 0; i < ReaderPool.MAX_IDLE; i++) {
                left.add(pool.take());
            }
            assertThat(opened.get()).isEqualTo(ReaderPool.MAX_OPEN);
            assertThat(left.getFirst().query("SELECT 1 AS one", List.of())).hasSize(1);
            left.forEach(pool::release);
        } finally {
            threads.shutdownNow();
            pool.close();
            calls.close();
        }
    }
}
