import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The raw sqlite-jdbc baseline: the SQL shapes pb4j issues for each scenario, on a copy of the server's data.db,
 * one connection and one reused PreparedStatement per thread, WAL + synchronous=NORMAL (pb4j's PRAGMAs).
 */
final class Raw {
    private static final String PRAGMAS = "?journal_mode=WAL&synchronous=NORMAL&busy_timeout=10000&foreign_keys=true";

    private final String url;
    private final List<String> columns = new ArrayList<>();

    Raw(Path db) throws SQLException {
        this.url = "jdbc:sqlite:" + db.toAbsolutePath() + PRAGMAS;
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery("PRAGMA table_info(`posts`)")) {
            while (rs.next()) {
                columns.add(rs.getString("name"));
            }
        }
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

    /** INSERT of every column the table has, one row per autocommit transaction, like a record create. */
    Load.Op insert() throws SQLException {
        Connection c = connect();
        String sql = "INSERT INTO `posts` (" + String.join(", ", columns.stream().map(n -> "`" + n + "`").toList())
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

    /** SELECT * … WHERE id = ? LIMIT 1, reading every column. */
    Load.Op getOne(List<String> ids) throws SQLException {
        PreparedStatement ps = connect().prepareStatement("SELECT * FROM `posts` WHERE `id` = ? LIMIT 1");
        return () -> {
            ps.setString(1, ids.get(ThreadLocalRandom.current().nextInt(ids.size())));
            if (readAll(ps) != 1) {
                throw new IllegalStateException("no row");
            }
        };
    }

    /** A page of 20 at a random offset, plus the COUNT pb4j runs for totalItems unless skipTotal. */
    Load.Op list(int pages, boolean skipTotal) throws SQLException {
        Connection c = connect();
        PreparedStatement page = c.prepareStatement("SELECT `posts`.* FROM `posts` LIMIT ? OFFSET ?");
        PreparedStatement count = c.prepareStatement("SELECT COUNT(DISTINCT `posts`.`_rowid_`) AS total FROM `posts`");
        return () -> {
            page.setInt(1, 20);
            page.setInt(2, 20 * ThreadLocalRandom.current().nextInt(pages));
            if (readAll(page) != 20) {
                throw new IllegalStateException("short page");
            }
            if (!skipTotal) {
                readAll(count);
            }
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
