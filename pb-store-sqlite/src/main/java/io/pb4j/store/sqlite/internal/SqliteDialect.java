package io.pb4j.store.sqlite.internal;

import io.pb4j.core.spi.SqlDialect;
import java.util.List;

/** SQLite's SQL flavour, with PocketBase's JSON helper expressions. */
final class SqliteDialect implements SqlDialect {
    static final SqliteDialect INSTANCE = new SqliteDialect();

    @Override
    public String equalsIgnoringCase(String columnSql) {
        return columnSql + " = ? COLLATE NOCASE";
    }

    @Override
    public String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    @Override
    public String jsonExtract(String columnSql, String jsonPath) {
        if (!jsonPath.matches("\\$[A-Za-z0-9_.\\[\\]]*")) {
            throw new IllegalArgumentException("invalid JSON path " + jsonPath);
        }
        String rest = jsonPath.substring(1);
        return "(CASE WHEN json_valid(" + columnSql + ") THEN JSON_EXTRACT(" + columnSql + ", '" + jsonPath
                + "') ELSE JSON_EXTRACT(json_object('pb', " + columnSql + "), '$.pb" + rest + "') END)";
    }

    @Override
    public String jsonArrayLength(String c) {
        return "json_array_length(CASE WHEN iif(json_valid(" + c + "), json_type(" + c + ")='array', FALSE) THEN "
                + c + " ELSE (CASE WHEN " + c + " = '' OR " + c + " IS NULL THEN json_array() ELSE json_array("
                + c + ") END) END)";
    }

    @Override
    public String jsonEach(String c) {
        return "json_each(CASE WHEN iif(json_valid(" + c + "), json_type(" + c + ")='array', FALSE) THEN " + c
                + " ELSE json_array(" + c + ") END)";
    }

    @Override
    public String strftime(List<String> argsSql) {
        return "strftime(" + String.join(",", argsSql) + ")";
    }

    @Override
    public String random() {
        return "RANDOM()";
    }

    @Override
    public String rowId(String tableAlias) {
        return quote(tableAlias) + "._rowid_";
    }

    @Override
    public String tableExistsSql() {
        return "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?";
    }

    @Override
    public String tableColumnsSql() {
        return "SELECT name, type FROM pragma_table_info(?)";
    }
}
