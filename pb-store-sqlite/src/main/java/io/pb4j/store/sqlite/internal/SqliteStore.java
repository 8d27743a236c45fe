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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * PocketBase's two SQLite databases in a data dir. Writes are serialised through one writer connection (a fair
 * lock, {@code BEGIN IMMEDIATE}), so concurrent writers queue instead of failing with {@code SQLITE_BUSY}, and
 * concurrent data writes commit together (see {@link Lane}); reads use a
 * {@link ReaderPool} of reader connections (WAL lets them run beside the writer). A read or write inside a write on the same
 * thread joins the writer's transaction. Every JDBC call runs through {@link NativeCalls}: off the carriers of
 * virtual threads, and reads bounded by the query timeout.
 */
final class SqliteStore implements Store {
    /** PocketBase's connection PRAGMAs, but for the page cache (see {@link #cache}). */
    private static final String PRAGMAS = "?journal_mode=WAL&synchronous=NORMAL&busy_timeout=10000&foreign_keys=true"
            + "&temp_store=MEMORY&journal_size_limit=200000000&jdbc.get_generated_keys=false";
    /** PocketBase's page cache, for the writers: 16 MB. */
    private static final int WRITER_CACHE_KIB = 16000;
    /**
     * Measurement switch only ({@code -Dpb4j.sqlite.groupCommit=false}, used by {@code bench/run --suite=cost}): every
     * data write commits alone, as before group commit.
     */
    private static final boolean GROUP_COMMIT = !"false".equals(System.getProperty("pb4j.sqlite.groupCommit"));
    /**
     * auxiliary.db's writer page cache: 32 MB, PocketBase's {@code cache_size}, twice the data writer's. Each request's
     * log entry adds a row to {@code _logs}' message index at a random place, so a batch of 20 000 entries dirties
     * nearly every leaf of that index (~4 000 pages at 200 000 rows) beside the table's new pages: in 16 MB they did
     * not fit, SQLite spilled dirty pages to the WAL mid-transaction and read evicted ones back from the OS for the
     * next batch. Log writer CPU per entry ({@code bench/logs/run}, 60 000 entries into a 200 000-row {@code _logs},
     * loaded machine): 16 MB 16.4–17.6 µs, 32 MB 15.6, 64 MB 12.5–14.6; but the cache fills as {@code _logs} grows,
     * and 64 MB took the basic bench's RSS after its load from 252 to 307 MiB (the target is 256), so the middle.
     * {@code -Dpb4j.sqlite.auxiliaryCacheKib} is the measurement switch for the cost suite's {@code aux cache 16 MB}.
     */
    private static final int AUXILIARY_CACHE_KIB = Integer.getInteger("pb4j.sqlite.auxiliaryCacheKib", 32_000);
    /** auxiliary.db's WAL is copied into the database every this many pages (SQLite's default: 1 000). */
    static final int AUXILIARY_CHECKPOINT_PAGES = 10_000;

    private final NativeCalls calls = new NativeCalls();
    private final Path dir;
    private final Lane data;
    private final Lane auxiliary;
    /** Its own connection, so reading logs waits neither for the log writer nor for data writes. */
    private final Lane auxiliaryReader;
    private final ReaderPool readers;
    private final AtomicLong schemaEpoch = new AtomicLong();
    /** Created on first use: Helidon DB Client and its config system cost start-up time nobody may need. */
    private volatile DbClient dbClient;

    private SqliteStore(Path dir, int readerCount, Duration queryTimeout) throws SQLException {
        this.dir = dir;
        String dataUrl = "jdbc:sqlite:" + dir.resolve("data.db").toAbsolutePath() + PRAGMAS;
        this.data = new Lane(new JdbcSession(connect(cache(dataUrl, WRITER_CACHE_KIB)), calls, queryTimeout)
                .inlineRowWrites(), GROUP_COMMIT);
        String auxiliaryUrl = "jdbc:sqlite:" + dir.resolve("auxiliary.db").toAbsolutePath() + PRAGMAS;
        this.auxiliary = new Lane(new JdbcSession(connect(cache(auxiliaryUrl, AUXILIARY_CACHE_KIB)), calls,
                queryTimeout), false);
        // Each request's log entry adds a row to _logs' message index at a random place: a commit of 1 000 entries
        // dirties ~1 000 index pages, and with SQLite's checkpoint every 1 000 WAL pages each was copied back into
        // auxiliary.db after nearly every commit. Every 10 000 pages (~40 MB of WAL), a page dirtied by several
        // commits is copied once: 28 % fewer bytes written per entry (10.1 -> 7.3 KB) and ~18 % less writer CPU
        // (38.6 -> 31.5 µs, four runs each of 100 000 entries into a 200 000-row _logs).
        auxiliary.session().raw("PRAGMA wal_autocheckpoint = " + AUXILIARY_CHECKPOINT_PAGES);
        String readerUrl = cache(dataUrl, ReaderPool.CACHE_KIB);
        this.readers = new ReaderPool(() -> {
            try {
                return new JdbcSession(connect(readerUrl), calls, queryTimeout);
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
        }, () -> true);
        // opened after the table exists, so its cached statements never predate the schema
        this.auxiliaryReader = new Lane(new JdbcSession(connect(cache(auxiliaryUrl, ReaderPool.CACHE_KIB)), calls,
                queryTimeout), false);
    }

    /** The URL with a page cache of at most {@code kib} KiB ({@code cache_size} is negative for a size in KiB). */
    private static String cache(String url, int kib) {
        return url + "&cache_size=-" + kib;
    }

    /**
     * A connection with SQLite's hardening that can be reached from Java. PocketBase v0.40 turns on defensive mode
     * (SQLITE_DBCONFIG_DEFENSIVE), which needs sqlite3_db_config: sqlite-jdbc binds no such call and keeps its handle
     * private, so what is set here is the pragma side of the same advice, {@code trusted_schema = OFF} (functions
     * not marked innocuous may not run from views, triggers and defaults of a tampered schema).
     */
    private static java.sql.Connection connect(String url) throws SQLException {
        java.sql.Connection c = DriverManager.getConnection(url);
        try (var st = c.createStatement()) {
            st.execute("PRAGMA trusted_schema = OFF");
        }
        return c;
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

    /** The data database's writer (for tests). */
    Lane dataLane() {
        return data;
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
        }, data.session()::schemaChanged);
    }

    @Override
    public <T> T writeAuxiliary(Function<SqlSession, T> work) {
        return auxiliary.write(work::apply, () -> true);
    }

    /**
     * {@code VACUUM INTO} on a connection of its own per database: SQLite copies one read transaction's view, so
     * the copy is consistent while the writer lane keeps committing (WAL readers never block the writer).
     */
    @Override
    public void snapshot(Path target) {
        for (String name : List.of("data.db", "auxiliary.db")) {
            Path out = target.resolve(name).toAbsolutePath();
            try {
                Files.deleteIfExists(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String url = "jdbc:sqlite:" + dir.resolve(name).toAbsolutePath() + "?busy_timeout=10000";
            try (var c = DriverManager.getConnection(url); var st = c.createStatement()) {
                st.execute("VACUUM INTO '" + out.toString().replace("'", "''") + "'");
            } catch (SQLException e) {
                throw new StoreException("cannot copy " + name + ": " + e.getMessage(), e);
            }
        }
    }

    /** PocketBase's daily job: truncate both WAL files, then {@code PRAGMA optimize}; outside any transaction. */
    @Override
    public void optimize() {
        for (Lane lane : List.of(data, auxiliary)) {
            lane.lock();
            try {
                lane.session().raw("PRAGMA wal_checkpoint(TRUNCATE)");
            } finally {
                lane.unlock();
            }
        }
        data.lock();
        try {
            data.session().raw("PRAGMA optimize");
        } finally {
            data.unlock();
        }
    }

    @Override
    public <T> T readAuxiliary(Function<SqlSession, T> work) {
        if (auxiliary.heldByCurrentThread()) {
            return work.apply(auxiliary.session());
        }
        auxiliaryReader.lock();
        try {
            return work.apply(auxiliaryReader.session());
        } finally {
            auxiliaryReader.unlock();
        }
    }

    @Override
    public void vacuumAuxiliary() {
        auxiliary.lock();
        try {
            // SQLite refuses to VACUUM while this connection has prepared statements open
            auxiliary.session().clearStatements();
            auxiliary.session().raw("VACUUM");
        } finally {
            auxiliary.unlock();
        }
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
        // readers first: the writers, closing last, checkpoint the WAL into the database files and remove it
        auxiliaryReader.close();
        readers.close();
        data.checkpointAndClose();
        auxiliary.checkpointAndClose();
        calls.close();
    }
}
