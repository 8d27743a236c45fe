package io.pb4j.store.sqlite.internal;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where SQLite's native calls run, and how long they may. sqlite-jdbc steps a statement inside a JNI call, and a
 * virtual thread in a native frame pins its carrier: with one carrier per core, two slow filters on two cores used to
 * stall every other request, {@code /api/health} included. So a call made on a virtual thread runs on a platform
 * thread of this pool (at most one per connection is ever busy, so the pool stays as small as the store) while the
 * virtual thread parks and its carrier serves other requests. Platform threads (tests, the CLI) call inline.
 *
 * <p>A timed call is interrupted with {@code sqlite3_interrupt} when its time is up, and so is a call whose
 * requesting thread is interrupted while it waits; both end in {@link QueryInterruptedException}. Thread-safe.
 */
final class NativeCalls implements AutoCloseable {
    /** The JDBC work of one call; it must touch only the given connection. */
    interface Work<T> {
        T run() throws SQLException;
    }

    /** What interrupts the connection the work runs on (sqlite-jdbc's {@code DB.interrupt()}). */
    interface Interrupter {
        void interrupt() throws SQLException;
    }

    /**
     * Measurement switch only ({@code -Dpb4j.sqlite.inlineCalls=true}, used by {@code bench/run --suite=cost}): calls
     * run on the virtual thread itself, pinning its carrier, and a cancelled request no longer interrupts SQLite.
     */
    private static final boolean INLINE = Boolean.getBoolean("pb4j.sqlite.inlineCalls");

    private final ExecutorService platform = Executors.newCachedThreadPool(Thread.ofPlatform().daemon()
            .name("pb4j-sqlite-", 0).factory());
    /** The query timeouts' alarms (see {@link Alarms}: no scheduled task per read). */
    private final Alarms watchdog = new Alarms();

    /** Alarms not yet fired nor cancelled (for tests). */
    int pendingAlarms() {
        return watchdog.pending();
    }

    /**
     * Runs a read, interrupting it after {@code timeout} (none when zero) or when the calling thread is interrupted.
     * Rethrows the work's {@link SQLException}; a timed-out or cancelled statement throws
     * {@link QueryInterruptedException}.
     */
    <T> T read(Work<T> work, Duration timeout, Interrupter interrupter) throws SQLException {
        return call(work, timeout, interrupter, true);
    }

    /** Runs a write or transaction control to its end: interrupting the caller does not cut a transaction short. */
    <T> T write(Work<T> work) throws SQLException {
        return call(work, Duration.ZERO, () -> { }, false);
    }

    private <T> T call(Work<T> work, Duration timeout, Interrupter interrupter, boolean cancellable)
            throws SQLException {
        if (INLINE || !Thread.currentThread().isVirtual()) {
            return timed(work, timeout, interrupter);
        }
        Future<T> future = platform.submit(() -> timed(work, timeout, interrupter));
        if (!cancellable) {
            return unwrap(future, awaitUninterruptibly(future));
        }
        try {
            return future.get();
        } catch (InterruptedException cancelled) {
            // the request was cancelled: stop SQLite, and give the connection back only once the statement ended
            interruptQuietly(interrupter);
            awaitUninterruptibly(future);
            Thread.currentThread().interrupt();
            throw new QueryInterruptedException("the query was cancelled");
        } catch (ExecutionException failed) {
            return unwrap(future, failed);
        }
    }

    /** The future's value, or its failure rethrown as what the work threw. */
    private static <T> T unwrap(Future<T> future, ExecutionException failed) throws SQLException {
        if (failed == null) {
            return future.resultNow();
        }
        Throwable cause = failed.getCause();
        if (cause instanceof SQLException sql) {
            throw sql;
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        throw new SQLException(cause);
    }

    private <T> T timed(Work<T> work, Duration timeout, Interrupter interrupter) throws SQLException {
        if (timeout.isZero()) {
            return work.run();
        }
        AtomicBoolean fired = new AtomicBoolean();
        Alarms.Alarm alarm = watchdog.arm(timeout.toNanos(), () -> {
            fired.set(true);
            interruptQuietly(interrupter);
        });
        try {
            return work.run();
        } catch (SQLException e) {
            if (fired.get()) {
                throw new QueryInterruptedException("the query took longer than the query timeout of "
                        + timeout.toSeconds() + "s");
            }
            throw e;
        } finally {
            alarm.disarm();
        }
    }

    private static void interruptQuietly(Interrupter interrupter) {
        try {
            interrupter.interrupt();
        } catch (SQLException | RuntimeException ignored) {
            // a closed connection has nothing left to interrupt
        }
    }

    /** Waits for the work to end whatever interrupts arrive meanwhile (kept for the caller); its failure or null. */
    private static ExecutionException awaitUninterruptibly(Future<?> future) {
        boolean interrupted = false;
        ExecutionException failure = null;
        while (true) {
            try {
                future.get();
                break;
            } catch (InterruptedException again) {
                interrupted = true;
            } catch (ExecutionException ended) {
                failure = ended;
                break;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return failure;
    }

    @Override
    public void close() {
        platform.shutdown();
        watchdog.close();
    }

    /** A statement stopped by {@code sqlite3_interrupt}: timed out, or its request was cancelled. */
    static final class QueryInterruptedException extends SQLException {
        QueryInterruptedException(String message) {
            super(message);
        }
    }
}
