package io.pb4j.store.postgres.internal;

import io.pb4j.core.spi.ReadOnlyException;
import io.pb4j.core.spi.SqlDialect;
import io.pb4j.core.spi.SqlRows;
import io.pb4j.core.spi.SqlSession;
import io.pb4j.core.spi.StoreException;
import io.pb4j.core.spi.UniqueViolationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One PostgreSQL connection. Statements are translated from pb4j's SQLite-flavoured SQL ({@link SqliteToPostgres});
 * parameters are sent untyped, so PostgreSQL takes each one's type from where it stands (SQLite's loose typing,
 * as near as it gets); values come back as SQLite would give them ({@code Long}, {@code Double}, {@code String},
 * {@code Integer} 0/1 for booleans), without the hidden {@code _rowid_} column. Not thread-safe: the store lends it
 * to one thread at a time. {@link SQLException}s never leave it.
 */
final class PgSession implements SqlSession, AutoCloseable {
    private static final System.Logger SQL_LOG = System.getLogger("io.pb4j.sql");
    /** {@code Key (a, lower(b))=(…) already exists.} */
    private static final Pattern UNIQUE_KEY = Pattern.compile("Key \\((.+?)\\)=\\(");
    private static final Pattern INDEX_COLUMN = Pattern.compile("(?:lower\\()?\"?([A-Za-z0-9_]+)\"?\\)?");

    private final Connection connection;
    private final Duration queryTimeout;
    private long schemaEpoch;
    private boolean schemaChanged;

    PgSession(Connection connection, Duration queryTimeout) {
        this.connection = connection;
        this.queryTimeout = queryTimeout;
    }

    Connection connection() {
        return connection;
    }

    /** Forgets server-side prepared statements when another connection changed the schema since this one last ran. */
    void syncSchema(long epoch) {
        if (epoch != schemaEpoch) {
            schemaEpoch = epoch;
            raw("DEALLOCATE ALL"); // the driver clears its statement cache when it sees this
        }
        schemaChanged = false;
    }

    boolean schemaChanged() {
        return schemaChanged;
    }

    @Override
    public SqlDialect dialect() {
        return PostgresDialect.INSTANCE;
    }

    @Override
    public List<Map<String, Object>> query(String sql, List<?> params) {
        String pg = SqliteToPostgres.translate(sql);
        log(pg, params);
        try {
            return select(pg, params);
        } catch (SQLException e) {
            if (isStalePlan(e) && autoCommit()) {
                try {
                    return select(pg, params);
                } catch (SQLException again) {
                    throw translate(again, pg);
                }
            }
            throw translate(e, pg);
        }
    }

    private List<Map<String, Object>> select(String sql, List<?> params) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rows(rs);
            }
        }
    }

    private static List<Map<String, Object>> rows(ResultSet rs) throws SQLException {
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
                if (!labels[i].equals(SqliteToPostgres.ROWID)) {
                    row.put(labels[i], sqliteValue(rs.getObject(i + 1)));
                }
            }
            rows.add(row);
        }
        return rows;
    }

    /** What SQLite would have returned: integers as {@code Long}, no booleans, no PostgreSQL objects. */
    static Object sqliteValue(Object v) {
        return switch (v) {
            case null -> null;
            case String s -> s;
            case Integer i -> i;
            case Long l -> l;
            case Short s -> (int) s;
            case Boolean b -> b ? 1 : 0;
            case Double d -> integral(d) ? (Object) d.longValue() : d;
            case Float f -> integral(f) ? (Object) (long) f.floatValue() : (Object) f.doubleValue();
            case BigDecimal d -> d.signum() == 0 || d.stripTrailingZeros().scale() <= 0
                    ? (d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0 ? (Object) d.longValue() : d.doubleValue())
                    : d.doubleValue();
            case BigInteger b -> b.longValue();
            case byte[] bytes -> bytes;
            default -> v.toString(); // PGobject (json, uuid, interval …), dates: their text
        };
    }

    private static boolean integral(double d) {
        return d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 9.007199254740992E15;
    }

    @Override
    public int execute(String sql, List<?> params) {
        String pg = SqliteToPostgres.translate(sql);
        log(pg, params);
        try {
            if (params.isEmpty() && !isDml(pg)) {
                schemaChanged = true;
                try {
                    return ddl(pg);
                } catch (SQLException e) {
                    if (!"2BP01".equals(e.getSQLState())) {
                        throw e;
                    }
                    return withViewsLifted(pg);
                }
            }
            try (PreparedStatement ps = connection.prepareStatement(pg)) {
                bind(ps, params);
                return ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw translate(e, pg);
        }
    }

    private int ddl(String pg) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(pg);
            return Math.max(0, st.getUpdateCount());
        }
    }

    private static final Pattern DROP_VIEW = Pattern.compile("(?is)^\\s*DROP\\s+VIEW\\s+(?:IF\\s+EXISTS\\s+)?\"?([^\"\\s;]+)\"?");

    /**
     * SQLite binds a view's names when the view is used, so a table column or a view that views select from may be
     * dropped or changed; PostgreSQL refuses ("other objects depend on it"). Here every view is dropped, the
     * statement runs, and the views are created again from their definitions, in rounds until no more succeed (a
     * view that no longer compiles stays dropped, which is where SQLite would keep a view that fails when used).
     */
    private int withViewsLifted(String pg) throws SQLException {
        Map<String, String> views = new LinkedHashMap<>();
        for (Map<String, Object> v : select("SELECT name, sql FROM sqlite_master WHERE type = 'view'", List.of())) {
            views.put(String.valueOf(v.get("name")), String.valueOf(v.get("sql")));
        }
        for (String name : views.keySet()) {
            ddl("DROP VIEW IF EXISTS " + SqliteToPostgres.quote(name) + " CASCADE");
        }
        int changed = ddl(pg);
        Matcher dropped = DROP_VIEW.matcher(pg);
        if (dropped.find()) {
            views.remove(dropped.group(1));
        }
        boolean progress = true;
        while (progress && !views.isEmpty()) {
            progress = false;
            for (var it = views.entrySet().iterator(); it.hasNext(); ) {
                try {
                    ddl(it.next().getValue());
                    it.remove();
                    progress = true;
                } catch (SQLException stillBroken) {
                    // another round, once the views it selects from exist (autosave undid only this statement)
                }
            }
        }
        if (!views.isEmpty()) {
            System.getLogger("io.pb4j.store.postgres").log(System.Logger.Level.WARNING,
                    "views dropped because they no longer compile after a schema change: " + views.keySet());
        }
        return changed;
    }

    private static boolean isDml(String sql) {
        String s = sql.stripLeading();
        return s.regionMatches(true, 0, "INSERT", 0, 6) || s.regionMatches(true, 0, "UPDATE", 0, 6)
                || s.regionMatches(true, 0, "DELETE", 0, 6) || s.regionMatches(true, 0, "WITH", 0, 4);
    }

    @Override
    public long executeScript(String sql, Duration timeout) {
        String pg = SqliteToPostgres.translate(sql);
        log(pg, List.of());
        schemaChanged = true;
        try (Statement st = connection.createStatement()) {
            st.setQueryTimeout(seconds(timeout));
            boolean rows = st.execute(pg);
            long changed = 0;
            while (true) {
                if (!rows) {
                    int count = st.getUpdateCount();
                    if (count < 0) {
                        break;
                    }
                    changed += count;
                }
                rows = st.getMoreResults();
            }
            return changed;
        } catch (SQLException e) {
            throw translate(e, pg);
        }
    }

    @Override
    public SqlRows queryScript(String sql, int maxRows, boolean readOnly, Duration timeout) {
        String pg = SqliteToPostgres.translate(sql);
        log(pg, List.of());
        boolean auto = autoCommit();
        try {
            if (readOnly && auto) {
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
            } else {
                schemaChanged = true;
            }
            try (Statement st = connection.createStatement()) {
                st.setQueryTimeout(seconds(timeout));
                st.setMaxRows(maxRows);
                boolean isRows = st.execute(pg);
                SqlRows last = new SqlRows(List.of(), List.of());
                while (true) {
                    if (isRows) {
                        try (ResultSet rs = st.getResultSet()) {
                            last = table(rs, maxRows);
                        }
                    } else if (st.getUpdateCount() < 0) {
                        break;
                    }
                    isRows = st.getMoreResults();
                }
                return last;
            } finally {
                if (readOnly && auto) {
                    connection.rollback();
                    connection.setReadOnly(false);
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            if ("25006".equals(e.getSQLState())) {
                throw new ReadOnlyException(message(e), e);
            }
            throw translate(e, pg);
        }
    }

    private static SqlRows table(ResultSet rs, int maxRows) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<SqlRows.Column> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(new SqlRows.Column(meta.getColumnLabel(i), sqliteType(meta.getColumnTypeName(i)),
                    meta.isNullable(i) != ResultSetMetaData.columnNoNulls));
        }
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next() && rows.size() < maxRows) {
            List<Object> row = new ArrayList<>(columns.size());
            for (int i = 1; i <= columns.size(); i++) {
                Object v = sqliteValue(rs.getObject(i));
                row.add(v instanceof Integer n ? (Object) n.longValue() : v);
            }
            rows.add(row);
        }
        return new SqlRows(columns, rows);
    }

    private static String sqliteType(String pgType) {
        return switch (pgType) {
            case "pb_json" -> "JSON";
            case "pb_bool" -> "BOOLEAN";
            case "pb_number" -> "NUMERIC";
            case "text", "varchar" -> "TEXT";
            case "int4", "int8", "int2" -> "INTEGER";
            case "float8", "float4", "numeric" -> "REAL";
            default -> "";
        };
    }

    private static int seconds(Duration timeout) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (timeout.toMillis() + 999) / 1000));
    }

    /** Runs transaction control or maintenance as it is. */
    void raw(String sql) {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw translate(e, sql);
        }
    }

    private boolean autoCommit() {
        try {
            return connection.getAutoCommit();
        } catch (SQLException e) {
            return false;
        }
    }

    private static void bind(PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object v = params.get(i);
            switch (v) {
                case null -> ps.setNull(i + 1, Types.OTHER);
                case Boolean b -> ps.setString(i + 1, b ? "1" : "0");
                case Double d when integral(d) -> ps.setString(i + 1, Long.toString(d.longValue()));
                case Number n -> ps.setString(i + 1, n.toString());
                case byte[] bytes -> bindBytes(ps, i + 1, bytes);
                default -> ps.setString(i + 1, v.toString());
            }
        }
    }

    /**
     * SQLite keeps a BLOB in any column; PostgreSQL's text columns take text only. pb4j writes BLOBs of UTF-8 JSON (the
     * settings row), so valid UTF-8 goes as text; anything else as {@code bytea}, for a {@code BLOB} column.
     */
    private static void bindBytes(PreparedStatement ps, int index, byte[] bytes) throws SQLException {
        try {
            String text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            if (text.indexOf('\0') < 0) {
                ps.setString(index, text);
                return;
            }
        } catch (java.nio.charset.CharacterCodingException notText) {
            // binary: bytea
        }
        ps.setBytes(index, bytes);
    }

    private static boolean isStalePlan(SQLException e) {
        return "0A000".equals(e.getSQLState()) && String.valueOf(e.getMessage()).contains("cached plan");
    }

    private RuntimeException translate(SQLException e, String sql) {
        String state = String.valueOf(e.getSQLState());
        if (state.equals("23505")) {
            return new UniqueViolationException(uniqueColumns(e), e);
        }
        if (state.equals("57014")) {
            return new StoreException("the query took longer than the query timeout of " + queryTimeout.toSeconds()
                    + "s", e);
        }
        StoreException failure = new StoreException(message(e), e);
        failure.addSuppressed(new IllegalStateException("while running: " + sql));
        return failure;
    }

    /** The columns named by PostgreSQL's detail ({@code Key (a, lower(b))=(…)}), as bare column names. */
    private static List<String> uniqueColumns(SQLException e) {
        String detail = e instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null
                ? String.valueOf(p.getServerErrorMessage().getDetail()) : String.valueOf(e.getMessage());
        Matcher m = UNIQUE_KEY.matcher(detail);
        List<String> columns = new ArrayList<>();
        if (m.find()) {
            for (String part : m.group(1).split(",")) {
                Matcher c = INDEX_COLUMN.matcher(part.strip());
                columns.add(c.matches() ? c.group(1) : part.strip());
            }
        }
        if (columns.isEmpty()) {
            columns.add("id");
        }
        return columns;
    }

    /** PostgreSQL's own message, without the driver's "ERROR: " prefix and position details. */
    static String message(SQLException e) {
        if (e instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null) {
            return String.valueOf(p.getServerErrorMessage().getMessage());
        }
        return String.valueOf(e.getMessage());
    }

    private static void log(String sql, List<?> params) {
        if (SQL_LOG.isLoggable(System.Logger.Level.DEBUG)) {
            SQL_LOG.log(System.Logger.Level.DEBUG, sql.replace('\n', ' ') + " -- params: " + params);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the connection is gone either way
        }
    }
}
