package io.pb4j.store.sqlite.internal;

import io.pb4j.core.spi.StoreException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A writer connection owned by one thread at a time (a fair lock), running each write in a transaction.
 *
 * <p>A grouping lane commits concurrent writes together. A write that ends while others wait for the lane leaves
 * the transaction open for them and waits; the last one of the group (nobody waiting, or the group full or old
 * enough) commits, and every member returns only once that COMMIT is done, so a caller never acknowledges data
 * that is not yet in the WAL. Each member but the first runs inside a SAVEPOINT: a member that fails rolls back to
 * it, alone, and throws its own error at once, while the group goes on. If the transaction itself is lost (SQLite
 * rolls the whole transaction back on some errors, or the COMMIT fails), every member of the group fails. One
 * COMMIT per group instead of one per write: the pages a group dirties (the table's and its indexes' last leaves)
 * reach the WAL once, and 32 concurrent creates no longer hand a fair lock and three platform-thread hops from one
 * writer to the next per write (server CPU per create about a third of before, bench/run --suite=cost).
 *
 * <p>A write on a thread that already holds the lane joins the running write. {@link #lock()} (maintenance,
 * Helidon DB Client, closing) commits an open group first, so such work never runs inside other callers' writes.
 */
final class Lane {
    /** A group commits at this many members at the latest … */
    static final int MAX_GROUP = 64;
    /**
     * … or once its first member has waited this long, so that a steady stream of writers cannot keep it open (a slow
     * member still holds up those before it: the bound is checked as each member ends).
     */
    static final long MAX_GROUP_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final JdbcSession session;
    private final boolean grouping;
    private final ReentrantLock lock = new ReentrantLock(true);
    /** The open transaction's group, or null; guarded by {@link #lock}. */
    private Group open;
    /** COMMITs so far; written under {@link #lock}, read by tests without it. */
    private volatile long commits;

    /** One transaction's writers, waiting for its end. */
    private static final class Group {
        /** When its first member's work ended: how long that member has been waiting. */
        long firstDone;
        final CountDownLatch ended = new CountDownLatch(1);
        int members;
        volatile RuntimeException failure;

        void end(RuntimeException failed) {
            failure = failed;
            ended.countDown();
        }

        /** Waits for the group's COMMIT; throws when it failed. */
        void await() {
            boolean interrupted = false;
            while (true) {
                try {
                    ended.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the outcome is the group's: wait for it whatever the caller wants
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            RuntimeException f = failure;
            if (f != null) {
                throw new StoreException("the transaction failed: " + f.getMessage(), f);
            }
        }
    }

    /**
     * @param grouping whether concurrent writes share one transaction (the data database); the auxiliary database's
     *                 log writer batches its entries itself
     */
    Lane(JdbcSession session, boolean grouping) {
        this.session = session;
        this.grouping = grouping;
    }

    JdbcSession session() {
        return session;
    }

    boolean heldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }

    /** Takes the lane for work outside {@link #write}, committing an open group first. */
    void lock() {
        lock.lock();
        if (open != null && lock.getHoldCount() == 1) {
            commit();
        }
    }

    void unlock() {
        lock.unlock();
    }

    /** How many COMMITs the lane ran (for tests: fewer than writes means writes were grouped). */
    long commits() {
        // not under the lock: a reader queued on it would keep an open group waiting for a writer that may not come
        return commits;
    }

    /** How many threads wait for the lane (for tests). */
    int waiting() {
        return lock.getQueueLength();
    }

    /**
     * Runs {@code work} in a transaction and returns once it committed. {@code closesGroup} tells, after the work, that
     * the group must commit now (it changed the schema, which other connections learn of only after the commit).
     */
    <T> T write(Function<JdbcSession, T> work, java.util.function.BooleanSupplier closesGroup) {
        lock.lock();
        if (lock.getHoldCount() > 1) {
            try {
                return work.apply(session);
            } finally {
                lock.unlock();
            }
        }
        Group group;
        T result;
        try {
            boolean first = open == null;
            if (first) {
                session.control("BEGIN IMMEDIATE");
                open = new Group();
            } else {
                session.rawInline("SAVEPOINT pb4j_member");
            }
            group = open;
            try {
                result = work.apply(session);
            } catch (RuntimeException | Error e) {
                undo(first);
                throw e;
            }
            if (!first) {
                try {
                    session.rawInline("RELEASE pb4j_member");
                } catch (RuntimeException lost) {
                    // the work swallowed an error with which SQLite rolled the whole transaction back
                    fail(lost);
                    throw lost;
                }
            }
            if (group.members++ == 0) {
                group.firstDone = System.nanoTime();
            }
            if (!grouping || !lock.hasQueuedThreads() || group.members >= MAX_GROUP
                    || System.nanoTime() - group.firstDone >= MAX_GROUP_NANOS || closesGroup.getAsBoolean()) {
                commit();
            }
        } finally {
            lock.unlock();
        }
        group.await();
        return result;
    }

    /**
     * Takes back the failed work of one member: the whole transaction when it is the group's first (it is alone in
     * it), else to its savepoint, after which the group commits if nobody else is coming. A transaction SQLite
     * already rolled back fails the whole group.
     */
    private void undo(boolean first) {
        if (first) {
            Group alone = open;
            open = null;
            rollbackQuietly();
            alone.end(null);
            return;
        }
        try {
            session.rawInline("ROLLBACK TO pb4j_member");
            session.rawInline("RELEASE pb4j_member");
        } catch (RuntimeException lost) {
            fail(lost);
            return;
        }
        if (!lock.hasQueuedThreads()) {
            commit();
        }
    }

    /** Ends the open group with {@code failure}: its transaction is gone, and with it every member's writes. */
    private void fail(RuntimeException failure) {
        Group group = open;
        open = null;
        rollbackQuietly();
        group.end(failure);
    }

    /** Commits the open group and tells its members; the caller holds the lock. */
    private void commit() {
        Group group = open;
        open = null;
        if (group.members == 0) {
            rollbackQuietly();
            group.end(null);
            return;
        }
        try {
            session.control("COMMIT");
            commits++;
        } catch (RuntimeException e) {
            rollbackQuietly();
            group.end(e);
            return;
        }
        group.end(null);
    }

    private void rollbackQuietly() {
        try {
            session.control("ROLLBACK");
        } catch (RuntimeException noTransaction) {
            // SQLite ended it already
        }
    }

    /** Waits for the running work, commits an open group and closes the connection. */
    void close() {
        lock();
        try {
            session.close();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the running write, moves the WAL into the database file and closes the connection. */
    void checkpointAndClose() {
        lock();
        try {
            try {
                session.raw("PRAGMA wal_checkpoint(TRUNCATE)");
            } catch (StoreException busy) {
                // a reader somewhere still holds a snapshot; closing checkpoints what it can
            }
            session.close();
        } finally {
            lock.unlock();
        }
    }
}
