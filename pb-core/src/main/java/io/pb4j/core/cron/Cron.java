package io.pb4j.core.cron;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * PocketBase's job scheduler ({@code tools/cron}): jobs by id with a {@link Schedule}, checked once a minute at the
 * start of each UTC minute; every due job runs on its own virtual thread, so a slow job delays no other. Ticks come
 * from one daemon thread between {@link #start()} and {@link #stop()} (the app starts it when it serves and stops it
 * on close). Thread-safe.
 */
public final class Cron {
    private static final System.Logger LOG = System.getLogger(Cron.class.getName());

    private final Clock clock = Clock.systemUTC();
    private volatile Duration interval = Duration.ofMinutes(1);
    private volatile List<Job> jobs = List.of();
    private ScheduledExecutorService ticker;
    private volatile java.util.function.Predicate<String> claim = key -> true;

    /** A scheduler without jobs, not started. */
    public Cron() {
    }

    /**
     * Registers {@code task} under {@code id}, replacing a job with the same id (the new one goes last).
     *
     * @throws IllegalArgumentException {@code "failed to add new cron job: ..."} with PocketBase's parse error
     */
    public void add(String id, String expression, Runnable task) {
        if (task == null) {
            throw new IllegalArgumentException("failed to add new cron job: fn must be non-nil function");
        }
        Schedule schedule;
        try {
            schedule = Schedule.parse(expression);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("failed to add new cron job: " + e.getMessage(), e);
        }
        Job job = new Job(id, schedule, task);
        synchronized (this) {
            List<Job> next = new ArrayList<>(jobs);
            next.removeIf(j -> j.id().equals(id));
            next.add(job);
            jobs = List.copyOf(next);
        }
    }

    /** Removes the job with {@code id}, if any. */
    public synchronized void remove(String id) {
        List<Job> next = new ArrayList<>(jobs);
        next.removeIf(j -> j.id().equals(id));
        jobs = List.copyOf(next);
    }

    /** Removes every job. */
    public synchronized void removeAll() {
        jobs = List.of();
    }

    /** The jobs in registration order (a snapshot). */
    public List<Job> jobs() {
        return jobs;
    }

    /** The job with this id. */
    public Optional<Job> find(String id) {
        return jobs.stream().filter(j -> j.id().equals(id)).findFirst();
    }

    /**
     * How often the jobs are checked (PocketBase's {@code SetInterval}; 1 minute unless changed, which only tests
     * want). A started scheduler restarts with the new interval.
     */
    public synchronized void interval(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("the interval must be positive");
        }
        this.interval = interval;
        if (ticker != null) {
            start();
        }
    }

    /** Starts ticking at the next multiple of the interval (restarts when already started). */
    public synchronized void start() {
        stop();
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pb4j-cron");
            t.setDaemon(true);
            return t;
        });
        long every = interval.toMillis();
        long now = clock.millis();
        long delay = every - Math.floorMod(now, every);
        ticker.scheduleAtFixedRate(this::tick, delay, every, TimeUnit.MILLISECONDS);
    }

    /** Stops ticking; running jobs finish on their own threads. */
    public synchronized void stop() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
    }

    /** Whether the scheduler ticks. */
    public synchronized boolean hasStarted() {
        return ticker != null;
    }

    /**
     * Makes the ticks cluster-wide, for nodes that serve one app together: a job due at a tick starts only when
     * {@code claim} grants it the key {@code "<job id>@<the tick's time in ms>"}, which the cluster grants once, so each
     * tick runs each due job on one node. {@link #runDue} and {@link #runInBackground} are not gated.
     */
    public void claims(java.util.function.Predicate<String> claim) {
        this.claim = java.util.Objects.requireNonNull(claim, "claim");
    }

    private void tick() {
        // half an interval ahead: a tick that fires a little early still counts for the minute it was meant for
        Instant meant = clock.instant().plus(interval.dividedBy(2));
        long every = interval.toMillis();
        long slot = Math.floorDiv(meant.toEpochMilli(), every) * every;
        Moment moment = Moment.of(meant.truncatedTo(ChronoUnit.MINUTES).atZone(ZoneOffset.UTC));
        java.util.function.Predicate<String> gate = claim;
        for (Job job : jobs) {
            if (job.schedule().isDue(moment) && claimed(gate, job.id() + "@" + slot)) {
                runInBackground(job);
            }
        }
    }

    private static boolean claimed(java.util.function.Predicate<String> gate, String key) {
        try {
            return gate.test(key);
        } catch (RuntimeException e) {
            // the cluster cannot be asked (its store is down): skip the tick rather than run it on every node
            LOG.log(Level.WARNING, "cron claim " + key + " failed; the job is skipped at this tick", e);
            return false;
        }
    }

    /** Starts every job due at {@code moment}, each on its own virtual thread. */
    public void runDue(Moment moment) {
        for (Job job : jobs) {
            if (job.schedule().isDue(moment)) {
                runInBackground(job);
            }
        }
    }

    /** Runs a job on a new virtual thread (the crons API's "run now"); a failure is logged. */
    public static void runInBackground(Job job) {
        Thread.ofVirtual().name("pb4j-cron-" + job.id()).start(() -> {
            try {
                job.run();
            } catch (RuntimeException | Error e) {
                LOG.log(Level.ERROR, "cron job " + job.id() + " failed", e);
            }
        });
    }
}
