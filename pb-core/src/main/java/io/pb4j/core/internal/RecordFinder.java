package io.pb4j.core.internal;

import io.pb4j.core.ApiException;
import io.pb4j.core.Collection;
import io.pb4j.core.Record;
import io.pb4j.core.RecordQuery;
import io.pb4j.core.internal.search.FilterException;
import io.pb4j.core.spi.SqlDialect;
import io.pb4j.core.spi.SqlSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The app's record finders (PocketBase's {@code core/record_query.go}): filters and sorts from Java code, with every
 * field searchable (hidden ones too) and no access rule, compiled as the list endpoint compiles them.
 */
public final class RecordFinder {
    private RecordFinder() {
    }

    /** {@code limit} 0 or less: no limit; {@code offset} 0 or less: from the first. */
    public static List<Record> byFilter(SqlSession s, Collection c, String filter, String sort, int limit, int offset,
                                        Map<String, ?> params) {
        SqlDialect d = s.dialect();
        String alias = d.quote(c.name());
        SearchSql sql = compile(s, c, filter, sort, params, List.of());
        List<Object> args = new ArrayList<>(sql.params());
        args.addAll(sql.orderParams());
        StringBuilder select = new StringBuilder("SELECT ").append(sql.distinct() ? "DISTINCT " : "").append(alias)
                .append(".* FROM ").append(alias).append(sql.joins()).append(sql.where()).append(sql.orderBy());
        if (limit > 0 || offset > 0) {
            // SQLite needs a LIMIT before an OFFSET; -1 is "no limit"
            select.append(" LIMIT ? OFFSET ?");
            args.add(limit > 0 ? limit : -1);
            args.add(Math.max(offset, 0));
        }
        List<Record> records = new ArrayList<>();
        for (Map<String, Object> row : s.query(select.toString(), args)) {
            records.add(Record.fromRow(c, row));
        }
        return records;
    }

    /** The records with these ids, in the table's order; missing ids are left out. */
    public static List<Record> byIds(SqlSession s, Collection c, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        SqlDialect d = s.dialect();
        String table = d.quote(c.name());
        List<Record> records = new ArrayList<>();
        String marks = String.join(", ", ids.stream().map(x -> "?").toList());
        for (Map<String, Object> row : s.query("SELECT * FROM " + table + " WHERE " + d.quote("id") + " IN (" + marks + ")", ids)) {
            records.add(Record.fromRow(c, row));
        }
        return records;
    }

    /** How many records match {@code filter} ({@code ""}: all). */
    public static long count(SqlSession s, Collection c, String filter, Map<String, ?> params) {
        SqlDialect d = s.dialect();
        String alias = d.quote(c.name());
        SearchSql sql = compile(s, c, filter, "", params, List.of());
        List<Map<String, Object>> rows = s.query("SELECT " + sql.countExpression(c, d) + " AS total FROM " + alias
                + sql.joins() + sql.where(), sql.params());
        return ((Number) rows.get(0).get("total")).longValue();
    }

    private static SearchSql compile(SqlSession s, Collection c, String filter, String sort, Map<String, ?> params,
                                     List<String> ids) {
        String bound = FilterParams.apply(filter, params);
        RecordQuery q = RecordQuery.builder().filter(bound).sort(sort).skipTotal(true).ids(ids).build();
        try {
            return SearchSql.build(c, c.name(), q, s.dialect(), idOrName -> CollectionSaver.load(s, idOrName));
        } catch (ApiException e) {
            if (e.getCause() instanceof FilterException cause) {
                String what = sort.isEmpty() ? "filter " + quote(bound) : "filter " + quote(bound) + " or sort " + quote(sort);
                throw new IllegalArgumentException("invalid " + what + " of collection " + quote(c.name()) + ": "
                        + cause.getMessage(), cause);
            }
            throw e;
        }
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }
}
