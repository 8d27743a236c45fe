package io.pb4j.core.internal.backup;

import io.pb4j.core.ApiException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Holds requests back while a restore swaps the data dir. Requests {@link #admit} themselves; a restore
 * {@link #close() closes} the gate, waits a little for the requests in flight (long-lived ones such as event streams
 * are not waited for past {@link #DRAIN_WAIT_MS}), swaps, and {@link #open() opens} it again.
 */
public final class RestoreGate {
    static final long DRAIN_WAIT_MS = 10_000;
    /** How long a request waits for a restore before it gets a 503. */
    static final long ADMIT_WAIT_MS = 120_000;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean closed;
    private int inFlight;

    /** Runs a request, first waiting while a restore runs (503 when it takes too long). */
    public void admit(Runnable request) {
        lock.lock();
        try {
            long left = TimeUnit.MILLISECONDS.toNanos(ADMIT_WAIT_MS);
            while (closed) {
                if (left <= 0) {
                    throw new ApiException(503, "The app is restoring a backup, try again later.");
                }
                left = changed.awaitNanos(left);
            }
            inFlight++;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "The app is restoring a backup, try again later.");
        } finally {
            lock.unlock();
        }
        try {
            request.run();
        } finally {
            lock.lock();
            try {
                inFlight--;
                if (closed) {
                    // only a restore draining the requests waits on this
                    changed.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** Stops admitting requests and waits (at most {@link #DRAIN_WAIT_MS}) for those in flight. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            long left = TimeUnit.MILLISECONDS.toNanos(DRAIN_WAIT_MS);
            while (inFlight > 0 && left > 0) {
                left = changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    public void open() {
        lock.lock();
        try {
            closed = false;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
