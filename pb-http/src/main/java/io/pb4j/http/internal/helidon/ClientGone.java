package io.pb4j.http.internal.helidon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stops the work of a request whose client went away, as Go's server cancels a request's context when the client's
 * connection reaches EOF. Helidon 4.5.0 runs an HTTP/1.1 handler on the connection's own thread, reports no close,
 * and its NIO socket has no read-ahead ({@code HelidonSocket.idle()} does nothing there) and no way to peek. So a
 * watcher looks, every {@link #TICK}, at the requests that have run longer than {@link #THRESHOLD} and asks the
 * kernel for the state of their TCP connections ({@code /proc/net/tcp} and {@code tcp6}, one read for all of them):
 * a connection in {@code CLOSE_WAIT} (the peer sent its FIN) means the client left, and the handler's thread is
 * interrupted; pb-store-sqlite then interrupts the running
 * statement ({@code sqlite3_interrupt}) and the request ends. Cheap requests pay one registration and never a look at
 * the kernel. Where {@code /proc/net/tcp} does not exist (not Linux) nothing is watched and the query timeout is the
 * only bound. Thread-safe; one instance serves every connection of a server.
 */
final class ClientGone implements AutoCloseable {
    /** How long a request runs before its connection is looked at. */
    static final Duration THRESHOLD = Duration.ofMillis(100);
    private static final Duration TICK = Duration.ofMillis(50);
    private static final List<Path> TABLES = List.of(Path.of("/proc/net/tcp"), Path.of("/proc/net/tcp6"));
    /** {@code TCP_CLOSE_WAIT} in the kernel's state numbering (include/net/tcp_states.h). */
    private static final int CLOSE_WAIT = 8;
    /** {@code -Dpb4j.http.watchClients=false} turns the watch off (only to measure its cost: bench/run --suite=cost). */
    private static final boolean SUPPORTED = Files.isReadable(TABLES.getFirst())
            && !"false".equals(System.getProperty("pb4j.http.watchClients"));

    private final Set<Watch> running = ConcurrentHashMap.newKeySet();
    /** No look at the kernel's tables before this (nanoTime); only the ticker's thread uses it. */
    private long quietUntil = System.nanoTime();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("pb4j-client-gone").factory());

    /** Whether a tick is scheduled: only while requests are watched, so an idle server's ticker never wakes. */
    private final AtomicBoolean ticking = new AtomicBoolean();

    /** Starts watching the request the calling thread handles, on the connection between the two ports. */
    Watch watch(int localPort, int remotePort) {
        Watch w = new Watch(Thread.currentThread(), key(localPort, remotePort), System.nanoTime());
        if (SUPPORTED) {
            running.add(w);
            if (!ticking.get() && ticking.compareAndSet(false, true)) {
                schedule();
            }
        }
        return w;
    }

    private void schedule() {
        try {
            ticker.schedule(this::tickAndReschedule, TICK.toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            ticking.set(false);
        }
    }

    /** One tick; the next one only while a request is watched (a watch added meanwhile sees the flag down, or this sees it). */
    private void tickAndReschedule() {
        tick();
        if (!running.isEmpty()) {
            schedule();
            return;
        }
        ticking.set(false);
        if (!running.isEmpty() && ticking.compareAndSet(false, true)) {
            schedule();
        }
    }

    private static long key(int localPort, int remotePort) {
        return ((long) localPort << 16) | remotePort;
    }

    private void tick() {
        try {
            long now = System.nanoTime();
            List<Watch> due = new ArrayList<>();
            for (Watch w : running) {
                if (now - w.start >= THRESHOLD.toNanos()) {
                    due.add(w);
                }
            }
            if (due.isEmpty() || quietUntil - now > 0) {
                return;
            }
            Map<Long, Integer> states = new HashMap<>();
            for (Watch w : due) {
                states.put(w.key, null);
            }
            for (Path table : TABLES) {
                read(table, states);
            }
            // the kernel writes a line per socket: with ten thousand open streams a read costs it tens of ms, so
            // the watch pauses ten times as long as its last read took (at most a tenth of a core)
            long took = System.nanoTime() - now;
            quietUntil = now + Math.max(0, 10 * took - TICK.toNanos());
            for (Watch w : due) {
                w.check(states.get(w.key));
            }
        } catch (RuntimeException e) {
            System.getLogger(ClientGone.class.getName()).log(System.Logger.Level.DEBUG, "client watch: " + e);
        }
    }

    /**
     * Fills in the states of the wanted connections from one kernel table, whose lines read
     * {@code sl local_address:port rem_address:port st ...} in hex; of several lines for one pair of ports (other
     * addresses), an established one wins. Parsed in place, without a string per line: with ten thousand realtime
     * streams the tables have twice as many lines (both ends of every loopback connection), read every tick while a
     * slow request runs.
     */
    private static void read(Path table, Map<Long, Integer> wanted) {
        byte[] text;
        try {
            text = Files.readAllBytes(table);
        } catch (IOException | RuntimeException e) {
            return;
        }
        Set<Integer> localPorts = new java.util.HashSet<>();
        for (long key : wanted.keySet()) {
            localPorts.add((int) (key >>> 16));
        }
        int at = indexOf(text, '\n', 0) + 1; // the header line
        while (at > 0 && at < text.length) {
            int end = indexOf(text, '\n', at);
            end = end < 0 ? text.length : end;
            // "sl:" then "local:port" then "remote:port" then "st", separated by spaces
            int local = field(text, at, end, 1);
            int remote = field(text, at, end, 2);
            int state = field(text, at, end, 3);
            at = end + 1;
            if (state < 0) {
                continue;
            }
            int localPort = hex(text, indexOf(text, ':', local) + 1, ' ');
            if (!localPorts.contains(localPort)) {
                continue;
            }
            long key = key(localPort, hex(text, indexOf(text, ':', remote) + 1, ' '));
            if (wanted.containsKey(key)) {
                int st = hex(text, state, ' ');
                Integer seen = wanted.get(key);
                if (seen == null || seen == CLOSE_WAIT) {
                    wanted.put(key, st);
                }
            }
        }
    }

    /** Where the {@code n}-th (from 0) space-separated field of the line {@code [from, end)} starts, or -1. */
    private static int field(byte[] text, int from, int end, int n) {
        int i = from;
        for (int f = 0; ; f++) {
            while (i < end && text[i] == ' ') {
                i++;
            }
            if (i >= end) {
                return -1;
            }
            if (f == n) {
                return i;
            }
            while (i < end && text[i] != ' ') {
                i++;
            }
        }
    }

    private static int indexOf(byte[] text, char c, int from) {
        for (int i = from; i < text.length; i++) {
            if (text[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** The hex number at {@code from} up to {@code stop} or the line's end. */
    private static int hex(byte[] text, int from, char stop) {
        int v = 0;
        for (int i = from; i < text.length && text[i] != stop && text[i] != '\n'; i++) {
            v = (v << 4) | Character.digit(text[i], 16);
        }
        return v;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        running.clear();
    }

    /** One request's watch; it changes under its lock, so no interrupt arrives after {@link #close()}. */
    final class Watch implements AutoCloseable {
        private final Thread handler;
        private final long key;
        private final long start;
        private boolean gone;
        private boolean done;

        private Watch(Thread handler, long key, long start) {
            this.handler = handler;
            this.key = key;
            this.start = start;
        }

        /** Whether the client went away and the handler was interrupted for it. */
        synchronized boolean gone() {
            return gone;
        }

        /** The connection's kernel state now, or null when it is not in the tables. */
        private synchronized void check(Integer state) {
            if (done || gone) {
                return;
            }
            if (state == null || state != CLOSE_WAIT) {
                // absent says nothing: the kernel builds the table in pieces and skips sockets that move meanwhile
                return;
            }
            gone = true;
            handler.interrupt();
        }

        /** Ends the watch when the dispatch returns; clears the interrupt it caused, which has done its work. */
        @Override
        public synchronized void close() {
            done = true;
            running.remove(this);
            if (gone) {
                Thread.interrupted();
            }
        }
    }
}
