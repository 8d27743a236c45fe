package io.pb4j.http.internal.forms;

import io.pb4j.core.ApiException;
import io.pb4j.core.ValidationError;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.http.internal.records.RequestBody;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * The {@code {"query": "..."}} form of the SQL endpoints (view dry run, SQL console): required, at most
 * {@code max} characters, else PocketBase's 400 with the {@code query} error.
 */
public final class QueryForm {
    private QueryForm() {
    }

    /** The validated query, as sent. */
    public static String read(RequestEvent e, int max) {
        String query = query(e);
        if (query.isEmpty()) {
            throw invalid(ValidationError.required());
        }
        if (query.codePointCount(0, query.length()) > max) {
            throw invalid(new ValidationError("validation_length_too_long",
                    "The length must be no more than " + max + ".", Map.of("max", max)));
        }
        return query;
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
