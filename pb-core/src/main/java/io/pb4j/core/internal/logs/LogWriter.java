package io.pb4j.core.internal.logs;

import io.pb4j.core.DateTimes;
import io.pb4j.core.spi.Store;
import jakarta.json.JsonObject;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Moves log entries off the callers' threads into {@code auxiliary.db}: a bounded queue drained by one background
 * thread, which writes everything queued so far in one transaction of the auxiliary database (whose writer lane is
 * not the data writer's). {@link #submit} never blocks: when the queue is full the entry is dropped and counted, with a
 * warning at most every ten seconds. {@link #close} writes what is queued before it returns. Thread-safe.
 */
public final class LogWriter implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("io.pb4j.logs");
    private static final int CAPACITY = 16_384;
    /**
     * Each entry adds a row at a random place of {@code _logs}' message index, and a commit writes every index page it
     * touched to the WAL (and the checkpoint copies it back), so the writer's CPU per entry falls as more entries share
     * a commit: 5 000 entries a commit instead of 1 000 cost about a quarter less (28.0 -> 21.1 µs, 4 runs each of
     * 40 000 entries, loaded machine); 20 000 instead of 5 000 into a 150 000-row {@code _logs} about a third less
     * again (21.0 -> 14.3 µs, sqlite-jdbc alone, 3 runs each of 40 000 entries, loaded machine), where a batch
     * touches nearly every leaf of the index. The entries hold their data as JSON text: a full batch is ~10 MB.
     */
    private static final int BATCH = 20_000;
    /**
     * How long the writer waits for more entries before it commits: at 10 000 requests a second, two seconds fill a
     * batch. PocketBase's batch handler holds entries until 3 s after the last one (or 200 of them), so an entry here
     * reaches {@code _logs} sooner than the quiet end of PocketBase's; the logs API flushes before it reads.
     */
    private static final long LINGER_MILLIS = 2_000;
    /** How long the lingering writer sleeps between looks at the queue: 10 ms hold ~130 entries at 13 000 req/s. */
    private static final long LOOK_MILLIS = 10;
    /**
     * The longest sleep between looks, reached by doubling {@link #LOOK_MILLIS} while looks find nothing new: a server
     * with a request a second would otherwise wake the writer 100 times a second to find the queue empty (7 ms of CPU
     * a second on a loaded 2-core machine); 160 ms hold ~2 100 entries at 13 000 req/s, an eighth of the queue.
     */
    private static final long MAX_LOOK_MILLIS = 160;
    private static final String INSERT_1 = insertOf(1);
    private static final String INSERT_10 = insertOf(10);
    private static final String INSERT_50 = insertOf(50);
    /** In ASCII order, so that time-prefixed ids sort by time. */
    private static final String ID_CHARS = "0123456789abcdefghijklmnopqrstuvwxyz";
    /** PocketBase v0.40 cuts messages at 8000 characters. */
    static final int MAX_MESSAGE_LENGTH = 8_000;

    private final Store store;
    private final Supplier<JsonObject> settings;
    private final boolean dev;
    /**
     * Lock-free, bounded by {@link #queued}: with a locking queue a request's thread parks whenever the writer holds
     * the lock to drain a batch, and a parked virtual thread costs an unmount and a remount.
     */
    private final ConcurrentLinkedQueue<LogEntry> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Object progress = new Object();
    /** Used by the writer thread only; seeded securely once, as log ids need to be unique, not secret. */
    private final SplittableRandom random = new SplittableRandom(new SecureRandom().nextLong());
    private final Thread thread;
    /** Entries taken off the queue and handled (written or discarded); guarded by {@link #progress}. */
    private long handled;
    private volatile long lastDropWarning;
    private volatile boolean closed;
    /** Set by {@link #flush()}: the writer stops lingering and commits what it has. */
    private volatile boolean flushRequested;
    /** Set while the writer waits for the first entry of a batch (not while it lingers): only then is it woken. */
    private volatile boolean idle;

    private LogWriter(Store store, Supplier<JsonObject> settings, boolean dev) {
        this.store = store;
        this.settings = settings;
        this.dev = dev;
        this.thread = Thread.ofPlatform().name("pb4j-logs-writer").daemon().unstarted(this::drain);
    }

    /** Starts the writer thread over {@code store}; {@code dev} also prints every entry to the console. */
    public static LogWriter start(Store store, Supplier<JsonObject> settings, boolean dev) {
        LogWriter w = new LogWriter(store, settings, dev);
        w.thread.start();
        return w;
    }

    /** Whether an entry at {@code level} would be kept or printed now. */
    public boolean enabled(int level) {
        return dev || LogSettings.of(settings.get()).stores(level);
    }

    /**
     * Queues one entry (printed first in dev mode); entries under {@code logs.minLevel}, or any with
     * {@code logs.maxDays = 0}, are not stored. Never blocks.
     */
    public void submit(int level, String message, Map<String, Object> data) {
        if (dev) {
            ConsoleLog.print(level, message, data);
        }
        LogSettings current = LogSettings.of(settings.get());
        if (closed || !current.stores(level)) {
            return;
        }
        accepted.incrementAndGet();
        int before = queued.getAndIncrement();
        if (before < CAPACITY) {
            queue.offer(new LogEntry(Instant.now(), level, message,
                    PartialJson.limit(LogJson.write(data), current.maxDataSize())));
            if (idle) {
                LockSupport.unpark(thread); // an idle writer sleeps until the first entry of its next batch
            }
        } else {
            queued.decrementAndGet();
            long total = dropped.incrementAndGet();
            synchronized (progress) {
                handled++;
                progress.notifyAll();
            }
            long now = System.nanoTime();
            if (now - lastDropWarning > TimeUnit.SECONDS.toNanos(10) || total == 1) {
                lastDropWarning = now;
                LOG.log(Level.WARNING, "the log queue is full (" + CAPACITY + " entries): " + total
                        + " log entries dropped so far");
            }
        }
    }

    /** Entries dropped because the queue was full, since start. */
    public long dropped() {
        return dropped.get();
    }

    /** Waits (at most 30 s) until every entry submitted before this call is written. */
    public void flush() {
        long target = accepted.get();
        flushRequested = true;
        LockSupport.unpark(thread);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        synchronized (progress) {
            while (handled < target && thread.isAlive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                flushRequested = true; // again: the writer may have started a new batch meanwhile
                LockSupport.unpark(thread);
                try {
                    progress.wait(Math.max(1, Math.min(50, TimeUnit.NANOSECONDS.toMillis(left))));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Stops taking entries, writes the queued ones and stops the thread. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        List<LogEntry> batch = new ArrayList<>(BATCH);
        while (true) {
            LogEntry first = take();
            if (first == null) {
                if (closed && queue.isEmpty()) {
                    return;
                }
                idle = true;
                if (queue.isEmpty()) { // looked at again after idle is set: an entry queued meanwhile has unparked us
                    LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(100));
                }
                idle = false;
                if (Thread.interrupted()) {
                    closed = true;
                }
                continue;
            }
            batch.add(first);
            linger(batch);
            flushRequested = false;
            write(batch);
            synchronized (progress) {
                handled += batch.size();
                progress.notifyAll();
            }
            batch.clear();
        }
    }

    /**
     * Gathers more entries for the same transaction, for at most {@link #LINGER_MILLIS} or until the batch is full,
     * a flush is asked for or the writer closes: each commit writes every touched page of {@code _logs} and its
     * indexes to the WAL, so one row per transaction would cost several times what the row itself costs. The writer
     * sleeps between looks at the queue instead of waiting on it: a thread waiting on the queue is woken by every
     * {@code offer}, one futex wake-up and context switch per request at thousands of requests a second, paid on the
     * requests' threads as well as here.
     */
    private void linger(List<LogEntry> batch) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LINGER_MILLIS);
        long look = LOOK_MILLIS;
        while (batch.size() < BATCH && !closed && !flushRequested) {
            int before = batch.size();
            drainTo(batch);
            long left = deadline - System.nanoTime();
            if (batch.size() >= BATCH || left <= 0) {
                return;
            }
            // a quiet queue is looked at less and less often, a busy one every LOOK_MILLIS again
            look = batch.size() > before ? LOOK_MILLIS : Math.min(MAX_LOOK_MILLIS, look * 2);
            // flush() and close() unpark the writer; at most MAX_LOOK_MILLIS between looks keeps the queue far from full
            LockSupport.parkNanos(this, Math.min(left, TimeUnit.MILLISECONDS.toNanos(look)));
            if (Thread.interrupted()) {
                closed = true;
            }
        }
        drainTo(batch);
    }

    private LogEntry take() {
        LogEntry e = queue.poll();
        if (e != null) {
            queued.decrementAndGet();
        }
        return e;
    }

    private void drainTo(List<LogEntry> batch) {
        LogEntry e;
        while (batch.size() < BATCH && (e = take()) != null) {
            batch.add(e);
        }
    }

    private void write(List<LogEntry> batch) {
        LogSettings current = LogSettings.of(settings.get());
        if (current.maxDays() <= 0) {
            return; // as PocketBase's batch writer: retention switched off meanwhile
        }
        // every row's five columns in one array, bound by position (no list of rows, no copies per statement)
        Object[] columns = new Object[batch.size() * 5];
        int c = 0;
        for (LogEntry e : batch) {
            columns[c++] = id(e.time().toEpochMilli(), random);
            columns[c++] = e.level();
            columns[c++] = cut(e.message());
            columns[c++] = e.dataJson();
            columns[c++] = created(e.time());
        }
        List<Object> all = java.util.Arrays.asList(columns);
        try {
            store.writeAuxiliary(s -> {
                int at = 0;
                while (at < batch.size()) {
                    // multi-row INSERTs cost a third less per row than one statement per row; three sizes keep the
                    // statement cache small
                    int n = batch.size() - at >= 50 ? 50 : batch.size() - at >= 10 ? 10 : 1;
                    s.execute(insert(n), all.subList(at * 5, (at + n) * 5));
                    at += n;
                }
                return null;
            });
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "cannot write " + batch.size() + " log entries", ex);
        }
    }

    private static String insert(int rows) {
        return switch (rows) {
            case 50 -> INSERT_50;
            case 10 -> INSERT_10;
            default -> INSERT_1;
        };
    }

    private static String insertOf(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO `_logs` (`id`, `level`, `message`, `data`, `created`) VALUES ");
        for (int i = 0; i < rows; i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?)");
        }
        return sql.toString();
    }

    /**
     * PocketBase's default id shape, 15 characters of {@code [a-z0-9]}: here 8 of them are the time in base 36
     * (milliseconds) and 7 are random, so new rows go to the end of the primary-key index instead of a random page of
     * it (inserts into a large {@code _logs} cost much less).
     */
    static String id(long millis, SplittableRandom random) {
        char[] id = new char[15];
        long t = millis;
        for (int i = 7; i >= 0; i--) {
            id[i] = ID_CHARS.charAt((int) (t % 36));
            t /= 36;
        }
        for (int i = 8; i < id.length; i++) {
            id[i] = ID_CHARS.charAt(random.nextInt(ID_CHARS.length()));
        }
        return new String(id);
    }

    /**
     * {@link DateTimes#format}'s text ({@code 2026-12-07 13:05:22.371Z}) written by hand: the formatter costs more than
     * the rest of an entry's columns together.
     */
    static String created(Instant time) {
        long millis = time.toEpochMilli();
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), 0,
                java.time.ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 1000 || year > 9999) {
            return DateTimes.format(time);
        }
        char[] c = new char[24];
        digits(c, 0, year, 4);
        c[4] = '-';
        digits(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, t.getDayOfMonth(), 2);
        c[10] = ' ';
        digits(c, 11, t.getHour(), 2);
        c[13] = ':';
        digits(c, 14, t.getMinute(), 2);
        c[16] = ':';
        digits(c, 17, t.getSecond(), 2);
        c[19] = '.';
        digits(c, 20, (int) Math.floorMod(millis, 1000), 3);
        c[23] = 'Z';
        return new String(c);
    }

    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    static String cut(String message) {
        if (message.length() <= MAX_MESSAGE_LENGTH || message.codePointCount(0, message.length()) <= MAX_MESSAGE_LENGTH) {
            return message;
        }
        return message.substring(0, message.offsetByCodePoints(0, MAX_MESSAGE_LENGTH));
    }
}
