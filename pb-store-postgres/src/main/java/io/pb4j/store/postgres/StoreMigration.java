package io.pb4j.store.postgres;

import io.pb4j.store.postgres.internal.SqliteCopy;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Moves an app from SQLite to PostgreSQL: copies a data dir's {@code data.db} and {@code auxiliary.db} (pb4j's or
 * PocketBase's own) into an empty PostgreSQL database, tables, rows, indexes and views, in one transaction, and
 * verifies the row count of every table before committing. Uploaded files stay in the data dir (or on S3).
 */
public final class StoreMigration {
    private StoreMigration() {
    }

    /**
     * One copied table.
     *
     * @param name       the table's name
     * @param sourceRows its rows in SQLite
     * @param copiedRows its rows in PostgreSQL after the copy
     */
    public record Table(String name, long sourceRows, long copiedRows) {
        public Table {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * What was copied.
     *
     * @param tables every table, in copy order
     * @param views  the names of the views recreated
     */
    public record Report(List<Table> tables, List<String> views) {
        public Report {
            tables = List.copyOf(tables);
            views = List.copyOf(views);
        }

        /** The rows copied in all. */
        public long rows() {
            return tables.stream().mapToLong(Table::copiedRows).sum();
        }
    }

    /**
     * Copies the SQLite data dir {@code from} into the PostgreSQL database at {@code toUrl}
     * ({@code postgres://user:password@host:port/database}).
     *
     * @throws IllegalArgumentException when {@code from} holds no {@code data.db}, the URL is not PostgreSQL's, or
     *                                  the target database already holds an app
     * @throws IllegalStateException    when a count differs after the copy (nothing is committed then)
     */
    public static Report copy(Path from, String toUrl) {
        return SqliteCopy.run(from, toUrl);
    }
}
