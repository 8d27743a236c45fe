package io.pb4j.core.spi;

import java.util.List;

/** A write broke a unique constraint; {@code columns} are the constrained columns as the database names them. */
public final class UniqueViolationException extends StoreException {
    /** The columns of the violated unique constraint. */
    private final List<String> columns;

    /** A unique index refused the write on {@code columns}. */
    public UniqueViolationException(List<String> columns, Throwable cause) {
        super("unique constraint failed: " + columns, cause);
        this.columns = List.copyOf(columns);
    }

    /** The columns of the unique index that refused the write. */
    public List<String> columns() {
        return columns;
    }
}
