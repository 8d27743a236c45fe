package io.pb4j.store.sqlite.internal;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import io.pb4j.core.spi.SqlDialect;
import io.pb4j.core.spi.SqlSession;
import io.pb4j.core.spi.Store;
import io.pb4j.core.spi.StoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * PocketBase's two SQLite databases in a data dir. Writes are serialised through one writer connection (a fair
 * lock, {@code BEGIN IMMEDIATE}), so concurrent writers queue instead of failing with {@code SQLITE_BUSY}; reads use a
 * {@link ReaderPool} of reader connections (WAL lets them run beside the writer). A read or write inside a write on the same
 * thread joins the writer's transaction. Every JDBC call runs through {@link NativeCalls}: off the carriers of
 * virtual threads, and reads bounded by the query timeout.
 */
final class SqliteStore implements Store {
    /** PocketBase's connection PRAGMAs. */
    private static final String PRAGMAS = "?journal_mode=WAL&synchronous=NORMAL&busy_timeout=10000&foreign_keys=true"
            + "&temp_store=MEMORY&cache_size=-16000&journal_size_limit=200000000";

    private final NativeCalls calls = new NativeCalls();
    private final Lane data;
    private final Lane auxiliary;
    private final ReaderPool readers;
    private final AtomicLong schemaEpoch = new AtomicLong();
    /** Created on first use: Helidon DB Client and its config system cost start-up time nobody may need. */
    private volatile DbClient dbClient;

    private SqliteStore(Path dir, int readerCount, Duration queryTimeout) throws SQLException {
        String dataUrl = "jdbc:sqlite:" + dir.resolve("data.db").toAbsolutePath() + PRAGMAS;
        this.data = new Lane(new JdbcSession(DriverManager.getConnection(dataUrl), calls, queryTimeout));
        this.auxiliary = new Lane(new JdbcSession(DriverManager.getConnection(
                "jdbc:sqlite:" + dir.resolve("auxiliary.db").toAbsolutePath() + PRAGMAS), calls, queryTimeout));
        this.readers = new ReaderPool(() -> {
            try {
                return new JdbcSession(DriverManager.getConnection(dataUrl), calls, queryTimeout);
            } catch (SQLException e) {
                throw new StoreException("cannot open a reader connection: " + e.getMessage(), e);
            }
        }, readerCount);
        auxiliary.write(s -> {
            // the SQL of PocketBase's 1640988000_aux_init.go
            s.execute("CREATE TABLE IF NOT EXISTS `_logs` (`id` TEXT PRIMARY KEY DEFAULT ('r'||lower(hex(randomblob(7)))) NOT NULL, "
                    + "`level` INTEGER DEFAULT 0 NOT NULL, `message` TEXT DEFAULT \"\" NOT NULL, `data` JSON DEFAULT \"{}\" NOT NULL, "
                    + "`created` TEXT DEFAULT (strftime('%Y-%m-%d %H:%M:%fZ')) NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS idx_logs_level on `_logs` (`level`)");
            s.execute("CREATE INDEX IF NOT EXISTS idx_logs_message on `_logs` (`message`)");
            s.execute("CREATE INDEX IF NOT EXISTS idx_logs_created_hour on `_logs` (strftime('%Y-%m-%d %H:00:00', `created`))");
            return null;
        });
    }

    static SqliteStore open(Path dir, Duration queryTimeout) {
        try {
            Files.createDirectories(dir);
            // opened up front; more open on demand (see ReaderPool)
            int readers = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);
            return new SqliteStore(dir, readers, queryTimeout);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data dir " + dir, e);
        } catch (SQLException e) {
            throw new StoreException("cannot open the SQLite databases in " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public SqlDialect dialect() {
        return SqliteDialect.INSTANCE;
    }

    @Override
    public <T> T read(Function<SqlSession, T> work) {
        if (data.heldByCurrentThread()) {
            return work.apply(data.session());
        }
        JdbcSession reader = readers.take();
        try {
            reader.syncSchema(schemaEpoch.get());
            return work.apply(reader);
        } finally {
            readers.release(reader);
        }
    }

    @Override
    public <T> T write(Function<SqlSession, T> work) {
        return data.write(s -> {
            s.syncSchema(schemaEpoch.get());
            T result = work.apply(s);
            if (s.schemaChanged()) {
                schemaEpoch.incrementAndGet();
            }
            return result;
        });
    }

    @Override
    public <T> T writeAuxiliary(Function<SqlSession, T> work) {
        return auxiliary.write(work::apply);
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        return type.isAssignableFrom(DbClient.class) ? Optional.of(type.cast(dbClient())) : Optional.empty();
    }

    private DbClient dbClient() {
        DbClient client = dbClient;
        if (client == null) {
            synchronized (this) {
                client = dbClient;
                if (client == null) {
                    client = JdbcClientBuilder.create().connectionPool(new WriterLanePool(data)).build();
                    dbClient = client;
                }
            }
        }
        return client;
    }

    @Override
    public void close() {
        data.close();
        auxiliary.close();
        readers.close();
        calls.close();
    }

    /** A connection owned by one thread at a time, for writes. */
    static final class Lane {
        private final JdbcSession session;
        private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock(true);

        Lane(JdbcSession session) {
            this.session = session;
        }

        JdbcSession session() {
            return session;
        }

        boolean heldByCurrentThread() {
            return lock.isHeldByCurrentThread();
        }

        void lock() {
            lock.lock();
        }

        void unlock() {
            lock.unlock();
        }

        <T> T write(Function<JdbcSession, T> work) {
            lock.lock();
            try {
                if (lock.getHoldCount() > 1) {
                    return work.apply(session);
                }
                session.raw("BEGIN IMMEDIATE");
                T result;
                try {
                    result = work.apply(session);
                } catch (RuntimeException | Error e) {
                    session.raw("ROLLBACK");
                    throw e;
                }
                session.raw("COMMIT");
                return result;
            } finally {
                lock.unlock();
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
