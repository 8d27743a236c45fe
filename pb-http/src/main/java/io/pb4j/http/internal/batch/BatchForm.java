package io.pb4j.http.internal.batch;

import io.pb4j.core.ApiException;
import io.pb4j.core.StrictJson;
import io.pb4j.core.ValidationError;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.http.internal.forms.MultipartForm;
import io.pb4j.http.internal.forms.UrlEncodedForm;
import io.pb4j.http.internal.forms.UploadedFile;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates the body of {@code POST /api/batch}: {@code {"requests":[...]}} as JSON, or (what the SDK
 * sends) as the {@code @jsonPayload} part of a multipart form whose file parts are keyed
 * {@code requests.N.field} or {@code requests[N].field}.
 */
final class BatchForm {
    private static final String READ_ERROR = "Failed to read the submitted batch data.";
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private BatchForm() {
    }

    static List<BatchRequest> read(RequestEvent e, int maxRequests) {
        byte[] body = e.body();
        List<BatchRequest> requests = new ArrayList<>();
        if (body.length > 0) {
            String type = e.header("Content-Type").toLowerCase(Locale.ROOT);
            if (type.startsWith("application/json")) {
                requests = fromJson(parse(new String(body, StandardCharsets.UTF_8)));
            } else if (type.startsWith("multipart/form-data")) {
                MultipartForm form = MultipartForm.parse(e.header("Content-Type"), body, READ_ERROR);
                requests = fromPayloads(form.values().getOrDefault("@jsonPayload", List.of()));
                requests = attachFiles(requests, form.files());
            } else if (type.startsWith("application/x-www-form-urlencoded")) {
                requests = fromPayloads(UrlEncodedForm.parse(body, READ_ERROR).getOrDefault("@jsonPayload", List.of()));
            } else {
                throw ApiException.badRequest(READ_ERROR);
            }
        }
        validate(requests, maxRequests);
        return requests;
    }

    private static List<BatchRequest> fromPayloads(List<String> payloads) {
        List<BatchRequest> out = new ArrayList<>();
        for (String payload : payloads) {
            JsonValue v = parse(payload);
            if (v instanceof JsonObject o && o.containsKey("requests")) {
                out = fromJson(o); // like json.Unmarshal into the form: a later payload replaces the list
            } else if (!(v instanceof JsonObject)) {
                throw ApiException.badRequest(READ_ERROR);
            }
        }
        return out;
    }

    private static JsonValue parse(String text) {
        return StrictJson.parse(text).orElseThrow(() -> ApiException.badRequest(READ_ERROR));
    }

    private static List<BatchRequest> fromJson(JsonValue value) {
        if (value == JsonValue.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonObject o)) {
            throw ApiException.badRequest(READ_ERROR);
        }
        JsonValue list = o.getOrDefault("requests", JsonValue.NULL);
        if (list == JsonValue.NULL) {
            return List.of();
        }
        if (list.getValueType() != JsonValue.ValueType.ARRAY) {
            throw ApiException.badRequest(READ_ERROR);
        }
        List<BatchRequest> out = new ArrayList<>();
        for (JsonValue item : list.asJsonArray()) {
            JsonObject r = item == JsonValue.NULL ? JsonValue.EMPTY_JSON_OBJECT : object(item);
            Map<String, String> headers = new LinkedHashMap<>();
            object(r.getOrDefault("headers", JsonValue.NULL)).forEach((k, v) -> headers.put(k, string(v)));
            out.add(new BatchRequest(string(r.getOrDefault("method", JsonValue.NULL)), string(r.getOrDefault("url", JsonValue.NULL)),
                    headers, object(r.getOrDefault("body", JsonValue.NULL)), Map.of()));
        }
        return out;
    }

    private static JsonObject object(JsonValue v) {
        if (v == JsonValue.NULL) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (v instanceof JsonObject o) {
            return o;
        }
        throw ApiException.badRequest(READ_ERROR);
    }

    private static String string(JsonValue v) {
        if (v == JsonValue.NULL) {
            return "";
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw ApiException.badRequest(READ_ERROR);
    }

    /** Files keyed {@code requests.N.key} or {@code requests[N].key} go to request N under {@code key}. */
    private static List<BatchRequest> attachFiles(List<BatchRequest> requests, Map<String, List<UploadedFile>> files) {
        List<BatchRequest> out = new ArrayList<>(requests);
        for (int i = 0; i < out.size(); i++) {
            Map<String, List<UploadedFile>> own = new LinkedHashMap<>();
            for (String prefix : List.of("requests." + i + ".", "requests[" + i + "].")) {
                files.forEach((k, v) -> {
                    if (k.startsWith(prefix)) {
                        own.computeIfAbsent(k.substring(prefix.length()), x -> new ArrayList<>()).addAll(v);
                    }
                });
            }
            if (!own.isEmpty()) {
                out.set(i, out.get(i).withFiles(own));
            }
        }
        return out;
    }

    private static void validate(List<BatchRequest> requests, int maxRequests) {
        if (requests.isEmpty()) {
            throw invalid(ValidationError.required());
        }
        if (requests.size() > maxRequests) {
            throw invalid(new ValidationError("validation_length_too_long", "The length must be no more than " + maxRequests + ".",
                    Map.of("min", 0, "max", maxRequests)));
        }
        Map<String, Object> perRequest = new LinkedHashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            BatchRequest r = requests.get(i);
            Map<String, Object> errors = new LinkedHashMap<>();
            if (r.method().isEmpty()) {
                errors.put("method", ValidationError.required());
            } else if (!METHODS.contains(r.method())) {
                errors.put("method", new ValidationError("validation_in_invalid", "Must be a valid value."));
            }
            if (r.url().isEmpty()) {
                errors.put("url", ValidationError.required());
            } else if (r.url().length() > 2000) {
                errors.put("url", new ValidationError("validation_length_too_long", "The length must be no more than 2000.",
                        Map.of("min", 0, "max", 2000)));
            }
            if (!errors.isEmpty()) {
                perRequest.put(String.valueOf(i), errors);
            }
        }
        if (!perRequest.isEmpty()) {
            throw invalid(perRequest);
        }
    }

    private static ApiException invalid(Object requestsError) {
        return ApiException.badRequest("Invalid batch request data.", Map.of("requests", requestsError));
    }
}
