package io.pb4j.http.internal.collections;

import io.pb4j.core.ApiException;
import io.pb4j.core.ValidationError;
import io.pb4j.core.ViewDryRun;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.http.internal.records.RequestBody;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * {@code POST /api/collections/meta/dry-run-view} (superusers only): the fields and a sample of up to 10 records of
 * the view a query would make. Body {@code {"query": "..."}}, required, at most 5000 characters.
 */
final class ViewDryRunApi {
    private static final int MAX_QUERY_LENGTH = 5000;
    private static final int SAMPLE_SIZE = 10;

    private ViewDryRunApi() {
    }

    static void dryRun(RequestEvent e) {
        String query = query(e);
        if (query.isEmpty()) {
            throw invalid(ValidationError.required());
        }
        if (query.codePointCount(0, query.length()) > MAX_QUERY_LENGTH) {
            throw invalid(new ValidationError("validation_length_too_long",
                    "The length must be no more than " + MAX_QUERY_LENGTH + ".", Map.of("max", MAX_QUERY_LENGTH)));
        }
        ViewDryRun run = e.app().dryRunView(query, SAMPLE_SIZE);
        JsonArrayBuilder fields = Json.createArrayBuilder();
        run.fields().forEach(f -> fields.add(f.toJson()));
        JsonArrayBuilder sample = Json.createArrayBuilder();
        run.sample().forEach(r -> sample.add(r.publicExport(false, false)));
        e.json(200, Json.createObjectBuilder().add("fields", fields).add("sample", sample).build());
    }

    private static String query(RequestEvent e) {
        Map<String, Object> body;
        try {
            body = RequestBody.read(e);
        } catch (ApiException ex) {
            throw ApiException.badRequest("An error occurred while loading the submitted data.");
        }
        Object raw = body.get("query");
        if (raw == null || raw == JsonValue.NULL) {
            return "";
        }
        if (raw instanceof JsonString s) {
            return s.getString();
        }
        if (raw instanceof String s) {
            return s;
        }
        throw ApiException.badRequest("An error occurred while loading the submitted data.");
    }

    private static ApiException invalid(ValidationError error) {
        return ApiException.badRequest("An error occurred while validating the submitted data.", Map.of("query", error));
    }
}
