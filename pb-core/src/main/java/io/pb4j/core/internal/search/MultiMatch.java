package io.pb4j.core.internal.search;

import java.util.Objects;

/**
 * The "every value" subquery of a multi-row operand: {@code SELECT <value> AS multiMatchValue FROM <from>}, where
 * {@code from} lists every value of the path for the current row of the outer query (it ends with the
 * correlation {@code WHERE}). Used by non-{@code ?} operators to require that all values match.
 */
public record MultiMatch(SqlFragment value, SqlFragment from) {
    public static final String COLUMN = "multiMatchValue";

    public MultiMatch {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(from, "from");
    }

    public SqlFragment subquery() {
        return SqlFragment.concat("SELECT ", value, " AS " + COLUMN + " FROM ", from);
    }

    /** The same rows with another value expression (e.g. wrapped in {@code strftime}). */
    public MultiMatch withValue(SqlFragment newValue) {
        return new MultiMatch(newValue, from);
    }
}
