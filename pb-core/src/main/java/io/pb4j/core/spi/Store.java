package io.pb4j.core.spi;

import java.util.Optional;
import java.util.function.Function;

/**
 * An open database: PocketBase's {@code data.db} (and its auxiliary logs database). Thread-safe.
 *
 * <p>Writes go through one writer lane: {@link #write} runs its callback inside one transaction that holds the
 * write lock from its start; concurrent writers queue and never see a busy error. A {@code write} or {@code read}
 * called inside a {@code write} on the same thread joins that transaction. Any exception from the callback rolls
 * the transaction back and is rethrown unchanged.
 */
public interface Store extends AutoCloseable {
    /** The SQL dialect of the store. */
    SqlDialect dialect();

    /** Runs {@code work} on a reader connection. */
    <T> T read(Function<SqlSession, T> work);

    /** Runs {@code work} in one write transaction (joining the caller's if any): committed when it returns, rolled back when it throws. */
    <T> T write(Function<SqlSession, T> work);

    /** The same for the auxiliary database (request logs). */
    <T> T writeAuxiliary(Function<SqlSession, T> work);

    /**
     * A read of the auxiliary database that never waits for its writer (nor for the data writer lane). A
     * {@code readAuxiliary} inside a {@code writeAuxiliary} on the same thread joins that transaction.
     */
    <T> T readAuxiliary(Function<SqlSession, T> work);

    /** Reclaims the auxiliary database's free space ({@code VACUUM}), outside any transaction. */
    void vacuumAuxiliary();

    /**
     * Writes a consistent copy of each database file of the store into {@code dir} under its usual name
     * ({@code data.db}, {@code auxiliary.db}), taken while writers keep writing (for backups). Files already there
     * are replaced.
     *
     * @throws UnsupportedOperationException when the store keeps no files of its own to copy
     */
    default void snapshot(java.nio.file.Path dir) {
        throw new UnsupportedOperationException("this store cannot write a snapshot of its files");
    }

    /** Routine maintenance (PocketBase's daily {@code __pbDBOptimize__}): checkpoint logs, refresh statistics. */
    default void optimize() {
    }

    /**
     * The channel to the other nodes that serve the same app from this store, when the store is shared by several
     * processes (PostgreSQL); empty when this process owns the store alone (SQLite).
     */
    default Optional<ClusterBus> cluster() {
        return Optional.empty();
    }

    /** Store-specific facilities, e.g. Helidon's {@code DbClient} over the store's own connections. */
    <T> Optional<T> unwrap(Class<T> type);

    @Override
    void close();
}
