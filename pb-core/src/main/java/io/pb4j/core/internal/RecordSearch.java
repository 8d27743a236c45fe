package io.pb4j.core.internal;

import io.pb4j.core.Collection;
import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import io.pb4j.core.RecordPage;
import io.pb4j.core.RecordQuery;
import io.pb4j.core.RequestInfo;
import io.pb4j.core.spi.SqlDialect;
import io.pb4j.core.spi.SqlSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads records: by id, by a field value, and PocketBase's paged list search. */
public final class RecordSearch {
    private RecordSearch() {
    }

    public static Optional<Record> findById(PocketBase app, SqlSession s, Collection c, String id) {
        return findFirstByData(app, s, c, "id", id);
    }

    public static Optional<Record> findFirstByData(PocketBase app, SqlSession s, Collection c, String field, Object value) {
        SqlDialect d = s.dialect();
        List<Map<String, Object>> rows = s.query("SELECT * FROM " + d.quote(c.name()) + " WHERE " + d.quote(field) + " = ? LIMIT 1",
                List.of(value));
        return rows.isEmpty() ? Optional.empty() : Optional.of(Record.fromRow(c, rows.get(0)));
    }

    /**
     * The first record whose {@code field} equals {@code value} as the field's single-column UNIQUE index compares:
     * regardless of case when that index is {@code COLLATE NOCASE}, exactly otherwise (PocketBase's
     * {@code FindAuthRecordByEmail} and identity lookups).
     */
    public static Optional<Record> findByUniqueField(SqlSession s, Collection c, String field, Object value) {
        boolean nocase = IndexSql.findSingleColumnUnique(c.indexes(), field)
                .filter(i -> "nocase".equalsIgnoreCase(i.columns().getFirst().collate())).isPresent();
        SqlDialect d = s.dialect();
        String column = d.quote(field);
        List<Map<String, Object>> rows = s.query("SELECT * FROM " + d.quote(c.name()) + " WHERE "
                + (nocase ? d.equalsIgnoringCase(column) : column + " = ?") + " LIMIT 1", List.of(value));
        return rows.isEmpty() ? Optional.empty() : Optional.of(Record.fromRow(c, rows.get(0)));
    }

    public static RecordPage search(PocketBase app, SqlSession s, Collection c, RecordQuery q) {
        SqlDialect d = s.dialect();
        String alias = d.quote(c.name());
        SearchSql sql = SearchSql.build(c, c.name(), q, d, idOrName -> CollectionSaver.load(s, idOrName));
        List<Object> params = new ArrayList<>(sql.params());
        params.addAll(sql.orderParams());
        String select = "SELECT " + (sql.distinct() ? "DISTINCT " : "") + alias + ".* FROM " + alias + sql.joins() + sql.where()
                + sql.orderBy() + " LIMIT ? OFFSET ?";
        params.add(q.perPage());
        params.add((long) q.perPage() * (q.page() - 1));
        List<Record> items = new ArrayList<>();
        for (Map<String, Object> row : s.query(select, params)) {
            items.add(Record.fromRow(c, row));
        }
        long total = -1;
        long pages = -1;
        if (!q.skipTotal()) {
            List<Map<String, Object>> rows = s.query("SELECT " + sql.countExpression(c, d) + " AS total FROM " + alias
                    + sql.joins() + sql.where(), sql.params());
            total = ((Number) rows.get(0).get("total")).longValue();
            pages = (total + q.perPage() - 1) / q.perPage();
        }
        return new RecordPage(items, q.page(), q.perPage(), total, pages);
    }

    /**
     * Whether {@code rule} matches a record that is not stored (yet), as PocketBase checks create rules: the record's
     * column values stand in for the table as a one-row CTE under another name, so {@code @collection} references to
     * the record's own collection see only the stored rows. Generated text (the id …) is settled first.
     */
    public static boolean ruleMatchesUnsaved(SqlSession s, Record r, String rule, RequestInfo info) {
        RecordSaver.settleGeneratedText(r);
        SqlDialect d = s.dialect();
        Collection c = r.collection();
        String alias = c.name() + "__pb_create__";
        Map<String, Object> columns = RecordSaver.columnValues(r);
        SearchSql sql = SearchSql.build(c, alias, RecordQuery.byId(rule, r.id()).withRequest(info), d,
                idOrName -> CollectionSaver.load(s, idOrName));
        List<Object> params = new ArrayList<>(columns.values());
        params.addAll(sql.params());
        String row = String.join(", ", columns.keySet().stream().map(k -> "? AS " + d.quote(k)).toList());
        return !s.query("WITH " + d.quote(alias) + " AS (SELECT " + row + ") SELECT 1 FROM " + d.quote(alias)
                + sql.joins() + sql.where() + " LIMIT 1", params).isEmpty();
    }
}
