package io.pb4j.http.internal.collections;

import io.pb4j.core.ApiException;
import io.pb4j.core.CollectionsRequestEvent;
import io.pb4j.core.StrictJson;
import io.pb4j.core.ValidationError;
import io.pb4j.core.ValidationException;
import io.pb4j.core.router.RequestEvent;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** PocketBase's {@code PUT /api/collections/import}: {@code {"collections": [...], "deleteMissing": bool}}, 204 on success. */
final class CollectionsImportApi {
    private CollectionsImportApi() {
    }

    static void importCollections(RequestEvent e) {
        JsonObject form = readForm(e);
        List<JsonObject> collections = new ArrayList<>();
        if (form.get("collections") instanceof JsonArray array) {
            array.forEach(v -> collections.add(v instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT));
        }
        if (collections.isEmpty()) {
            throw ApiException.badRequest("An error occurred while validating the submitted data.",
                    Map.of("collections", ValidationError.required()));
        }
        e.app().onCollectionsImportRequest().trigger(new CollectionsRequestEvent(e, form), ev -> {
            JsonObject data = ev.data() instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
            List<JsonObject> items = new ArrayList<>();
            if (data.get("collections") instanceof JsonArray array) {
                array.forEach(v -> items.add(v instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT));
            }
            try {
                e.app().importCollections(items, data.getBoolean("deleteMissing", false));
            } catch (ValidationException ex) {
                throw ApiException.badRequest("Failed to import collections.", ex.errors());
            }
            e.noContent();
        });
    }

    /** The body as Go's JSON binding accepts it: an object, {@code collections} an array of objects (or null), a boolean flag. */
    private static JsonObject readForm(RequestEvent e) {
        byte[] body = e.body();
        if (body.length == 0) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        ApiException invalid = ApiException.badRequest("An error occurred while loading the submitted data.");
        JsonValue parsed = StrictJson.parse(body).orElseThrow(() -> invalid);
        if (parsed == JsonValue.NULL) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        if (!(parsed instanceof JsonObject form)) {
            throw invalid;
        }
        JsonValue collections = form.getOrDefault("collections", JsonValue.NULL);
        if (collections != JsonValue.NULL && !(collections instanceof JsonArray array
                && array.stream().allMatch(v -> v instanceof JsonObject || v == JsonValue.NULL))) {
            throw invalid;
        }
        JsonValue flag = form.getOrDefault("deleteMissing", JsonValue.NULL);
        if (flag != JsonValue.NULL && flag != JsonValue.TRUE && flag != JsonValue.FALSE) {
            throw invalid;
        }
        return form;
    }
}
