package io.pb4j.core.spi;

/**
 * The SQL flavour of a store. pb-core builds every statement through this interface, so nothing outside a store
 * module assumes SQLite. Implementations are stateless and thread-safe.
 */
public interface SqlDialect {
    /** Quotes an identifier (table, column or alias). */
    String quote(String identifier);

    /**
     * An expression extracting {@code jsonPath} (e.g. {@code $}, {@code $.a.b[0]}) from a JSON column expression;
     * SQL NULL when the path is absent. A non-JSON value behaves as if it were a JSON string (PocketBase wraps it
     * as {@code json_object('pb', col)}). The path holds only {@code $ . [ ]}, ASCII letters, digits and
     * {@code _}, so it may be inlined as a literal.
     */
    String jsonExtract(String columnSql, String jsonPath);

    /**
     * Number of items of a multi-valued column (a JSON array; an empty or NULL value counts 0, a non-array
     * scalar 1).
     */
    String jsonArrayLength(String columnSql);

    /** A table-valued expression listing the items of a JSON array column, one row per item with column {@code value}. */
    String jsonEach(String columnSql);

    /**
     * SQLite's {@code strftime(format, timeValue, modifier...)} over already-built argument expressions (one to
     * ten, in order; each may contain {@code ?} placeholders). A store without it must emulate its formats and
     * modifiers, or reject the filter.
     */
    String strftime(java.util.List<String> argsSql);

    /**
     * A predicate comparing a text column expression with one {@code ?} parameter regardless of ASCII case, as SQLite's
     * {@code COLLATE NOCASE} does (identity lookups on fields whose unique index is case-insensitive).
     */
    String equalsIgnoringCase(String columnSql);

    /** The random-order expression ({@code RANDOM()}). */
    String random();

    /** The physical row id of a table alias, used for {@code @rowid} sorting and counts. */
    String rowId(String tableAlias);

    /** A query with one parameter (the table name) that returns a row when that table exists. */
    String tableExistsSql();

    /**
     * A query with one parameter (a table or view name) listing its columns in order, one row each with {@code name}
     * and {@code type} (the declared type, empty when the column has none, e.g. an expression of a view). It returns
     * no rows, or fails, when the table or view does not exist or no longer compiles. View collections use it to read
     * the columns of a temporary view over their query.
     */
    String tableColumnsSql();
}
