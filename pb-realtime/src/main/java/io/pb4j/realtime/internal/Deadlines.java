package io.pb4j.realtime.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Queues the keep-alives that are due (a batch per scan, written like an event's messages), wakes connection threads
 * whose idle or total deadline has come, and drops clients whose socket write
 * has been blocked too long ({@link Client#dropIfBlocked}), so that a waiting connection needs no
 * timer of its own (a timed park per connection per message costs a timer insertion and removal each time). One
 * virtual thread scans the registered clients at most once a second, sooner when a deadline is nearer, and exits
 * when no client is left. Thread-safe.
 */
final class Deadlines {
    private static final long MAX_SLEEP = TimeUnit.SECONDS.toNanos(1);
    private static final long MIN_SLEEP = TimeUnit.MILLISECONDS.toNanos(5);

    private final Broker broker;
    private final AtomicReference<Thread> ticker = new AtomicReference<>();
    /** When the ticker plans to scan next (nanoTime). */
    private volatile long nextScan = Long.MAX_VALUE;

    Deadlines(Broker broker) {
        this.broker = broker;
    }

    /** A client waits until {@code at} (nanoTime) at most; makes sure the ticker runs and scans by then. */
    void watch(long at) {
        if (ticker.get() == null) {
            Thread t = Thread.ofVirtual().name("pb4j-realtime-deadlines").unstarted(this::run);
            if (ticker.compareAndSet(null, t)) {
                t.start();
                return;
            }
        }
        long planned = nextScan;
        // a plan already due means the ticker is scanning now and may have passed this client: wake it for
        // another scan, or it would sleep on a plan made without this deadline
        if (planned == Long.MAX_VALUE || at - planned < 0 || planned - System.nanoTime() <= 0) {
            nextScan = at;
            Thread t = ticker.get();
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    private void run() {
        Thread self = Thread.currentThread();
        while (true) {
            long now = System.nanoTime();
            long earliest = now + MAX_SLEEP;
            boolean any = false;
            List<Client> ping = new ArrayList<>();
            for (Client c : broker.registered()) {
                any = true;
                c.dropIfBlocked(now);
                long at = c.wakeAt();
                if (at != Long.MAX_VALUE) {
                    if (at - now <= 0) {
                        c.wake();
                    } else if (at - earliest < 0) {
                        earliest = at;
                    }
                }
                long pingAt = c.pingAt();
                if (pingAt != Long.MAX_VALUE) {
                    // keep-alives due a little later go now too, so that clients spread over time are pinged in
                    // batches (a scan each eighth of the interval at most) and not by one scan each
                    long slack = c.keepAliveSlack();
                    if (pingAt - slack - now <= 0) {
                        if (c.ping(now)) {
                            ping.add(c);
                        }
                    } else if (pingAt - slack - earliest < 0) {
                        earliest = pingAt - slack;
                    }
                }
            }
            Writers.start(ping);
            if (!any) {
                ticker.compareAndSet(self, null);
                // a client that registered meanwhile may have seen this ticker still set: scan again for it
                if (broker.size() == 0 || !ticker.compareAndSet(null, self)) {
                    return;
                }
                continue;
            }
            nextScan = earliest;
            LockSupport.parkNanos(this, Math.max(MIN_SLEEP, earliest - System.nanoTime()));
        }
    }
}
