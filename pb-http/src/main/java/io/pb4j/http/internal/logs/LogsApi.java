package io.pb4j.http.internal.logs;

import io.pb4j.core.ApiException;
import io.pb4j.core.Log;
import io.pb4j.core.LogPage;
import io.pb4j.core.LogsStatsItem;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.router.RequestLog;
import io.pb4j.core.router.Route;
import io.pb4j.core.router.Router;
import io.pb4j.http.internal.Guards;
import jakarta.json.JsonArrayBuilder;
import java.util.List;

/**
 * PocketBase's logs API (superusers only; successful calls are not logged): {@code GET /api/logs},
 * {@code GET /api/logs/stats}, {@code GET /api/logs/{id}}, and v0.40's {@code DELETE /api/logs}.
 */
public final class LogsApi {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private LogsApi() {
    }

    public static void bind(Router router) {
        guarded(router.get("/api/logs", LogsApi::list));
        guarded(router.get("/api/logs/stats", LogsApi::stats));
        guarded(router.get("/api/logs/{id}", LogsApi::view));
        guarded(router.delete("/api/logs", LogsApi::truncate));
    }

    private static void guarded(Route route) {
        route.bind(Guards.requireSuperuser()).bind(RequestLog.skipSuccess());
    }

    private static void list(RequestEvent e) {
        LogPage page = e.app().logs().list(e.queryParam("filter"), e.queryParam("sort"), intParam(e, "page"),
                intParam(e, "perPage"), boolParam(e, "skipTotal"));
        JsonArrayBuilder items = JSON.createArrayBuilder();
        for (Log log : page.items()) {
            items.add(log.toJson());
        }
        e.json(200, JSON.createObjectBuilder()
                .add("items", items)
                .add("page", page.page())
                .add("perPage", page.perPage())
                .add("totalItems", page.totalItems())
                .add("totalPages", page.totalPages())
                .build());
    }

    private static void stats(RequestEvent e) {
        JsonArrayBuilder out = JSON.createArrayBuilder();
        for (LogsStatsItem item : e.app().logs().stats(e.queryParam("filter"))) {
            out.add(JSON.createObjectBuilder().add("date", item.date()).add("total", item.total()));
        }
        e.json(200, out.build());
    }

    private static void view(RequestEvent e) {
        String id = e.pathParam("id");
        Log log = id.isEmpty() ? null : e.app().logs().findById(id).orElse(null);
        if (log == null) {
            throw ApiException.notFound();
        }
        e.json(200, log.toJson());
    }

    private static void truncate(RequestEvent e) {
        e.app().logs().flush(); // what was queued before the request goes too
        e.app().logs().deleteAll();
        e.noContent();
    }

    /** Go's {@code strconv.Atoi} as PocketBase's search provider reads {@code page}/{@code perPage}: junk is a 400. */
    private static int intParam(RequestEvent e, String name) {
        String v = e.queryParam(name);
        if (v.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(v.startsWith("+") ? v.substring(1) : v);
        } catch (NumberFormatException ex) {
            throw ApiException.badRequest("");
        }
    }

    /** Go's {@code strconv.ParseBool}. */
    private static boolean boolParam(RequestEvent e, String name) {
        String v = e.queryParam(name);
        if (v.isEmpty() || List.of("0", "f", "F", "FALSE", "false", "False").contains(v)) {
            return false;
        }
        if (List.of("1", "t", "T", "TRUE", "true", "True").contains(v)) {
            return true;
        }
        throw ApiException.badRequest("");
    }
}
