package io.pb4j.core.internal;

import io.pb4j.core.ApiException;
import io.pb4j.core.Collection;
import io.pb4j.core.RecordQuery;
import io.pb4j.core.internal.search.CollectionFieldResolver;
import io.pb4j.core.internal.search.FilterException;
import io.pb4j.core.internal.search.SearchFilter;
import io.pb4j.core.internal.search.SortCompiler;
import io.pb4j.core.internal.search.SqlFragment;
import io.pb4j.core.internal.search.SqlJoin;
import io.pb4j.core.spi.SqlDialect;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The SQL pieces of a records search: the collection rule, the client filter and the id restriction compiled into
 * one WHERE with bound parameters, the joins they need, and the sort as ORDER BY. A malformed client filter or sort
 * is a 400 with PocketBase's generic message. {@code params} bind the joins and WHERE (all the count query needs);
 * {@code orderParams} follow them in the page query.
 */
record SearchSql(boolean distinct, String joins, String where, String orderBy, List<Object> params,
                 List<Object> orderParams) {
    /** {@code table}: the collection's own table, or a CTE standing in for it. */
    static SearchSql build(Collection c, String table, RecordQuery q, SqlDialect d,
                           Function<String, Optional<Collection>> collections) {
        CollectionFieldResolver ruleResolver = CollectionFieldResolver.builder(c, d).mainTable(table).allowHiddenFields(true)
                .collections(collections).requestInfo(q.request()).build();
        CollectionFieldResolver clientResolver = CollectionFieldResolver.builder(c, d).mainTable(table)
                .allowHiddenFields(!q.clientFilter()).collections(collections).requestInfo(q.request()).build();
        List<CollectionFieldResolver> listRuleResolvers = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        List<Object> whereParams = new ArrayList<>();
        String orderBy = "";
        List<Object> orderParams = new ArrayList<>();
        try {
            if (!q.rule().isBlank()) {
                add(SearchFilter.compileRule(q.rule(), ruleResolver, d, Clock.systemUTC()), conditions, whereParams);
            }
            if (!q.filter().isEmpty()) {
                add(SearchFilter.compile(q.filter(), clientResolver, d), conditions, whereParams);
            }
            if (!q.sort().isEmpty()) {
                List<String> parts = new ArrayList<>();
                for (SqlFragment f : SortCompiler.compile(q.sort(), clientResolver, d)) {
                    parts.add(f.sql());
                    orderParams.addAll(f.params());
                }
                orderBy = parts.isEmpty() ? "" : " ORDER BY " + String.join(", ", parts);
            }
            // a client filter through a relation sees only the joined records the joined collection's listRule lists
            int n = 0;
            for (Map.Entry<String, Collection> joined : clientResolver.ruleJoins().entrySet()) {
                String listRule = joined.getValue().listRule().orElse("");
                if (listRule.isBlank()) {
                    continue;
                }
                CollectionFieldResolver joinedResolver = CollectionFieldResolver.builder(joined.getValue(), d)
                        .tableAlias(joined.getKey()).aliasSuffix("_lr" + (++n)).allowHiddenFields(true).collections(collections)
                        .requestInfo(q.request()).build();
                add(SearchFilter.compileRule("id='' || (\n" + listRule + "\n)", joinedResolver, d, Clock.systemUTC()),
                        conditions, whereParams);
                listRuleResolvers.add(joinedResolver);
            }
        } catch (FilterException e) {
            // clients get PocketBase's generic message; Java callers find the reason in the cause
            ApiException refused = ApiException.badRequest("");
            refused.initCause(e);
            throw refused;
        }
        if (!q.ids().isEmpty()) {
            conditions.add(d.quote(table) + "." + d.quote("id") + " IN (" + String.join(", ", q.ids().stream().map(x -> "?").toList()) + ")");
            whereParams.addAll(q.ids());
        }
        Map<String, SqlJoin> joins = new LinkedHashMap<>();
        ruleResolver.joins().forEach(j -> joins.putIfAbsent(j.alias(), j));
        clientResolver.joins().forEach(j -> joins.putIfAbsent(j.alias(), j));
        listRuleResolvers.forEach(r -> r.joins().forEach(j -> joins.putIfAbsent(j.alias(), j)));
        StringBuilder joinSql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (SqlJoin j : joins.values()) {
            SqlFragment f = j.toSql(d.quote(j.alias()));
            joinSql.append(' ').append(f.sql());
            params.addAll(f.params());
        }
        params.addAll(whereParams);
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        return new SearchSql(!joins.isEmpty(), joinSql.toString(), where, orderBy, params, orderParams);
    }

    /**
     * The count query's SELECT expression: a plain {@code COUNT(*)} where no join can repeat a row (SQLite answers it
     * from the smallest index without a temporary b-tree), the distinct row count otherwise; a view counts its ids.
     */
    String countExpression(Collection c, SqlDialect d) {
        if (c.isView()) {
            return "COUNT(DISTINCT " + d.quote(c.name()) + "." + d.quote("id") + ")";
        }
        return distinct ? "COUNT(DISTINCT " + d.rowId(c.name()) + ")" : "COUNT(*)";
    }

    private static void add(SqlFragment f, List<String> conditions, List<Object> params) {
        conditions.add("(" + f.sql() + ")");
        params.addAll(f.params());
    }
}
