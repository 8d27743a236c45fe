package io.pb4j.core.spi;

import java.util.List;
import java.util.Map;

/**
 * One connection's worth of work, handed to a {@link Store#read} or {@link Store#write} callback. Parameters are
 * bound positionally ({@code ?}); values are {@code String}, {@code Number}, {@code Boolean} or {@code null}.
 * Not thread-safe: use it only inside the callback that received it.
 */
public interface SqlSession {
    /** The SQL flavour of this session's store. */
    SqlDialect dialect();

    /** Runs a query; each row maps column label to value, in select order. */
    List<Map<String, Object>> query(String sql, List<?> params);

    /**
     * Runs a statement and returns the number of changed rows; a unique-constraint failure is a
     * {@link UniqueViolationException}.
     */
    int execute(String sql, List<?> params);

    /** Runs a statement without parameters; returns the changed rows. */
    default int execute(String sql) {
        return execute(sql, List.of());
    }

    /**
     * Runs a script of one or more {@code ;}-separated statements without parameters (the superuser SQL console's
     * writes) and returns how many rows they changed in all. Stops at the first failing statement with a
     * {@link StoreException} whose message is the database's error as PocketBase shows it; the caller's transaction
     * then undoes the statements before it. Gives up with a {@link StoreException} after {@code timeout}.
     */
    long executeScript(String sql, java.time.Duration timeout);

    /**
     * Runs a script of one or more {@code ;}-separated statements without parameters and returns the last
     * statement's columns and at most {@code maxRows} of its rows (the superuser SQL console's reads). With
     * {@code readOnly}, a statement that would write fails with a {@link ReadOnlyException} before it changes
     * anything. Gives up with a {@link StoreException} after {@code timeout}.
     */
    SqlRows queryScript(String sql, int maxRows, boolean readOnly, java.time.Duration timeout);
}
