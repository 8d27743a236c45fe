package io.pb4j.store.sqlite.internal;

import io.pb4j.core.spi.StoreException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;

/**
 * The data database's reader connections, sized as PocketBase's {@code DataMaxOpenConns} (120) and
 * {@code DataMaxIdleConns} (15): a connection is opened when every open one is busy, so a few slow filters never
 * make cheap reads queue behind them, and connections beyond the idle limit are closed when given back. Past 120
 * busy readers, readers wait in turn. Thread-safe.
 */
final class ReaderPool implements AutoCloseable {
    static final int MAX_OPEN = 120;
    static final int MAX_IDLE = 15;

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
