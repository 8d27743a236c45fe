package io.pb4j.store.sqlite.internal;

import io.pb4j.core.spi.SqlDialect;

/** SQLite's SQL flavour. */
final class SqliteDialect implements SqlDialect {
    static final SqliteDialect INSTANCE = new SqliteDialect();

    @Override
    public String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    @Override
    public String jsonExtract(String columnSql, String jsonPath) {
        return "JSON_EXTRACT(" + columnSql + ", '" + jsonPath.replace("'", "''") + "')";
    }

    @Override
    public String jsonArrayLength(String columnSql) {
        return "(CASE WHEN json_valid(" + columnSql + ") AND json_type(" + columnSql + ") = 'array' THEN json_array_length("
                + columnSql + ") WHEN " + columnSql + " IS NULL OR " + columnSql + " = '' THEN 0 ELSE 1 END)";
    }

    @Override
    public String jsonEach(String columnSql) {
        return "json_each(CASE WHEN json_valid(" + columnSql + ") AND json_type(" + columnSql + ") = 'array' THEN "
                + columnSql + " ELSE json_array(" + columnSql + ") END)";
    }

    @Override
    public String random() {
        return "RANDOM()";
    }

    @Override
    public String rowId(String tableAlias) {
        return tableAlias + ".`_rowid_`";
    }

    @Override
    public String tableExistsSql() {
        return "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?";
    }
}
