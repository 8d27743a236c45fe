package io.pb4j.core.internal;

import io.pb4j.core.AccessCheck;
import io.pb4j.core.ApiException;
import io.pb4j.core.Collection;
import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import io.pb4j.core.RecordQuery;
import io.pb4j.core.RequestInfo;
import io.pb4j.core.spi.SqlDialect;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers one access question per requester about one record (PocketBase's {@code CanAccessRecord} plus an optional
 * client filter, as realtime asks it for every subscriber of an event) without one SQL query per requester.
 *
 * <p>Requesters whose question cannot differ share one answer: the group key holds only what the rule and filter
 * read ({@code @request.auth.*} → the auth record, {@code @request.query.*} → the query, {@code @request.headers.*}
 * → the headers), so a rule without {@code @request} is asked once for everybody. The remaining distinct questions
 * are compiled separately (each with its own bound values and joins) and asked together, up to {@value #PER_STATEMENT}
 * per statement, as {@code SELECT k WHERE EXISTS (…) UNION ALL …} over a one-row CTE holding the record's values: the
 * record is checked as it was written, also after a delete, and {@code @collection} references to its own collection
 * see the stored rows. Questions that differ only in the auth record's id ({@code owner = @request.auth.id}) are
 * compiled once and asked together by {@link AuthIdRuleCheck}.
 */
public final class BulkRuleCheck {
    /** Under SQLite's limit of 500 terms in a compound SELECT, with room for the bound values of each. */
    static final int PER_STATEMENT = 200;

    private BulkRuleCheck() {
    }

    /** {@code rule}: empty for superusers only, {@code ""} for everybody. The answers are in the order of {@code checks}. */
    public static boolean[] check(PocketBase app, Record record, Optional<String> rule, List<AccessCheck> checks) {
        boolean[] answers = new boolean[checks.size()];
        Map<List<Object>, List<Integer>> groups = new LinkedHashMap<>();
        Map<List<Object>, AccessCheck> representatives = new LinkedHashMap<>();
        for (int i = 0; i < checks.size(); i++) {
            AccessCheck check = checks.get(i);
            boolean superuser = check.request().auth().map(a -> a.collection().isSuperusers()).orElse(false);
            if (rule.isEmpty() && !superuser) {
                continue;
            }
            String ruleText = superuser ? "" : rule.get();
            String filter = check.filter();
            if (!filter.isBlank() && !superuser && (filter.contains("@collection.") || filter.contains("@request."))) {
                continue;
            }
            if (ruleText.isBlank() && filter.isBlank()) {
                answers[i] = true;
                continue;
            }
            List<Object> key = key(ruleText, filter, superuser, check.request());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
            representatives.putIfAbsent(key, check);
        }
        if (groups.isEmpty()) {
            return answers;
        }
        List<List<Object>> keys = new ArrayList<>();
        for (List<List<Object>> family : families(groups.keySet())) {
            Optional<boolean[]> passed = family.size() < 2 ? Optional.empty() : AuthIdRuleCheck.check(app, record,
                    (String) family.getFirst().get(0), (String) family.getFirst().get(1), family.stream().map(representatives::get).toList());
            if (passed.isEmpty()) {
                keys.addAll(family);
                continue;
            }
            for (int j = 0; j < family.size(); j++) {
                if (passed.get()[j]) {
                    for (int i : groups.get(family.get(j))) {
                        answers[i] = true;
                    }
                }
            }
        }
        for (int from = 0; from < keys.size(); from += PER_STATEMENT) {
            List<List<Object>> chunk = keys.subList(from, Math.min(keys.size(), from + PER_STATEMENT));
            boolean[] passed = ask(app, record, chunk, representatives);
            for (int j = 0; j < chunk.size(); j++) {
                if (passed[j]) {
                    for (int i : groups.get(chunk.get(j))) {
                        answers[i] = true;
                    }
                }
            }
        }
        return answers;
    }

    /**
     * The questions that differ only in the auth record's id (same expressions, request parts and auth collection, and
     * nothing of the auth record read but its id), which {@link AuthIdRuleCheck} asks with one compilation; every other
     * question is a family of its own.
     */
    private static List<List<List<Object>>> families(java.util.Collection<List<Object>> keys) {
        Map<List<Object>, List<List<Object>>> out = new LinkedHashMap<>();
        for (List<Object> key : keys) {
            String auth = (String) key.get(3);
            boolean byId = !(Boolean) key.get(2) && !auth.isEmpty() && AuthIdRuleCheck.applies((String) key.get(0), (String) key.get(1));
            List<Object> family = new ArrayList<>(key);
            family.set(3, byId ? auth.substring(0, auth.indexOf('/')) : key);
            out.computeIfAbsent(family, k -> new ArrayList<>()).add(key);
        }
        return new ArrayList<>(out.values());
    }

    /** What the answer can depend on: the expressions, and the parts of the request they read. */
    private static List<Object> key(String rule, String filter, boolean superuser, RequestInfo info) {
        String text = rule + "\n" + filter;
        List<Object> key = new ArrayList<>(Arrays.asList(rule, filter, superuser));
        key.add(text.contains("@request.auth") ? info.auth().map(a -> a.collection().id() + "/" + a.id()).orElse("") : "");
        key.add(text.contains("@request.query") ? info.query() : Map.of());
        key.add(text.contains("@request.headers") ? info.headers() : Map.of());
        return key;
    }

    private static boolean[] ask(PocketBase app, Record record, List<List<Object>> keys, Map<List<Object>, AccessCheck> checks) {
        Collection c = record.collection();
        boolean[] passed = new boolean[keys.size()];
        return app.store().read(s -> {
            SqlDialect d = s.dialect();
            String alias = c.name() + "__pb_rt__";
            Map<String, Object> columns = RecordSaver.columnValues(record);
            List<Object> params = new ArrayList<>(columns.values());
            String row = String.join(", ", columns.keySet().stream().map(k -> "? AS " + d.quote(k)).toList());
            List<String> selects = new ArrayList<>();
            for (int j = 0; j < keys.size(); j++) {
                List<Object> key = keys.get(j);
                AccessCheck check = checks.get(key);
                boolean superuser = (Boolean) key.get(2);
                RecordQuery q = RecordQuery.builder().rule((String) key.get(0)).filter((String) key.get(1)).skipTotal(true)
                        .clientFilter(!superuser).ids(List.of(record.id())).request(check.request()).build();
                SearchSql sql;
                try {
                    sql = SearchSql.build(c, alias, q, d, app::findCollection);
                } catch (ApiException | IllegalArgumentException e) {
                    continue; // a filter that does not compile matches nothing, as in PocketBase
                }
                selects.add("SELECT " + j + " AS " + d.quote("k") + " WHERE EXISTS (SELECT 1 FROM " + d.quote(alias)
                        + sql.joins() + sql.where() + ")");
                params.addAll(sql.params());
            }
            if (selects.isEmpty()) {
                return passed;
            }
            String statement = "WITH " + d.quote(alias) + " AS (SELECT " + row + ") " + String.join(" UNION ALL ", selects);
            for (Map<String, Object> result : s.query(statement, params)) {
                passed[((Number) result.get("k")).intValue()] = true;
            }
            return passed;
        });
    }
}
