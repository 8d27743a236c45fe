package io.pb4j.core.internal;

import io.pb4j.core.AccessCheck;
import io.pb4j.core.ApiException;
import io.pb4j.core.Collection;
import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import io.pb4j.core.RecordQuery;
import io.pb4j.core.spi.SqlDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bulk rule check of {@link BulkRuleCheck} for requesters who differ only in their auth record's id (as
 * {@code owner = @request.auth.id} subscribers of one auth collection do): the rule and filter are compiled once,
 * the places where the auth id is bound become a column of a {@code VALUES} table of every requester's id, and one
 * statement answers them all ({@code SELECT k FROM ids WHERE EXISTS (…)}), instead of one compilation and one
 * {@code EXISTS} term per requester.
 *
 * <p>Only for expressions whose {@code @request.auth.*} reads are {@code id}, {@code collectionId} and
 * {@code collectionName} (the latter two are the same for the whole family): any other auth field could change the
 * answer between requesters the template would not tell apart. The template is trusted only when two requesters
 * compile to the same SQL whose parameters differ exactly where their ids are bound.
 */
final class AuthIdRuleCheck {
    /** Requesters per statement: their ids are bound parameters, well under SQLite's and PostgreSQL's limits. */
    static final int PER_STATEMENT = 2000;
    private static final Pattern AUTH_READ = Pattern.compile("@request\\.auth\\.([A-Za-z0-9_:.]*)");
    private static final Set<String> ID_READS = Set.of("id", "collectionId", "collectionName", "id:isset", "id:lower");
    private static final String IDS = "__pb_auth__";

    /** The compiled rule: its joins and WHERE with the auth id's places as a column of {@link #IDS}, and the rest bound. */
    private record Template(String sql, List<Object> params) {
    }

    private AuthIdRuleCheck() {
    }

    /** Whether the rule and filter read nothing of the auth record but its id and collection. */
    static boolean applies(String rule, String filter) {
        Matcher m = AUTH_READ.matcher(rule + "\n" + filter);
        boolean any = false;
        while (m.find()) {
            if (!ID_READS.contains(m.group(1))) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /**
     * The answers for {@code checks} (same rule, filter and request but the auth record, all of one auth collection,
     * at least two): empty when the template cannot be trusted, and the caller asks them one by one.
     */
    static Optional<boolean[]> check(PocketBase app, Record record, String rule, String filter, List<AccessCheck> checks) {
        Collection c = record.collection();
        return app.store().read(s -> {
            SqlDialect d = s.dialect();
            String alias = c.name() + "__pb_rt__";
            Optional<Template> template = template(app, record, alias, d, rule, filter, checks.get(0), checks.get(1));
            if (template.isEmpty()) {
                return Optional.<boolean[]>empty();
            }
            Map<String, Object> columns = RecordSaver.columnValues(record);
            String row = String.join(", ", columns.keySet().stream().map(k -> "? AS " + d.quote(k)).toList());
            boolean[] passed = new boolean[checks.size()];
            for (int from = 0; from < checks.size(); from += PER_STATEMENT) {
                int to = Math.min(checks.size(), from + PER_STATEMENT);
                List<Object> params = new ArrayList<>(columns.values());
                StringBuilder values = new StringBuilder();
                for (int i = from; i < to; i++) {
                    values.append(i == from ? "" : ", ").append('(').append(i).append(", ?)");
                    params.add(checks.get(i).request().auth().orElseThrow().id());
                }
                params.addAll(template.get().params());
                String statement = "WITH " + d.quote(alias) + " AS (SELECT " + row + "), " + d.quote(IDS) + "(" + d.quote("k") + ", "
                        + d.quote("id") + ") AS (VALUES " + values + ") SELECT " + d.quote(IDS) + "." + d.quote("k") + " AS "
                        + d.quote("k") + " FROM " + d.quote(IDS) + " WHERE EXISTS (SELECT 1 FROM " + d.quote(alias)
                        + template.get().sql() + ")";
                for (Map<String, Object> result : s.query(statement, params)) {
                    passed[((Number) result.get("k")).intValue()] = true;
                }
            }
            return Optional.of(passed);
        });
    }

    /** Compiles for two requesters and keeps the SQL if they differ only where their ids are bound. */
    private static Optional<Template> template(PocketBase app, Record record, String alias, SqlDialect d, String rule,
                                               String filter, AccessCheck a, AccessCheck b) {
        SearchSql first;
        SearchSql second;
        try {
            first = compile(app, record, alias, d, rule, filter, a);
            second = compile(app, record, alias, d, rule, filter, b);
        } catch (ApiException | IllegalArgumentException e) {
            return Optional.empty(); // the caller's own path answers a filter that does not compile
        }
        String sql = first.joins() + first.where();
        String idA = a.request().auth().orElseThrow().id();
        String idB = b.request().auth().orElseThrow().id();
        if (idA.equals(idB) || !sql.equals(second.joins() + second.where()) || first.params().size() != second.params().size()) {
            return Optional.empty();
        }
        List<Integer> placeholders = placeholders(sql);
        if (placeholders.size() != first.params().size()) {
            return Optional.empty();
        }
        StringBuilder out = new StringBuilder();
        List<Object> params = new ArrayList<>();
        int copied = 0;
        for (int i = 0; i < placeholders.size(); i++) {
            Object pa = first.params().get(i);
            Object pb = second.params().get(i);
            if (Objects.equals(pa, pb)) {
                params.add(pa);
                continue;
            }
            if (!idA.equals(pa) || !idB.equals(pb)) {
                return Optional.empty();
            }
            int at = placeholders.get(i);
            out.append(sql, copied, at).append(d.quote(IDS)).append('.').append(d.quote("id"));
            copied = at + 1;
        }
        out.append(sql.substring(copied));
        return Optional.of(new Template(out.toString(), params));
    }

    /** The question as {@link BulkRuleCheck} compiles it for one requester. */
    private static SearchSql compile(PocketBase app, Record record, String alias, SqlDialect d, String rule, String filter,
                                     AccessCheck check) {
        RecordQuery q = RecordQuery.builder().rule(rule).filter(filter).skipTotal(true).clientFilter(true)
                .ids(List.of(record.id())).request(check.request()).build();
        return SearchSql.build(record.collection(), alias, q, d, app::findCollection);
    }

    /** Where the {@code ?} placeholders are, outside quoted strings and identifiers. */
    static List<Integer> placeholders(String sql) {
        List<Integer> out = new ArrayList<>();
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (quote != 0) {
                if (ch == quote) {
                    quote = 0;
                }
            } else if (ch == '\'' || ch == '"' || ch == '`') {
                quote = ch;
            } else if (ch == '?') {
                out.add(i);
            }
        }
        return out;
    }
}
