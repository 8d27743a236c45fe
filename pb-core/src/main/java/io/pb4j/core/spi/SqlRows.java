package io.pb4j.core.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What {@link SqlSession#queryScript} read: the last statement's columns and rows. A value is a {@code String},
 * {@code Long}, {@code Double}, {@code byte[]} or {@code null} (SQLite's storage classes), so rows may hold nulls.
 *
 * @param columns in select order
 * @param rows    each as long as {@code columns}
 */
public record SqlRows(List<Column> columns, List<List<Object>> rows) {
    /** Creates the value from its components. */
    public SqlRows {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    /**
     * A result column.
     *
     * @param name     its label
     * @param type     the declared type of the table column it comes from, upper case; {@code ""} for an expression
     * @param nullable whether the driver reports it may be null
     */
    public record Column(String name, String type, boolean nullable) {
        /** Creates the value from its components. */
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }
}
