package io.pb4j.store.postgres.internal;

import io.pb4j.core.spi.SqlDialect;
import java.util.List;

/**
 * PostgreSQL's SQL flavour. Values keep SQLite's storage (JSON as text, booleans as 0/1), so the JSON helpers parse
 * text, through the functions of {@code compat.sql}.
 */
final class PostgresDialect implements SqlDialect {
    static final PostgresDialect INSTANCE = new PostgresDialect();

    @Override
    public String quote(String identifier) {
        return SqliteToPostgres.quote(identifier);
    }

    @Override
    public String jsonExtract(String columnSql, String jsonPath) {
        if (!jsonPath.matches("\\$[A-Za-z0-9_.\\[\\]]*")) {
            throw new IllegalArgumentException("invalid JSON path " + jsonPath);
        }
        String text = "(" + columnSql + ")::text";
        // a value that is not JSON behaves as the JSON string it would be (PocketBase's json_object('pb', col))
        return "(CASE WHEN " + text + " IS JSON THEN pb_json_extract(" + text + ", '" + jsonPath
                + "') ELSE pb_json_extract(json_build_object('pb', " + text + ")::text, '$.pb" + jsonPath.substring(1)
                + "') END)";
    }

    @Override
    public String jsonArrayLength(String c) {
        String text = "(" + c + ")::text";
        return "(CASE WHEN " + text + " IS JSON ARRAY THEN pb_json_array_length(" + text + ") WHEN " + text
                + " IS NULL OR " + text + " = '' THEN 0 ELSE 1 END)";
    }

    @Override
    public String jsonEach(String c) {
        return "pb_json_each((" + c + ")::text)";
    }

    @Override
    public String strftime(List<String> argsSql) {
        StringBuilder b = new StringBuilder("pb_strftime(");
        for (int i = 0; i < argsSql.size(); i++) {
            b.append(i == 0 ? "" : ", ").append('(').append(argsSql.get(i)).append(")::text");
        }
        return b.append(')').toString();
    }

    @Override
    public String equalsIgnoringCase(String columnSql) {
        return "lower(" + columnSql + ") = lower(?)";
    }

    @Override
    public String random() {
        return "RANDOM()";
    }

    @Override
    public String rowId(String tableAlias) {
        return quote(tableAlias) + "." + quote(SqliteToPostgres.ROWID);
    }

    @Override
    public String tableExistsSql() {
        return "SELECT c.relname AS name FROM pg_class c WHERE c.relname = ? AND c.relkind IN ('r', 'v', 'p') "
                + "AND (c.relnamespace = current_schema()::regnamespace OR c.relnamespace = pg_my_temp_schema())";
    }

    /** SQLite's declared types, read back from the domains; a text column of a table has collation C (oid 950). */
    @Override
    public String tableColumnsSql() {
        return "SELECT a.attname::text AS name, CASE t.typname WHEN 'pb_json' THEN 'JSON' WHEN 'pb_bool' THEN 'BOOLEAN' "
                + "WHEN 'pb_number' THEN 'NUMERIC' WHEN 'text' THEN CASE WHEN a.attcollation = 950 THEN 'TEXT' ELSE '' END "
                + "ELSE '' END AS type FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid "
                + "WHERE a.attrelid = to_regclass(quote_ident(?)) AND a.attnum > 0 AND NOT a.attisdropped "
                + "AND a.attname <> '" + SqliteToPostgres.ROWID + "' ORDER BY a.attnum";
    }
}
