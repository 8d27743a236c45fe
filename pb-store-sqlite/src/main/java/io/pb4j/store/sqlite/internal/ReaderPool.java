package io.pb4j.store.sqlite.internal;

import io.pb4j.core.spi.StoreException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;

/**
 * The data database's reader connections. A connection is opened when every open one is busy, so a few slow filters
 * never make cheap reads queue behind them; past
 * {@link #MAX_OPEN} busy readers, readers wait in turn. Thread-safe.
 *
 * <p>PocketBase allows 120 open and 15 idle connections: goroutines are cheap and Go's SQLite shares nothing. Here
 * every busy reader also holds a platform thread (see {@link NativeCalls}) and a page cache of its own, and SQLite
 * steps a statement on one core: on a 2-core server 120 readers only time-slice, and their caches (up to
 * {@link #CACHE_KIB} each) are what made the resident memory grow under load. So the pool scales with the cores:
 * 8 open per core (16 to 120), which still leaves room for slow filters beside cheap reads. Every open reader is
 * kept: closing readers past an idle limit below the open one made a busy server open a connection (and lose its
 * statement cache) on most reads, which halved getOne's rate (bench/RESULTS.md).
 */
final class ReaderPool implements AutoCloseable {
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    static final int MAX_OPEN = Math.clamp(8L * CORES, 16, 120);
    static final int MAX_IDLE = MAX_OPEN;
    /**
     * Each reader's page cache: SQLite's default of 2 MiB, not the writer's 16 MiB. Readers re-read pages from the
     * operating system's file cache, which they share; their own caches would only hold copies of the same pages.
     */
    static final int CACHE_KIB = 2000;

    /** Opens one more reader connection. */
    interface Opener {
        JdbcSession open();
    }

    private final Opener opener;
    private final Semaphore permits = new Semaphore(MAX_OPEN, true);
    private final ConcurrentLinkedDeque<JdbcSession> idle = new ConcurrentLinkedDeque<>();
    private final Set<JdbcSession> open = ConcurrentHashMap.newKeySet();

    ReaderPool(Opener opener, int warm) {
        this.opener = opener;
        for (int i = 0; i < Math.min(warm, MAX_IDLE); i++) {
            JdbcSession s = opener.open();
            open.add(s);
            idle.add(s);
        }
    }

    /** A reader for the calling thread alone, until {@link #release}. */
    JdbcSession take() {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a reader connection", e);
        }
        JdbcSession s = idle.pollFirst();
        if (s != null) {
            return s;
        }
        try {
            s = opener.open();
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
        open.add(s);
        return s;
    }

    void release(JdbcSession s) {
        if (idle.size() >= MAX_IDLE) {
            open.remove(s);
            s.close();
        } else {
            idle.addFirst(s); // the most recently used one has the warmest statement cache
        }
        permits.release();
    }

    @Override
    public void close() {
        for (JdbcSession s : open) {
            s.close();
        }
        open.clear();
        idle.clear();
    }
}
