package io.pb4j.http.internal.batch;

import io.pb4j.core.ApiException;
import io.pb4j.core.BatchRequestEvent;
import io.pb4j.core.StrictJson;
import io.pb4j.core.Collection;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.router.Router;
import io.pb4j.http.internal.forms.MultipartWriter;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PocketBase's {@code POST /api/batch}: record creates, updates, upserts and deletes run one after another through
 * the records routes, all in one transaction, with the outer request's auth and {@code @request.context = "batch"}.
 * The first failing sub-request, or the timeout, rolls everything back.
 */
public final class BatchApi {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private static final long DEFAULT_MAX_BODY = 128L << 20;
    private static final Pattern UPSERT = Pattern.compile("^PUT /api/collections/([^/?]+)/records(\\?.*)?$");
    private static final List<Pattern> ACTIONS = List.of(
            Pattern.compile("^POST /api/collections/([^/?]+)/records(\\?.*)?$"),
            Pattern.compile("^PATCH /api/collections/([^/?]+)/records/([^/?]+)(\\?.*)?$"),
            Pattern.compile("^DELETE /api/collections/([^/?]+)/records/([^/?]+)(\\?.*)?$"));

    private BatchApi() {
    }

    public static void bind(Router router) {
        router.post("/api/batch", BatchApi::batch);
    }

    private static void batch(RequestEvent e) {
        JsonObject settings = e.app().settings().getJsonObject("batch");
        int maxRequests = number(settings, "maxRequests", 0);
        if (settings == null || !settings.getBoolean("enabled", false) || maxRequests <= 0) {
            throw ApiException.forbidden("Batch requests are not allowed.");
        }
        long timeoutMillis = number(settings, "timeout", 0) <= 0 ? 3000 : number(settings, "timeout", 0) * 1000L;
        long maxBody = settings.get("maxBodySize") instanceof JsonNumber n && n.longValue() > 0 ? n.longValue() : DEFAULT_MAX_BODY;
        e.bodyLimit(maxBody);
        List<BatchRequest> requests = BatchForm.read(e, maxRequests);
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        Router router = e.app().router();
        List<JsonObject> described = requests.stream().map(r -> JSON.createObjectBuilder().add("method", r.method())
                .add("url", r.url()).add("body", r.body()).build()).toList();
        e.app().onBatchRequest().trigger(new BatchRequestEvent(e, described), ev -> {
            JsonArrayBuilder results = JSON.createArrayBuilder();
            e.app().store().write(s -> {
                for (int i = 0; i < requests.size(); i++) {
                    RequestEvent sub = run(e, router, requests.get(i), i, deadline);
                    results.add(JSON.createObjectBuilder().add("body", parse(sub.responseBody())).add("status", sub.responseStatus()));
                    if (System.nanoTime() > deadline) {
                        throw ApiException.badRequest("Batch transaction failed.");
                    }
                }
                return null;
            });
            e.json(200, results.build());
        });
    }

    /** Runs sub-request {@code i}; a failure aborts the transaction with PocketBase's "Batch transaction failed.". */
    private static RequestEvent run(RequestEvent outer, Router router, BatchRequest request, int i, long deadline) {
        BatchRequest r = resolveUpsert(outer, request);
        String action = r.method().toUpperCase(java.util.Locale.ROOT) + " " + r.url();
        RequestEvent sub;
        if (ACTIONS.stream().noneMatch(p -> p.matcher(action).matches())) {
            sub = null;
        } else {
            MultipartWriter body = new MultipartWriter();
            body.field("@jsonPayload", r.body().toString());
            r.files().forEach((key, files) -> files.forEach(f -> body.file(key, f)));
            byte[] content = body.finish();
            InternalRequest http = InternalRequest.of(r.method().toUpperCase(java.util.Locale.ROOT), r.url(),
                    headers(outer, r, body.contentType()), content, outer.request().remoteIp());
            sub = router.dispatchRoute(outer.app(), http, ev -> {
                outer.auth().ifPresent(ev::auth);
                ev.infoContext("batch");
                BatchDeadline.set(ev, deadline);
            });
        }
        if (BatchDeadline.passed(deadline)) {
            // the timeout, not the sub-request's own answer, as PocketBase abandons the batch at its deadline
            throw ApiException.badRequest("Batch transaction failed.");
        }
        if (sub == null || sub.responseStatus() >= 400) {
            JsonValue response = sub == null
                    ? JSON.createObjectBuilder().add("data", JsonValue.EMPTY_JSON_OBJECT)
                            .add("message", ApiException.defaultMessage(400)).add("status", 400).build()
                    : parse(sub.responseBody());
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("code", "batch_request_failed");
            failure.put("message", "Batch request failed.");
            failure.put("response", response);
            throw ApiException.badRequest("Batch transaction failed.", Map.of("requests", Map.of(String.valueOf(i), failure)));
        }
        return sub;
    }

    /** PUT …/records: an update when {@code body.id} names a stored record (no rules asked), else a create. */
    private static BatchRequest resolveUpsert(RequestEvent outer, BatchRequest r) {
        Matcher m = UPSERT.matcher(r.method().toUpperCase(java.util.Locale.ROOT) + " " + r.url());
        if (!m.matches()) {
            return r;
        }
        String collection = m.group(1);
        String query = m.group(2) == null ? "" : m.group(2);
        JsonValue rawId = r.body().get("id");
        String id = rawId instanceof JsonString s ? s.getString() : rawId instanceof JsonNumber n ? n.toString() : "";
        if (!id.isEmpty()) {
            Collection c = io.pb4j.http.internal.forms.UrlEncodedForm.decode(collection)
                    .flatMap(name -> outer.app().findCollection(name)).orElse(null);
            if (c != null && outer.app().findRecordById(c, id).isPresent()) {
                return r.withTarget("PATCH", "/api/collections/" + collection + "/records/" + id + query);
            }
        }
        return r.withTarget("POST", "/api/collections/" + collection + "/records" + query);
    }

    /** The outer headers, overridden by the sub-request's own (never {@code Authorization}), as a multipart body. */
    private static Map<String, List<String>> headers(RequestEvent outer, BatchRequest r, String contentType) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        outer.request().headers().forEach((k, v) -> out.put(k, List.copyOf(v)));
        r.headers().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Authorization")) {
                out.keySet().removeIf(existing -> existing.equalsIgnoreCase(k));
                out.put(k, List.of(v));
            }
        });
        out.keySet().removeIf(k -> k.equalsIgnoreCase("Content-Type") || k.equalsIgnoreCase("Content-Length"));
        out.put("Content-Type", List.of(contentType));
        return out;
    }

    private static JsonValue parse(byte[] body) {
        if (body.length == 0) {
            return JsonValue.NULL;
        }
        return StrictJson.parse(body).orElseGet(() -> JSON.createValue(new String(body, StandardCharsets.UTF_8)));
    }

    private static int number(JsonObject o, String key, int fallback) {
        return o != null && o.get(key) instanceof JsonNumber n ? n.intValue() : fallback;
    }
}
