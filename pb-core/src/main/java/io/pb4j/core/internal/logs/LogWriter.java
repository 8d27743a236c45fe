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
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
    private static final int BATCH = 1_000;
    private static final String INSERT = "INSERT INTO `_logs` (`id`, `level`, `message`, `data`, `created`) VALUES (?, ?, ?, ?, ?)";
    private static final String ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";
    /** PocketBase v0.40 cuts messages at 8000 characters. */
    static final int MAX_MESSAGE_LENGTH = 8_000;

    private final Store store;
    private final Supplier<JsonObject> settings;
    private final boolean dev;
    private final ArrayBlockingQueue<LogEntry> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final Object progress = new Object();
    private final SecureRandom random = new SecureRandom();
    private final Thread thread;
    /** Entries taken off the queue and handled (written or discarded); guarded by {@link #progress}. */
    private long handled;
    private volatile long lastDropWarning;
    private volatile boolean closed;

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
        if (closed || !LogSettings.of(settings.get()).stores(level)) {
            return;
        }
        accepted.incrementAndGet();
        if (!queue.offer(new LogEntry(Instant.now(), level, message, data))) {
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
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        synchronized (progress) {
            while (handled < target && thread.isAlive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                try {
                    progress.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
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
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        List<LogEntry> batch = new ArrayList<>(BATCH);
        while (true) {
            LogEntry first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                first = null;
                closed = true;
            }
            if (first == null) {
                if (closed && queue.isEmpty()) {
                    return;
                }
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, BATCH - 1);
            write(batch);
            synchronized (progress) {
                handled += batch.size();
                progress.notifyAll();
            }
            batch.clear();
        }
    }

    private void write(List<LogEntry> batch) {
        LogSettings current = LogSettings.of(settings.get());
        if (current.maxDays() <= 0) {
            return; // as PocketBase's batch writer: retention switched off meanwhile
        }
        List<Object[]> rows = new ArrayList<>(batch.size());
        for (LogEntry e : batch) {
            rows.add(new Object[] {id(), e.level(), cut(e.message()),
                    PartialJson.limit(LogJson.write(e.data()), current.maxDataSize()), DateTimes.format(e.time())});
        }
        try {
            store.writeAuxiliary(s -> {
                for (Object[] row : rows) {
                    s.execute(INSERT, java.util.Arrays.asList(row));
                }
                return null;
            });
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "cannot write " + rows.size() + " log entries", ex);
        }
    }

    /** PocketBase's default record id shape: 15 characters of {@code [a-z0-9]}. */
    private String id() {
        char[] id = new char[15];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_CHARS.charAt(random.nextInt(ID_CHARS.length()));
        }
        return new String(id);
    }

    static String cut(String message) {
        if (message.length() <= MAX_MESSAGE_LENGTH || message.codePointCount(0, message.length()) <= MAX_MESSAGE_LENGTH) {
            return message;
        }
        return message.substring(0, message.offsetByCodePoints(0, MAX_MESSAGE_LENGTH));
    }
}
