package io.pb4j.core.field;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;

/** Test helpers: definitions from JSON text (single quotes stand for double quotes). */
final class Fixtures {
    private Fixtures() {
    }

    static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text.replace('\'', '"')))) {
            return reader.readObject();
        }
    }

    @SuppressWarnings("unchecked")
    static <T extends Field> T field(String text) {
        return (T) FieldTypes.fromJson(json(text));
    }
}
