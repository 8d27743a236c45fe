import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The raw sqlite-jdbc baseline: the SQL shapes pb4j issues for each scenario, on a copy of the server's data.db,
 * one connection and reused PreparedStatements per worker, WAL + synchronous=NORMAL (pb4j's PRAGMAs), reading every
 * column of every row.
 */
final class Raw {
    private static final String PRAGMAS = "?journal_mode=WAL&synchronous=NORMAL&busy_timeout=10000&foreign_keys=true";

    private final String url;

    Raw(Path db) {
        this.url = "jdbc:sqlite:" + db.toAbsolutePath() + PRAGMAS;
    }

    /** Copies a live database consistently ({@code VACUUM INTO}); safe while the server runs (WAL). */
    static void copy(Path from, Path to) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + from.toAbsolutePath())) {
            c.createStatement().execute("VACUUM INTO '" + to.toAbsolutePath() + "'");
        }
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url);
    }

    /**
     * Runs the index changes a scenario made on the server against the copy; an index the copy already has (or lacks,
     * for a drop) is no error, since the copy was taken before the server's first change.
     */
    void ddl(List<String> statements) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                try {
                    s.execute(sql);
                } catch (SQLException e) {
                    if (!String.valueOf(e.getMessage()).contains("already exists")
                            && !String.valueOf(e.getMessage()).contains("no such index")) {
                        throw e;
                    }
                }
            }
        }
    }

    /** Each call runs the captured statements of one request, in order, with their captured parameters. */
    Load.Op replay(List<Bench.Statement> captured) throws SQLException {
        Connection c = connect();
        List<PreparedStatement> statements = new ArrayList<>();
        for (Bench.Statement s : captured) {
            statements.add(c.prepareStatement(s.sql()));
        }
        return () -> {
            for (int i = 0; i < statements.size(); i++) {
                PreparedStatement ps = statements.get(i);
                Object[] p = captured.get(i).params();
                for (int k = 0; k < p.length; k++) {
                    ps.setObject(k + 1, p[k]);
                }
                readAll(ps);
            }
        };
    }

    /**
     * Each call runs every statement once with the parameters {@code params} gives for that call (the same array
     * binds every statement's placeholders in order), reading all rows.
     */
    Load.Op queries(Supplier<Object[]> params, String... sql) throws SQLException {
        Connection c = connect();
        List<PreparedStatement> statements = new ArrayList<>();
        for (String s : sql) {
            statements.add(c.prepareStatement(s));
        }
        return () -> {
            Object[] p = params.get();
            for (PreparedStatement ps : statements) {
                int n = ps.getParameterMetaData().getParameterCount();
                for (int i = 0; i < n; i++) {
                    ps.setObject(i + 1, p[i]);
                }
                readAll(ps);
            }
        };
    }

    /** INSERT of every column of {@code table}, one row per autocommit transaction, like a record create. */
    Load.Op insert(String table) throws SQLException {
        Connection c = connect();
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("PRAGMA table_info(`" + table + "`)")) {
            while (rs.next()) {
                columns.add(rs.getString("name"));
            }
        }
        String sql = "INSERT INTO `" + table + "` (" + String.join(", ", columns.stream().map(n -> "`" + n + "`").toList())
                + ") VALUES (" + String.join(", ", columns.stream().map(n -> "?").toList()) + ")";
        PreparedStatement ps = c.prepareStatement(sql);
        return () -> {
            String now = java.time.Instant.now().toString().replace('T', ' ');
            for (int i = 0; i < columns.size(); i++) {
                ps.setObject(i + 1, switch (columns.get(i)) {
                    case "id" -> Bench.randomId();
                    case "title" -> "raw post";
                    case "views" -> ThreadLocalRandom.current().nextInt(1000);
                    default -> now;
                });
            }
            ps.executeUpdate();
        };
    }

    private static int readAll(PreparedStatement ps) throws SQLException {
        int rows = 0;
        try (ResultSet rs = ps.executeQuery()) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= n; i++) {
                    rs.getObject(i);
                }
                rows++;
            }
        }
        return rows;
    }
}
