package io.pb4j.core.internal.search;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory SQLite {@code posts} table with rows chosen for the NULL/'' and LIKE edge cases, and the {@code users}
 * they relate to ({@code author}, {@code editors}).
 */
final class SqliteDb implements AutoCloseable {
    private final Connection connection;

    SqliteDb() throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite::memory:");
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE posts (id TEXT PRIMARY KEY, title TEXT, num NUMERIC, created TEXT, tags JSON,"
                    + " status TEXT, data JSON, loc JSON, secret TEXT, author TEXT)");
            s.execute("""
                    INSERT INTO posts VALUES
                    ('p1', 'Hello', 5, '2026-02-14 08:00:00.000Z', '["news","tech"]', 'draft',
                     '{"a":[{"b":1}],"s":"x"}', '{"lon":23.32,"lat":42.69}', 's1', 'u1'),
                    ('p2', '', 0, '2026-02-13 10:00:00.000Z', '["news"]', '', 'null', '{"lon":0,"lat":0}', '', ''),
                    ('p3', NULL, NULL, '2025-12-31 23:59:59.999Z', '[]', NULL, '', NULL, NULL, NULL),
                    ('p4', '100%_off', -14, '2026-02-15 00:00:00.000Z', '["tech"]', 'live', '{"s":"y"}',
                     '{"lon":23.33,"lat":42.70}', 's4', 'u2'),
                    ('p5', '100x off', 10.5, '2026-01-01 00:00:00.000Z', '', 'live', '[1,2]', NULL, 's5', 'u1'),
                    ('p6', 'a\\b', 7, '', 'tech', 'draft', '{"a":[{"b":2}]}', NULL, NULL, NULL)
                    """);
            s.execute("ALTER TABLE posts ADD COLUMN editors JSON DEFAULT '[]'");
            s.execute("UPDATE posts SET editors = '[\"u1\",\"u2\"]' WHERE id = 'p1'");
            s.execute("UPDATE posts SET editors = '[\"u2\"]' WHERE id = 'p4'");
            s.execute("CREATE TABLE users (id TEXT PRIMARY KEY, email TEXT, emailVisibility BOOLEAN, name TEXT)");
            s.execute("INSERT INTO users VALUES ('u1', 'ann@x.io', 1, 'Ann'), ('u2', 'bob@x.io', 0, 'Bob'),"
                    + " ('u3', 'cid@x.io', 0, 'Cid')");
        }
    }

    /** Ids of the rows matching {@code where}, with the resolver's joins applied, sorted by id. */
    List<String> ids(SqlFragment where, IdentifierResolver resolver) throws SQLException {
        return query(where, resolver, List.of(SqlFragment.raw("`posts`.`id` ASC")));
    }

    List<String> query(SqlFragment where, IdentifierResolver resolver, List<SqlFragment> orderBy) throws SQLException {
        List<Object> parts = new ArrayList<>();
        parts.add("SELECT DISTINCT `posts`.`id` FROM `posts` `posts`");
        for (SqlJoin join : resolver.joins()) {
            parts.add(" ");
            parts.add(join.toSql(Fixtures.DIALECT.quote(join.alias())));
        }
        parts.add(" WHERE ");
        parts.add(where);
        if (!orderBy.isEmpty()) {
            parts.add(" ORDER BY ");
            parts.add(SqlFragment.join(", ", orderBy));
        }
        SqlFragment sql = SqlFragment.concat(parts.toArray());
        try (PreparedStatement ps = connection.prepareStatement(sql.sql())) {
            for (int i = 0; i < sql.params().size(); i++) {
                ps.setObject(i + 1, sql.params().get(i));
            }
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
