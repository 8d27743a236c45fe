package io.pb4j.core.internal;

import io.pb4j.core.ApiException;
import io.pb4j.core.Collection;
import io.pb4j.core.RecordQuery;
import io.pb4j.core.spi.SqlDialect;
import java.util.ArrayList;
import java.util.List;

/** The SQL pieces of a records search: rule and filter compiled to one WHERE, sort to ORDER BY. */
record SearchSql(boolean distinct, String joins, String where, String orderBy, List<Object> params) {
    static SearchSql build(Collection c, RecordQuery q, SqlDialect d) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (!q.rule().isBlank() || !q.filter().isBlank() || !q.sort().isBlank()) {
            throw ApiException.badRequest("");
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return new SearchSql(false, "", where, "", params);
    }
}
