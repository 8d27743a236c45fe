package io.pb4j.store.sqlite.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The query timeouts' alarms, at the cost of a set insert and remove per read. A scheduled task per read (a timer
 * queue's lock and sift, twice, and a wake-up of the timer thread whenever the new alarm heads the queue) cost
 * getOne more CPU on the timer thread alone than the whole request's routing; here one thread looks at the armed
 * alarms every {@link #TICK} while any is armed, so an alarm goes off at most a tick late and an idle store never
 * wakes it. Thread-safe.
 */
final class Alarms implements AutoCloseable {
    static final long TICK = TimeUnit.MILLISECONDS.toNanos(25);

    private final Set<Alarm> armed = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("pb4j-sqlite-watchdog").factory());
    /** Whether a tick is scheduled: only while an alarm is armed. */
    private final AtomicBoolean ticking = new AtomicBoolean();

    /** One armed alarm; {@link #disarm} it when the work ended. */
    final class Alarm {
        private final long deadline;
        private final Runnable fire;

        private Alarm(long deadline, Runnable fire) {
            this.deadline = deadline;
            this.fire = fire;
        }

        void disarm() {
            armed.remove(this);
        }
    }

    /** Runs {@code fire} on the ticker's thread once {@code timeoutNanos} have passed, unless disarmed before. */
    Alarm arm(long timeoutNanos, Runnable fire) {
        Alarm alarm = new Alarm(System.nanoTime() + timeoutNanos, fire);
        armed.add(alarm);
        if (!ticking.get() && ticking.compareAndSet(false, true)) {
            schedule();
        }
        return alarm;
    }

    /** Alarms armed and not yet fired nor disarmed. */
    int pending() {
        return armed.size();
    }

    private void schedule() {
        try {
            ticker.schedule(this::tick, TICK, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            ticking.set(false);
        }
    }

    private void tick() {
        long now = System.nanoTime();
        for (Alarm a : armed) {
            if (now - a.deadline >= 0 && armed.remove(a)) {
                try {
                    a.fire.run();
                } catch (RuntimeException e) {
                    System.getLogger(Alarms.class.getName()).log(System.Logger.Level.DEBUG, "alarm: " + e);
                }
            }
        }
        if (!armed.isEmpty()) {
            schedule();
            return;
        }
        // an alarm armed meanwhile either sees the flag down and schedules, or is seen here
        ticking.set(false);
        if (!armed.isEmpty() && ticking.compareAndSet(false, true)) {
            schedule();
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        armed.clear();
    }
}
