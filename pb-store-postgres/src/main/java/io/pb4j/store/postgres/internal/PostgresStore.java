package io.pb4j.store.postgres.internal;

import io.pb4j.core.spi.SqlDialect;
import io.pb4j.core.spi.SqlSession;
import io.pb4j.core.spi.Store;
import io.pb4j.core.spi.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * A PostgreSQL database holding PocketBase's tables (the logs of {@code auxiliary.db} included). As on SQLite, this
 * node's writes go through one writer connection in turn (one transaction each, read committed), so pb4j's
 * check-then-write steps never interleave on a node; reads take a connection of a pool sized for the server, bounded
 * by the query timeout ({@code statement_timeout}). A read or write inside a write on the same thread joins it.
 * Connections run with {@code autosave=always}: a failed statement undoes only itself, as in SQLite, instead of
 * poisoning the transaction.
 */
final class PostgresStore implements Store {
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** Readers: PostgreSQL runs a process per connection; a few per core keep the CPUs busy without thrashing. */
    static final int MAX_READERS = Math.clamp(4L * CORES, 8, 64);
    /** Serialises the compat functions' installation across nodes that start together. */
    private static final long INSTALL_LOCK = 0x70623470_67000001L;

    private final PostgresUrl url;
    private final Duration queryTimeout;
    private final Lane data;
    private final Lane auxiliary;
    private final Semaphore readerPermits = new Semaphore(MAX_READERS, true);
    private final ConcurrentLinkedDeque<PgSession> idleReaders = new ConcurrentLinkedDeque<>();
    private final ConcurrentLinkedDeque<PgSession> openReaders = new ConcurrentLinkedDeque<>();
    private final AtomicLong schemaEpoch = new AtomicLong();
    private final PgClusterBus bus;

    private PostgresStore(PostgresUrl url, Duration queryTimeout) throws SQLException {
        this.url = url;
        this.queryTimeout = queryTimeout;
        this.data = new Lane(new PgSession(connect(false), queryTimeout));
        this.auxiliary = new Lane(new PgSession(connect(false), queryTimeout));
        data.write(s -> {
            s.raw("SELECT pg_advisory_xact_lock(" + INSTALL_LOCK + ")");
            for (String statement : compatSql().split("(?m)^--;\\s*$")) {
                if (!statement.isBlank()) {
                    s.raw(statement);
                }
            }
            // the SQL of PocketBase's 1640988000_aux_init.go (its hourly-stats index is left out: it needs an
            // immutable strftime, and the logs' hourly statistics read the rows anyway)
            s.execute("CREATE TABLE IF NOT EXISTS `_logs` (`id` TEXT PRIMARY KEY DEFAULT ('r'||lower(hex(randomblob(7)))) NOT NULL, "
                    + "`level` INTEGER DEFAULT 0 NOT NULL, `message` TEXT DEFAULT \"\" NOT NULL, `data` JSON DEFAULT \"{}\" NOT NULL, "
                    + "`created` TEXT DEFAULT (strftime('%Y-%m-%d %H:%M:%fZ')) NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS idx_logs_level on `_logs` (`level`)");
            s.execute("CREATE INDEX IF NOT EXISTS idx_logs_message on `_logs` (`message`)");
            s.execute("CREATE INDEX IF NOT EXISTS idx_logs_created on `_logs` (`created`)");
            // the cluster's once-only claims (cron ticks): pb4j's own, beside PocketBase's tables
            s.raw("CREATE TABLE IF NOT EXISTS _pb4j_claims (key TEXT PRIMARY KEY, at TIMESTAMPTZ NOT NULL DEFAULT now())");
            return null;
        });
        this.bus = new PgClusterBus(new PgClusterBus.Connections() {
            @Override
            public <T> T withConnection(PgClusterBus.SqlWork<T> work) {
                return onConnection(work);
            }

            @Override
            public Connection listen() throws SQLException {
                return connect(true);
            }
        });
        // another node changed the schema: this node's server-side prepared statements may be stale
        bus.subscribe(PgClusterBus.DDL, payload -> schemaEpoch.incrementAndGet());
    }

    /** Runs {@code work} on the writer connection inside this thread's write, else on a reader (autocommit). */
    private <T> T onConnection(PgClusterBus.SqlWork<T> work) {
        PgSession session = data.heldByCurrentThread() ? data.session() : null;
        PgSession reader = session == null ? takeReader() : null;
        try {
            return work.run(session != null ? session.connection() : reader.connection());
        } catch (SQLException e) {
            throw new StoreException("cluster message failed: " + PgSession.message(e), e);
        } finally {
            if (reader != null) {
                releaseReader(reader);
            }
        }
    }

    @Override
    public Optional<io.pb4j.core.spi.ClusterBus> cluster() {
        return Optional.of(bus);
    }

    /** This node's end of the cluster channel (tests). */
    PgClusterBus bus() {
        return bus;
    }

    static PostgresStore open(PostgresUrl url, Duration queryTimeout) {
        try {
            return new PostgresStore(url, queryTimeout);
        } catch (SQLException e) {
            throw new StoreException("cannot connect to PostgreSQL at " + url.display() + ": " + e.getMessage(), e);
        }
    }

    private static String compatSql() {
        try (InputStream in = PostgresStore.class.getResourceAsStream("compat.sql")) {
            if (in == null) {
                throw new IllegalStateException("compat.sql is missing from the module");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Connection connect(boolean reader) throws SQLException {
        Properties p = url.properties();
        p.setProperty("stringtype", "unspecified");
        p.setProperty("autosave", "always");
        p.setProperty("ApplicationName", "pb4j");
        if (reader) {
            p.setProperty("options", "-c statement_timeout=" + queryTimeout.toMillis());
        }
        Connection c = DriverManager.getConnection(url.jdbcUrl(), p);
        c.setAutoCommit(reader);
        return c;
    }

    /** A fresh connection to the same database (migrate-store, tests). */
    Connection connectDirect() throws SQLException {
        return connect(true);
    }

    @Override
    public SqlDialect dialect() {
        return PostgresDialect.INSTANCE;
    }

    @Override
    public <T> T read(Function<SqlSession, T> work) {
        if (data.heldByCurrentThread()) {
            return work.apply(data.session());
        }
        if (auxiliary.heldByCurrentThread()) {
            return work.apply(auxiliary.session());
        }
        PgSession reader = takeReader();
        try {
            reader.syncSchema(schemaEpoch.get());
            return work.apply(reader);
        } finally {
            releaseReader(reader);
        }
    }

    @Override
    public <T> T write(Function<SqlSession, T> work) {
        return data.write(s -> {
            s.syncSchema(schemaEpoch.get());
            T result = work.apply(s);
            if (s.schemaChanged()) {
                schemaEpoch.incrementAndGet();
                bus.publish(PgClusterBus.DDL, "");
            }
            return result;
        });
    }

    @Override
    public <T> T writeAuxiliary(Function<SqlSession, T> work) {
        return auxiliary.write(work::apply);
    }

    /** Reads of the logs take a reader like any read: under MVCC they wait for no writer. */
    @Override
    public <T> T readAuxiliary(Function<SqlSession, T> work) {
        return read(work);
    }

    @Override
    public void vacuumAuxiliary() {
        PgSession reader = takeReader();
        try {
            reader.raw("VACUUM \"_logs\"");
        } finally {
            releaseReader(reader);
        }
    }

    /**
     * A backup zip holds {@code data.db} and {@code auxiliary.db}; a PostgreSQL app has neither, and a copy of the
     * database belongs to PostgreSQL's own tools, which can take one while nodes keep writing. So backups are refused
     * with a message that says so (the API answers it as a 400).
     */
    @Override
    public void snapshot(java.nio.file.Path dir) {
        throw io.pb4j.core.ApiException.badRequest(SNAPSHOT_REFUSED);
    }

    static final String SNAPSHOT_REFUSED = "This app stores its data in PostgreSQL: pb4j backups cannot hold it. "
            + "Back the database up with PostgreSQL's own tools (pg_dump, or base backups with WAL archiving) "
            + "and the data dir's files (uploads) with your file backups or S3.";

    /** PocketBase's daily optimisation: fresh planner statistics. */
    @Override
    public void optimize() {
        PgSession reader = takeReader();
        try {
            reader.raw("ANALYZE");
        } finally {
            releaseReader(reader);
        }
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        return Optional.empty();
    }

    private PgSession takeReader() {
        try {
            readerPermits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for a reader connection", e);
        }
        PgSession s = idleReaders.pollFirst();
        if (s != null) {
            return s;
        }
        try {
            s = new PgSession(connect(true), queryTimeout);
        } catch (SQLException e) {
            readerPermits.release();
            throw new StoreException("cannot open a reader connection: " + e.getMessage(), e);
        }
        openReaders.add(s);
        return s;
    }

    private void releaseReader(PgSession s) {
        idleReaders.addFirst(s);
        readerPermits.release();
    }

    /** How many reader connections are open (for the tests and the bench). */
    int openReaderCount() {
        return openReaders.size();
    }

    @Override
    public void close() {
        bus.close();
        openReaders.forEach(PgSession::close);
        openReaders.clear();
        idleReaders.clear();
        data.close();
        auxiliary.close();
    }

    /** A connection owned by one thread at a time, for writes; each outermost write is one transaction. */
    static final class Lane {
        private final PgSession session;
        private final ReentrantLock lock = new ReentrantLock(true);

        Lane(PgSession session) {
            this.session = session;
        }

        PgSession session() {
            return session;
        }

        boolean heldByCurrentThread() {
            return lock.isHeldByCurrentThread();
        }

        <T> T write(Function<PgSession, T> work) {
            lock.lock();
            try {
                if (lock.getHoldCount() > 1) {
                    return work.apply(session);
                }
                T result;
                try {
                    result = work.apply(session);
                } catch (RuntimeException | Error e) {
                    rollback();
                    throw e;
                }
                try {
                    session.connection().commit();
                } catch (SQLException e) {
                    rollback();
                    throw new StoreException("commit failed: " + PgSession.message(e), e);
                }
                return result;
            } finally {
                lock.unlock();
            }
        }

        private void rollback() {
            try {
                session.connection().rollback();
            } catch (SQLException ignored) {
                // the connection is broken: the server has undone the transaction
            }
        }

        void close() {
            lock.lock();
            try {
                session.close();
            } finally {
                lock.unlock();
            }
        }
    }
}
