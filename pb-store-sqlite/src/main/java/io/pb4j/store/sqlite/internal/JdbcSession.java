package io.pb4j.store.sqlite.internal;

import io.pb4j.core.spi.SqlDialect;
import io.pb4j.core.spi.SqlSession;
import io.pb4j.core.spi.StoreException;
import io.pb4j.core.spi.UniqueViolationException;
import jakarta.json.JsonArrayBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One SQLite connection with its prepared-statement cache. Not thread-safe: the store lends it to one thread at a
 * time. {@link SQLException}s never leave it: they become {@link StoreException} or {@link UniqueViolationException}.
 * Every JDBC call goes through {@link NativeCalls} (off the virtual threads' carriers); reads are bounded by the
 * query timeout.
 */
final class JdbcSession implements SqlSession, AutoCloseable {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private static final int STATEMENT_CACHE_SIZE = 256;
    /** Every statement with its parameters, at DEBUG ({@code pb4j serve --dev} shows them, like PocketBase's dev mode). */
    private static final System.Logger SQL_LOG = System.getLogger("io.pb4j.sql");

    private final Connection connection;
    private final NativeCalls calls;
    private final Duration queryTimeout;
    /** Used only for {@link Statement#cancel()}, which interrupts whatever runs on the connection. */
    private final Statement canceller;
    private final Map<String, PreparedStatement> statements = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() > STATEMENT_CACHE_SIZE) {
                closeQuietly(eldest.getValue());
                return true;
            }
            return false;
        }
    };

    private long schemaEpoch;
    private boolean schemaChanged;
    /** See {@link #inlineRowWrites()}. */
    private boolean inlineRowWrites;

    JdbcSession(Connection connection, NativeCalls calls, Duration queryTimeout) throws SQLException {
        this.connection = connection;
        this.calls = calls;
        this.queryTimeout = queryTimeout;
        this.canceller = connection.createStatement();
    }

    /**
     * Runs this connection's row writes (parameterised INSERT, UPDATE and DELETE: a record's own write) on the calling
     * thread instead of a platform thread. For the data writer only: it runs them inside its lane's transaction, where
     * SQLite's write lock is already held (no busy wait) and the statement touches one row by its key, tens of
     * microseconds; a virtual thread pins its carrier for that long, while every other writer is parked on the lane
     * anyway. The two thread hand-overs it saves were a quarter of a create's server CPU and sat inside the lane,
     * delaying every writer behind it. Reads (rules, references) and DDL still leave the carrier.
     */
    JdbcSession inlineRowWrites() {
        inlineRowWrites = true;
        return this;
    }

    /** Drops cached statements when another connection changed the schema since this one last ran. */
    void syncSchema(long epoch) {
        if (epoch != schemaEpoch) {
            clearStatements();
            schemaEpoch = epoch;
        }
        schemaChanged = false;
    }

    /** Whether DDL ran since the last {@link #syncSchema}. */
    boolean schemaChanged() {
        return schemaChanged;
    }

    Connection connection() {
        return connection;
    }

    @Override
    public SqlDialect dialect() {
        return SqliteDialect.INSTANCE;
    }

    @Override
    public List<Map<String, Object>> query(String sql, List<?> params) {
        try {
            return calls.read(() -> select(sql, params), queryTimeout, canceller::cancel);
        } catch (SQLException e) {
            throw translate(e, sql);
        }
    }

    private List<Map<String, Object>> select(String sql, List<?> params) throws SQLException {
        PreparedStatement ps = prepare(sql, params);
        try (ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            int n = meta.getColumnCount();
            String[] labels = new String[n];
            for (int i = 0; i < n; i++) {
                labels[i] = meta.getColumnLabel(i + 1);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>(n * 2);
                for (int i = 0; i < n; i++) {
                    row.put(labels[i], rs.getObject(i + 1));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    @Override
    public int execute(String sql, List<?> params) {
        try {
            if (inlineRowWrites && !params.isEmpty()) {
                return update(sql, params);
            }
            return calls.write(() -> update(sql, params));
        } catch (SQLException e) {
            throw translate(e, sql);
        }
    }

    private int update(String sql, List<?> params) throws SQLException {
        if (params.isEmpty() && !sql.stripLeading().regionMatches(true, 0, "INSERT", 0, 6)
                && !sql.stripLeading().regionMatches(true, 0, "UPDATE", 0, 6)
                && !sql.stripLeading().regionMatches(true, 0, "DELETE", 0, 6)) {
            // DDL: not cached, and it invalidates the other connections' cached statements
            schemaChanged = true;
            clearStatements();
            logSql(sql, params);
            try (var st = connection.createStatement()) {
                return st.executeUpdate(sql);
            }
        }
        return prepare(sql, params).executeUpdate();
    }

    @Override
    public long executeScript(String sql, java.time.Duration timeout) {
        // the script may hold DDL: other connections drop their cached statements
        schemaChanged = true;
        clearStatements();
        logSql(sql, List.of());
        return offCarrier(() -> ConsoleScripts.execute(connection, sql, timeout), sql);
    }

    @Override
    public io.pb4j.core.spi.SqlRows queryScript(String sql, int maxRows, boolean readOnly, java.time.Duration timeout) {
        schemaChanged = !readOnly;
        clearStatements();
        logSql(sql, List.of());
        return offCarrier(() -> ConsoleScripts.query(connection, sql, maxRows, readOnly, timeout), sql);
    }

    /** The console's scripts, which time themselves, run off the carriers like every other call. */
    private <T> T offCarrier(NativeCalls.Work<T> work, String sql) {
        try {
            return calls.write(work);
        } catch (SQLException e) {
            throw translate(e, sql);
        }
    }

    /** Runs DDL or transaction control without caching. */
    void raw(String sql) {
        try {
            calls.write(() -> {
                try (var st = connection.createStatement()) {
                    return st.execute(sql);
                }
            });
        } catch (SQLException e) {
            throw translate(e, sql);
        }
    }

    /**
     * Runs transaction control ({@code BEGIN IMMEDIATE}, {@code COMMIT}, {@code ROLLBACK}) off the carriers like
     * {@link #raw}, but prepared once: preparing and finalizing them anew was a fifth of the writer's SQLite calls
     * per group.
     */
    void control(String sql) {
        try {
            calls.write(() -> cached(sql).execute());
        } catch (SQLException e) {
            throw translate(e, sql);
        }
    }

    /** The connection's prepared statement for SQL the store runs itself, prepared on first use. */
    private PreparedStatement cached(String sql) throws SQLException {
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        }
        return ps;
    }

    /**
     * Runs transaction control that does no I/O ({@code SAVEPOINT}, {@code RELEASE}, {@code ROLLBACK TO}) on the
     * calling thread: a few microseconds in SQLite, less than handing it to a platform thread and back. Prepared once
     * (cached like any statement) and not logged: it is the store's own bookkeeping, not the app's SQL.
     */
    void rawInline(String sql) {
        try {
            cached(sql).execute();
        } catch (SQLException e) {
            throw translate(e, sql);
        }
    }

    /** Drops cached statements (after schema changes). */
    void clearStatements() {
        statements.values().forEach(JdbcSession::closeQuietly);
        statements.clear();
    }

    private PreparedStatement prepare(String sql, List<?> params) throws SQLException {
        logSql(sql, params);
        PreparedStatement ps = statements.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            statements.put(sql, ps);
        }
        for (int i = 0; i < params.size(); i++) {
            Object v = params.get(i);
            if (v instanceof Boolean b) {
                ps.setInt(i + 1, b ? 1 : 0);
            } else {
                ps.setObject(i + 1, v);
            }
        }
        return ps;
    }

    /** One line per statement: the SQL (line breaks as spaces), then {@code  -- params: } and the values as JSON. */
    private static void logSql(String sql, List<?> params) {
        if (!SQL_LOG.isLoggable(System.Logger.Level.DEBUG)) {
            return;
        }
        JsonArrayBuilder values = JSON.createArrayBuilder();
        for (Object v : params) {
            switch (v) {
                case null -> values.addNull();
                case Boolean b -> values.add(b ? 1 : 0);
                case Integer i -> values.add(i);
                case Long l -> values.add(l);
                case Number n -> values.add(new java.math.BigDecimal(n.toString()));
                default -> values.add(v.toString());
            }
        }
        SQL_LOG.log(System.Logger.Level.DEBUG, sql.replace('\n', ' ') + " -- params: " + values.build());
    }

    private static RuntimeException translate(SQLException e, String sql) {
        if (e instanceof NativeCalls.QueryInterruptedException) {
            return new StoreException(e.getMessage(), e);
        }
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("UNIQUE constraint failed: ");
        if (at >= 0) {
            String rest = message.substring(at + "UNIQUE constraint failed: ".length());
            int end = rest.indexOf(')');
            List<String> columns = new ArrayList<>();
            for (String qualified : Arrays.asList((end >= 0 ? rest.substring(0, end) : rest).split(","))) {
                String c = qualified.strip();
                columns.add(c.substring(c.lastIndexOf('.') + 1));
            }
            return new UniqueViolationException(columns, e);
        }
        if (message.contains("PRIMARYKEY") || message.contains("PRIMARY KEY")) {
            return new UniqueViolationException(List.of("id"), e);
        }
        StoreException failure = new StoreException(sqliteMessage(message), e);
        failure.addSuppressed(new IllegalStateException("while running: " + sql));
        return failure;
    }

    /**
     * SQLite's own error text, as PocketBase shows it in "Raw error" messages: the driver's
     * {@code [SQLITE_ERROR] SQL error or missing database (no such table: x)} becomes {@code no such table: x}.
     */
    static String sqliteMessage(String driverMessage) {
        if (driverMessage.startsWith("[SQLITE_") && driverMessage.endsWith(")")) {
            int open = driverMessage.indexOf(" (", driverMessage.indexOf(']'));
            if (open > 0) {
                return driverMessage.substring(open + 2, driverMessage.length() - 1);
            }
        }
        return driverMessage;
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing a cached statement cannot fail in a way worth reporting
        }
    }

    @Override
    public void close() {
        clearStatements();
        closeQuietly(canceller);
        closeQuietly(connection);
    }
}
