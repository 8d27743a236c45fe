package io.pb4j.core;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An application's own SQL against the app's database ({@link PocketBase#db()}), with named parameters written
 * {@code {:name}} (as PocketBase's {@code dbx}) or {@code :name}, always bound, never spliced into the text.
 * Statements run on the app's store: a read on a reader connection, a write on the writer lane; inside
 * {@link PocketBase#runInTransaction} (on that thread) both join the transaction.
 *
 * <pre>{@code
 * record Stats(long orders, double total) {}
 * Stats s = app.db().queryOne("SELECT COUNT(*) AS orders, SUM(amount) AS total FROM orders WHERE status = {:status}",
 *         Map.of("status", "paid"), Stats.class).orElseThrow();
 * }</pre>
 *
 * Rows map to a Java record by component name (matched case-insensitively against the column labels, so alias
 * your columns); a column the record lacks is ignored, a component the row lacks gets its zero value. Values
 * convert to {@code String}, {@code long}/{@code int}/{@code double} (and their boxes), {@code boolean}
 * (SQLite's 0/1) and {@code Object} (as stored). Thread-safe.
 */
public interface Db {
    /** The rows of a query, each mapping column label to value in select order. */
    List<Map<String, Object>> query(String sql, Map<String, ?> params);

    /**
     * The rows of a query as {@code type}: a Java record (see above), or for a one-column query {@code String},
     * {@code Long}, {@code Integer}, {@code Double}, {@code Boolean} or {@code Object}.
     */
    <T> List<T> query(String sql, Map<String, ?> params, Class<T> type);

    /** The first row of a query as {@code type}; empty when there is none. */
    default <T> Optional<T> queryOne(String sql, Map<String, ?> params, Class<T> type) {
        return query(sql, params, type).stream().findFirst();
    }

    /** Runs a statement on the writer lane (in one transaction of its own unless inside one) and returns the changed rows. */
    int execute(String sql, Map<String, ?> params);
}
