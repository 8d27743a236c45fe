package io.pb4j.core.internal.backup;

import io.pb4j.core.ApiException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.atomic.AtomicInteger;
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
    /**
     * Written under the lock, read without it: a request counts itself in, then looks at the flag, and a restore sets
     * the flag, then looks at the count, so one of the two always sees the other (both are volatile). Requests take
     * the lock only while a restore runs: a lock taken twice by every request was a point where they all queued.
     */
    private volatile boolean closed;
    private final AtomicInteger inFlight = new AtomicInteger();

    /** Runs a request, first waiting while a restore runs (503 when it takes too long). */
    public void admit(Runnable request) {
        inFlight.incrementAndGet();
        if (closed) {
            leave();
            awaitOpen();
        }
        try {
            request.run();
        } finally {
            leave();
        }
    }

    private void leave() {
        if (inFlight.decrementAndGet() == 0 && closed) {
            // only a restore draining the requests waits on this
            lock.lock();
            try {
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Waits while the gate is closed, then counts the request in (under the lock, so a closing restore sees it). */
    private void awaitOpen() {
        lock.lock();
        try {
            long left = TimeUnit.MILLISECONDS.toNanos(ADMIT_WAIT_MS);
            while (closed) {
                if (left <= 0) {
                    throw new ApiException(503, "The app is restoring a backup, try again later.");
                }
                left = changed.awaitNanos(left);
            }
            inFlight.incrementAndGet();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "The app is restoring a backup, try again later.");
        } finally {
            lock.unlock();
        }
    }

    /** Stops admitting requests and waits (at most {@link #DRAIN_WAIT_MS}) for those in flight. */
    public void close() {
        lock.lock();
        try {
            closed = true;
            long left = TimeUnit.MILLISECONDS.toNanos(DRAIN_WAIT_MS);
            while (inFlight.get() > 0 && left > 0) {
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
