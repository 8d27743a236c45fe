package io.pb4j.store.sqlite.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pb4j.core.spi.StoreException;
import io.pb4j.core.spi.UniqueViolationException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concurrent writes on the data database share one transaction: each still atomic on its own (a failing one rolls
 * back alone), and none returns before the COMMIT of its group.
 */
class GroupCommitTest {
    @TempDir
    Path dir;
    SqliteStore store;
    ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();

    @BeforeEach
    void open() {
        store = (SqliteStore) new SqliteStoreProvider().open(dir);
        store.write(s -> s.execute("CREATE TABLE items (id TEXT PRIMARY KEY, n INTEGER NOT NULL DEFAULT 0)"));
    }

    @AfterEach
    void close() {
        pool.shutdownNow();
        store.close();
    }

    private List<String> ids() {
        return store.read(s -> s.query("SELECT id FROM items ORDER BY id", List.of())).stream()
                .map(row -> String.valueOf(row.get("id"))).toList();
    }

    private void insert(String id) {
        store.write(s -> s.execute("INSERT INTO items (id) VALUES (?)", List.of(id)));
    }

    /** Holds the lane in a write until {@code writers} more threads wait for it, then lets them all in. */
    private Future<?> holdUntilWaiting(int writers, String id, CountDownLatch release) throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        Future<?> holder = pool.submit(() -> store.write(s -> {
            s.execute("INSERT INTO items (id) VALUES (?)", List.of(id));
            inside.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return null;
        }));
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        return holder;
    }

    private void awaitWaiting(int writers) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (store.dataLane().waiting() < writers && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(store.dataLane().waiting()).isGreaterThanOrEqualTo(writers);
    }

    @Test
    void concurrentWritesCommitTogetherAndAllLand() throws Exception {
        long before = store.dataLane().commits();
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = holdUntilWaiting(20, "a00", release);
        List<Future<?>> writes = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            String id = "a%02d".formatted(i);
            writes.add(pool.submit(() -> insert(id)));
        }
        awaitWaiting(20);
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        for (Future<?> w : writes) {
            w.get(10, TimeUnit.SECONDS);
        }
        assertThat(ids()).hasSize(21);
        // 21 writes queued behind one another: one group, or a few on a machine slow enough to pass the wait bound
        assertThat(store.dataLane().commits() - before).isLessThanOrEqualTo(10L);
    }

    @Test
    void aUniqueViolationInTheMiddleOfAGroupFailsOnlyItsOwnWrite() throws Exception {
        insert("taken");
        long before = store.dataLane().commits();
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = holdUntilWaiting(3, "b0", release);
        Future<?> first = pool.submit(() -> insert("b1"));
        awaitWaiting(1);
        // a write of two rows whose second one conflicts: its first row must go too
        Future<?> conflicting = pool.submit(() -> store.write(s -> {
            s.execute("INSERT INTO items (id) VALUES (?)", List.of("b2"));
            return s.execute("INSERT INTO items (id) VALUES (?)", List.of("taken"));
        }));
        awaitWaiting(2);
        Future<?> last = pool.submit(() -> insert("b3"));
        awaitWaiting(3);
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        first.get(10, TimeUnit.SECONDS);
        last.get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> conflicting.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(UniqueViolationException.class);
        assertThat(ids()).containsExactly("b0", "b1", "b3", "taken");
        assertThat(store.dataLane().commits() - before).isBetween(1L, 2L);
    }

    @Test
    void aWriteReturnsOnlyOnceItsGroupCommittedAndNoReaderSeesItBefore() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch secondInside = new CountDownLatch(1);
        CountDownLatch letSecondEnd = new CountDownLatch(1);
        Future<?> holder = holdUntilWaiting(1, "c0", release);
        Future<?> second = pool.submit(() -> store.write(s -> {
            s.execute("INSERT INTO items (id) VALUES (?)", List.of("c1"));
            secondInside.countDown();
            try {
                letSecondEnd.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return null;
        }));
        awaitWaiting(1);
        release.countDown();
        // the holder's write is done, but the second one, in the same group, is still running: nothing committed
        assertThat(secondInside.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(50);
        assertThat(holder.isDone()).as("the first write waits for its group's commit").isFalse();
        assertThat(ids()).as("a reader sees nothing uncommitted").isEmpty();
        letSecondEnd.countDown();
        holder.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);
        assertThat(ids()).containsExactly("c0", "c1");
    }

    @Test
    void aFailingFirstWriteRollsBackAloneAndTheNextStartsAFreshGroup() throws Exception {
        assertThatThrownBy(() -> store.write(s -> {
            s.execute("INSERT INTO items (id) VALUES (?)", List.of("d0"));
            throw new IllegalStateException("hook failed");
        })).hasMessage("hook failed");
        insert("d1");
        assertThat(ids()).containsExactly("d1");
    }

    @Test
    void aGroupWhoseCommitFailsFailsEveryMemberAndLeavesNothing() throws Exception {
        store.write(s -> {
            s.execute("CREATE TABLE parents (id TEXT PRIMARY KEY)");
            return s.execute("CREATE TABLE children (id TEXT PRIMARY KEY, parent TEXT REFERENCES parents (id)"
                    + " DEFERRABLE INITIALLY DEFERRED)");
        });
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = holdUntilWaiting(1, "e0", release);
        // checked only at COMMIT: the whole group's transaction fails
        Future<?> orphan = pool.submit(() -> store.write(s -> s.execute(
                "INSERT INTO children (id, parent) VALUES ('c', 'missing')", List.of())));
        awaitWaiting(1);
        release.countDown();
        assertThatThrownBy(() -> holder.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreException.class);
        assertThatThrownBy(() -> orphan.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreException.class);
        assertThat(ids()).isEmpty();
        insert("e1");
        assertThat(ids()).containsExactly("e1");
    }

    @Test
    void maintenanceOnTheLaneCommitsAnOpenGroupFirst() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = holdUntilWaiting(1, "f0", release);
        Future<?> optimize = pool.submit(() -> store.optimize());
        awaitWaiting(1);
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        optimize.get(10, TimeUnit.SECONDS);
        assertThat(ids()).containsExactly("f0");
    }

    @Test
    void aWriteInsideAWriteJoinsIt() {
        assertThatThrownBy(() -> store.write(s -> {
            insert("g0");
            throw new IllegalStateException("outer failed");
        })).hasMessage("outer failed");
        assertThat(ids()).isEmpty();
    }
}
