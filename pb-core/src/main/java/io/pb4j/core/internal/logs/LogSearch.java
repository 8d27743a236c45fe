package io.pb4j.core.internal.logs;

import io.pb4j.core.ApiException;
import io.pb4j.core.DateTimes;
import io.pb4j.core.Log;
import io.pb4j.core.LogPage;
import io.pb4j.core.LogsStatsItem;
import io.pb4j.core.internal.Json;
import io.pb4j.core.internal.search.FilterException;
import io.pb4j.core.internal.search.SearchFilter;
import io.pb4j.core.internal.search.SortCompiler;
import io.pb4j.core.internal.search.SqlFragment;
import io.pb4j.core.spi.SqlDialect;
import io.pb4j.core.spi.SqlSession;
import io.pb4j.core.spi.StoreException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code _logs} as PocketBase's logs API does: the list with filter/sort/paging (no default order, so rows come
 * in insertion order), one entry by id, and hourly counts. Stateless.
 */
public final class LogSearch {
    private LogSearch() {
    }

    /** @throws ApiException 400 (PocketBase's empty-message bad request) for a filter or sort it cannot compile */
    public static LogPage list(SqlSession s, String filter, String sort, int page, int perPage, boolean skipTotal) {
        SqlDialect d = s.dialect();
        LogColumnsResolver resolver = new LogColumnsResolver(d);
        List<Object> params = new ArrayList<>();
        String where;
        String orderBy = "";
        try {
            where = where(filter, resolver, d, params);
            List<String> order = new ArrayList<>();
            for (SqlFragment f : SortCompiler.compile(sort, resolver, d)) {
                order.add(f.sql());
                params.addAll(f.params());
            }
            if (!order.isEmpty()) {
                orderBy = " ORDER BY " + String.join(", ", order);
            }
        } catch (FilterException | IllegalArgumentException e) {
            throw ApiException.badRequest("");
        }
        String from = " FROM " + d.quote(LogColumnsResolver.TABLE) + where;
        try {
            long total = -1;
            if (!skipTotal) {
                // sort entries bind no values (SortCompiler refuses them), so the count takes the same params
                total = ((Number) s.query("SELECT COUNT(*) AS total" + from, params).get(0).get("total")).longValue();
            }
            List<Object> pageParams = new ArrayList<>(params);
            pageParams.add(perPage);
            pageParams.add((long) perPage * (page - 1));
            List<Log> items = new ArrayList<>();
            for (Map<String, Object> row : s.query("SELECT " + columns(d) + from + orderBy + " LIMIT ? OFFSET ?", pageParams)) {
                items.add(toLog(row));
            }
            return new LogPage(items, page, perPage, total, total < 0 ? -1 : (total + perPage - 1) / perPage);
        } catch (StoreException e) {
            throw ApiException.badRequest("");
        }
    }

    public static Optional<Log> findById(SqlSession s, String id) {
        SqlDialect d = s.dialect();
        List<Map<String, Object>> rows = s.query("SELECT " + columns(d) + " FROM " + d.quote(LogColumnsResolver.TABLE)
                + " WHERE " + d.quote("id") + " = ? LIMIT 1", List.of(id));
        return rows.isEmpty() ? Optional.empty() : Optional.of(toLog(rows.get(0)));
    }

    /** @throws ApiException 400 {@code Invalid filter format.} for a filter it cannot compile */
    public static List<LogsStatsItem> stats(SqlSession s, String filter) {
        SqlDialect d = s.dialect();
        List<Object> params = new ArrayList<>();
        String where;
        try {
            where = where(filter, new LogColumnsResolver(d), d, params);
        } catch (FilterException | IllegalArgumentException e) {
            throw ApiException.badRequest("Invalid filter format.");
        }
        String hour = d.strftime(List.of("'%Y-%m-%d %H:00:00'", d.quote("created")));
        List<LogsStatsItem> out = new ArrayList<>();
        try {
            for (Map<String, Object> row : s.query("SELECT count(" + d.quote("id") + ") AS total, " + hour + " AS date FROM "
                    + d.quote(LogColumnsResolver.TABLE) + where + " GROUP BY date ORDER BY date", params)) {
                out.add(new LogsStatsItem(DateTimes.normalize(row.get("date")), ((Number) row.get("total")).longValue()));
            }
        } catch (StoreException e) {
            throw ApiException.badRequest("Failed to generate logs stats.");
        }
        return out;
    }

    /** PocketBase's {@code DeleteOldLogs}: removes the entries created at or before {@code createdBefore}. */
    public static int deleteCreatedBefore(SqlSession s, String createdBefore) {
        SqlDialect d = s.dialect();
        return s.execute("DELETE FROM " + d.quote(LogColumnsResolver.TABLE) + " WHERE " + d.quote("created") + " <= ?",
                List.of(createdBefore));
    }

    /** The settings-reload cleanup: entries created at or before {@code createdBefore}, or below {@code minLevel}. */
    public static int deleteOldOrBelow(SqlSession s, String createdBefore, int minLevel) {
        SqlDialect d = s.dialect();
        return s.execute("DELETE FROM " + d.quote(LogColumnsResolver.TABLE) + " WHERE " + d.quote("created") + " <= ? OR "
                + d.quote("level") + " < ?", List.of(createdBefore, minLevel));
    }

    public static int deleteAll(SqlSession s) {
        return s.execute("DELETE FROM " + s.dialect().quote(LogColumnsResolver.TABLE) + " WHERE 1 = 1", List.of());
    }

    private static String where(String filter, LogColumnsResolver resolver, SqlDialect d, List<Object> params) {
        if (filter.isBlank()) {
            return "";
        }
        SqlFragment f = SearchFilter.compile(filter, resolver, d);
        params.addAll(f.params());
        return " WHERE " + f.sql();
    }

    private static String columns(SqlDialect d) {
        return String.join(", ", d.quote("id"), d.quote("created"), d.quote("data"), d.quote("message"), d.quote("level"));
    }

    private static Log toLog(Map<String, Object> row) {
        Object raw = row.get("data");
        String text = raw instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : String.valueOf(raw);
        JsonObject data = Json.parse(text).filter(v -> v instanceof JsonObject)
                .map(v -> (JsonObject) LogJson.sorted(v)).orElse(JsonValue.EMPTY_JSON_OBJECT);
        Object level = row.get("level");
        return new Log(String.valueOf(row.get("id")), DateTimes.normalize(row.get("created")), data,
                row.get("message") == null ? "" : String.valueOf(row.get("message")),
                level instanceof Number n ? n.intValue() : 0);
    }
}
