package io.pb4j.http.internal.records;

import io.pb4j.core.ApiException;
import io.pb4j.core.Collection;
import io.pb4j.core.Record;
import io.pb4j.core.RecordPage;
import io.pb4j.core.RecordQuery;
import io.pb4j.core.RecordRequestEvent;
import io.pb4j.core.RecordsListRequestEvent;
import io.pb4j.core.RecordUpsert;
import io.pb4j.core.RequestInfo;
import io.pb4j.core.ValidationException;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.router.Router;
import io.pb4j.core.spi.StoreException;
import io.pb4j.http.internal.QueryParams;
import io.pb4j.http.internal.ratelimit.ListTimingThrottle;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** PocketBase's records API: {@code /api/collections/{collection}/records[/{id}]}. */
public final class RecordsApi {
    /** Looked up once: {@code jakarta.json.Json}'s static methods look the provider up on every call (~2 µs each). */
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;

    private static final String BASE = "/api/collections/{collection}/records";

    private RecordsApi() {
    }

    public static void bind(Router router) {
        router.get(BASE, RecordsApi::list);
        router.get(BASE + "/{id}", RecordsApi::view);
        router.post(BASE, RecordsApi::create);
        router.patch(BASE + "/{id}", RecordsApi::update);
        router.delete(BASE + "/{id}", RecordsApi::delete);
    }

    private static Collection collection(RequestEvent e) {
        return e.app().findCollection(e.pathParam("collection"))
                .orElseThrow(() -> ApiException.notFound("Missing collection context."));
    }

    private static String rule(RequestEvent e, Optional<String> rule) {
        if (e.isSuperuser()) {
            return "";
        }
        return rule.orElseThrow(() -> ApiException.forbidden("Only superusers can perform this action."));
    }

    private static void list(RequestEvent e) {
        Collection c = collection(e);
        String rule = rule(e, c.listRule());
        String filter = e.queryParam("filter");
        String sort = e.queryParam("sort");
        if (!e.isSuperuser()) {
            for (String expr : new String[] {filter, sort}) {
                if (expr.contains("@collection.")) {
                    throw ApiException.forbidden("Only superusers can filter by @collection.");
                }
                if (expr.contains("@request.")) {
                    throw ApiException.forbidden("Only superusers can filter by @request.");
                }
            }
        }
        RecordQuery query = RecordQuery.builder().rule(rule).filter(filter).sort(sort).page(QueryParams.intParam(e, "page"))
                .perPage(QueryParams.intParam(e, "perPage")).skipTotal(boolParam(e, "skipTotal")).clientFilter(!e.isSuperuser())
                .request(e.requestInfo(Map.of())).build();
        RecordPage page;
        try {
            page = e.app().search(c, query);
        } catch (StoreException failed) {
            // as PocketBase's list: a query that fails (a cancelled or timed-out one too) is the request's 400
            throw ApiException.badRequest("");
        }
        ListTimingThrottle.afterList(e, c, page.items().isEmpty());
        e.app().hooks().recordsListRequest().trigger(new RecordsListRequestEvent(e, c, page), ev -> {
            RecordPage p = ev.page();
            JsonArrayBuilder items = JSON.createArrayBuilder();
            e.app().expand(p.items(), e.queryParam("expand"), e.requestInfo(Map.of())).forEach(items::add);
            e.json(200, JSON.createObjectBuilder()
                    .add("items", items)
                    .add("page", p.page())
                    .add("perPage", p.perPage())
                    .add("totalItems", p.totalItems())
                    .add("totalPages", p.totalPages())
                    .build());
        });
    }

    private static void view(RequestEvent e) {
        Collection c = collection(e);
        String rule = rule(e, c.viewRule());
        Record r = fetch(e, c, rule, Map.of());
        e.app().hooks().recordViewRequest().trigger(new RecordRequestEvent(e, c, Optional.of(r)),
                ev -> e.json(200, expanded(e, r)));
    }

    private static void create(RequestEvent e) {
        Collection c = collection(e);
        e.bodyLimit(RequestBody.limit(c));
        if (c.isView()) {
            throw ApiException.badRequest("Unsupported collection type.");
        }
        // as PocketBase's request info: the body is read (413 past the limit, 400 when malformed) before any rule
        Map<String, Object> body = RequestBody.read(e);
        String rule = rule(e, c.createRule());
        Record r = Record.create(c);
        RequestInfo info = e.requestInfo(Map.of());
        RecordUpsert form = e.app().upsert(r, info).load(body);
        e.app().hooks().recordCreateRequest().trigger(new RecordRequestEvent(e, c, Optional.of(r)), ev -> {
            io.pb4j.http.internal.batch.BatchDeadline.check(e);
            try {
                form.create(rule);
            } catch (ValidationException ex) {
                throw ApiException.badRequest("Failed to create record.", ex.errors());
            } catch (StoreException ex) {
                // as PocketBase: a save the database refuses (its table renamed meanwhile, say) is the request's 400
                throw ApiException.badRequest("Failed to create record.");
            }
            e.json(200, expanded(e, r, info));
        });
    }

    private static void update(RequestEvent e) {
        Collection c = collection(e);
        e.bodyLimit(RequestBody.limit(c));
        if (c.isView()) {
            throw ApiException.badRequest("Unsupported collection type.");
        }
        Map<String, Object> body = RequestBody.read(e);
        String rule = rule(e, c.updateRule());
        Record r = fetch(e, c, "", Map.of());
        RecordUpsert form = e.app().upsert(r, e.requestInfo(Map.of())).load(body);
        if (!rule.isBlank()) {
            // the update rule sees the stored row, and the body with its modifiers resolved as @request.body
            fetch(e, c, rule, form.requestInfo().body());
        }
        e.app().hooks().recordUpdateRequest().trigger(new RecordRequestEvent(e, c, Optional.of(r)), ev -> {
            io.pb4j.http.internal.batch.BatchDeadline.check(e);
            try {
                form.update();
            } catch (ValidationException ex) {
                throw ApiException.badRequest("Failed to update record.", ex.errors());
            } catch (StoreException ex) {
                throw ApiException.badRequest("Failed to update record.");
            }
            e.json(200, expanded(e, r));
        });
    }

    private static void delete(RequestEvent e) {
        Collection c = collection(e);
        if (c.isView()) {
            throw ApiException.badRequest("Unsupported collection type.");
        }
        String rule = rule(e, c.deleteRule());
        Record r = fetch(e, c, rule, Map.of());
        e.app().hooks().recordDeleteRequest().trigger(new RecordRequestEvent(e, c, Optional.of(r)), ev -> {
            io.pb4j.http.internal.batch.BatchDeadline.check(e);
            e.app().delete(r);
            e.noContent();
        });
    }

    /** The record by id, or 404 when it is missing or the rule (seeing {@code body} as @request.body) rejects it. */
    private static Record fetch(RequestEvent e, Collection c, String rule, Map<String, Object> body) {
        String id = e.pathParam("id");
        try {
            if (rule.isBlank()) {
                return e.app().findRecordById(c, id).orElseThrow(ApiException::notFound);
            }
            return e.app().search(c, RecordQuery.byId(rule, id).withRequest(e.requestInfo(body))).items().stream().findFirst()
                    .orElseThrow(ApiException::notFound);
        } catch (ApiException | StoreException ex) {
            // as PocketBase's fetch: a rule that fails to build, a query that fails to run (timed out, or its table
            // renamed by a concurrent collection change) — the record is not found
            throw ApiException.notFound();
        }
    }

    /** The record as the API writes it to this requester, with the relations {@code ?expand=} asks for. */
    private static JsonObject expanded(RequestEvent e, Record r) {
        return e.app().expand(List.of(r), e.queryParam("expand"), e.requestInfo(Map.of())).getFirst();
    }

    /**
     * As {@link #expanded(RequestEvent, Record)} with the request info built earlier in the handler, unless a hook
     * changed the request's auth since (building it again copies every header and query value).
     */
    private static JsonObject expanded(RequestEvent e, Record r, RequestInfo earlier) {
        RequestInfo now = earlier.auth().orElse(null) == e.auth().orElse(null) ? earlier : e.requestInfo(Map.of());
        return e.app().expand(List.of(r), e.queryParam("expand"), now).getFirst();
    }

    private static boolean boolParam(RequestEvent e, String name) {
        return switch (e.queryParam(name)) {
            case "" , "0", "f", "F", "FALSE", "false", "False" -> false;
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            default -> throw ApiException.badRequest("");
        };
    }
}
