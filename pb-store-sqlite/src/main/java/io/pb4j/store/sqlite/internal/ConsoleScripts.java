package io.pb4j.store.sqlite.internal;

import io.pb4j.core.spi.ReadOnlyException;
import io.pb4j.core.spi.SqlRows;
import io.pb4j.core.spi.StoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.sqlite.SQLiteException;

/**
 * The SQL console's scripts on one connection: several statements, a time bound, the read-only guard and errors
 * worded as PocketBase's SQLite driver (modernc.org/sqlite) words them.
 */
final class ConsoleScripts {
    /** Interrupts statements that outlive their time bound (sqlite3_interrupt through Statement.cancel). */
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pb4j-sql-timeout");
        t.setDaemon(true);
        return t;
    });

    private ConsoleScripts() {
    }

    /** sqlite3_exec runs every statement of the script; the change count is the difference of total_changes. */
    static long execute(Connection connection, String sql, Duration timeout) {
        try (Statement st = connection.createStatement()) {
            return timed(st, timeout, () -> st.executeLargeUpdate(sql));
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    static SqlRows query(Connection connection, String sql, int maxRows, boolean readOnly, Duration timeout) {
        List<String> statements = ScriptSplitter.split(sql);
        if (statements.isEmpty()) {
            throw new StoreException("empty query", null);
        }
        try (Statement st = connection.createStatement()) {
            if (readOnly) {
                st.execute("PRAGMA query_only = ON");
            }
            try {
                return timed(st, timeout, () -> {
                    SqlRows last = new SqlRows(List.of(), List.of());
                    for (String statement : statements) {
                        last = st.execute(statement) ? read(st.getResultSet(), maxRows) : new SqlRows(List.of(), List.of());
                    }
                    return last;
                });
            } finally {
                if (readOnly) {
                    st.execute("PRAGMA query_only = OFF");
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static SqlRows read(ResultSet rs, int maxRows) throws SQLException {
        try (rs) {
            ResultSetMetaData meta = rs.getMetaData();
            int n = meta.getColumnCount();
            List<SqlRows.Column> columns = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                // the driver names a type for expressions too (from the value); only table columns have a declared one
                String table = meta.getTableName(i);
                String type = table == null || table.isEmpty() ? "" : meta.getColumnTypeName(i);
                // modernc.org/sqlite reports every column as nullable
                columns.add(new SqlRows.Column(meta.getColumnLabel(i), type, true));
            }
            List<List<Object>> rows = new ArrayList<>();
            while (rows.size() < maxRows && rs.next()) {
                List<Object> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    row.add(v instanceof Integer small ? Long.valueOf(small) : v);
                }
                rows.add(row);
            }
            return new SqlRows(columns, rows);
        }
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private static <T> T timed(Statement st, Duration timeout, Work<T> work) throws SQLException {
        ScheduledFuture<?> alarm = TIMER.schedule(() -> {
            try {
                st.cancel();
            } catch (SQLException ignored) {
                // the statement finished meanwhile
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return work.run();
        } finally {
            alarm.cancel(false);
        }
    }

    /** {@code SQL logic error: near "x": syntax error (1)}, as modernc.org/sqlite words an error. */
    static StoreException failure(SQLException e) {
        int code = e instanceof SQLiteException s ? s.getResultCode().code : e.getErrorCode();
        String detail = JdbcSession.sqliteMessage(String.valueOf(e.getMessage()));
        String general = errstr(code & 0xff);
        String message = detail.equals(general) ? general + " (" + code + ")" : general + ": " + detail + " (" + code + ")";
        if ((code & 0xff) == 8) {
            return new ReadOnlyException(message, e);
        }
        return new StoreException(message, e);
    }

    /** sqlite3_errstr of a primary result code. */
    private static String errstr(int code) {
        return switch (code) {
            case 0 -> "not an error";
            case 1 -> "SQL logic error";
            case 3 -> "access permission denied";
            case 4 -> "query aborted";
            case 5 -> "database is locked";
            case 6 -> "database table is locked";
            case 7 -> "out of memory";
            case 8 -> "attempt to write a readonly database";
            case 9 -> "interrupted";
            case 10 -> "disk I/O error";
            case 11 -> "database disk image is malformed";
            case 13 -> "database or disk is full";
            case 14 -> "unable to open database file";
            case 15 -> "locking protocol";
            case 17 -> "database schema has changed";
            case 18 -> "string or blob too big";
            case 19 -> "constraint failed";
            case 20 -> "datatype mismatch";
            case 21 -> "bad parameter or other API misuse";
            case 23 -> "authorization denied";
            case 25 -> "column index out of range";
            case 26 -> "file is not a database";
            case 27 -> "notification message";
            case 28 -> "warning message";
            case 100 -> "another row available";
            case 101 -> "no more rows available";
            default -> "unknown error";
        };
    }
}
