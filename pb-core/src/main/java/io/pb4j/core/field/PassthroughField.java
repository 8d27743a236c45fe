package io.pb4j.core.field;

import io.pb4j.core.ValidationError;
import io.pb4j.core.internal.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Optional;

/**
 * A field of a type whose module is absent (e.g. {@code file} without pb-files): its definition and stored values
 * are kept as they are, so opening an existing PocketBase database loses nothing. It cannot be written through
 * the API.
 */
public record PassthroughField(JsonObject definition) implements Field {
    /** Not {@code jakarta.json.Json}, whose static methods look the provider up on every call (~2 µs each). */
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.internal.Json.PROVIDER;

    @Override
    public String id() {
        return definition.getString("id", "");
    }

    @Override
    public String name() {
        return definition.getString("name", "");
    }

    @Override
    public String type() {
        return definition.getString("type", "");
    }

    @Override
    public boolean system() {
        return definition.getBoolean("system", false);
    }

    @Override
    public boolean hidden() {
        return definition.getBoolean("hidden", false);
    }

    @Override
    public boolean presentable() {
        return definition.getBoolean("presentable", false);
    }

    @Override
    public JsonObject toJson() {
        return definition;
    }

    /** Multi-valued when {@code maxSelect} is above 1, like PocketBase's file and relation fields. */
    private boolean multiple() {
        return definition.getInt("maxSelect", 1) > 1;
    }

    @Override
    public String columnType() {
        return multiple() ? "JSON DEFAULT '[]' NOT NULL" : "TEXT DEFAULT '' NOT NULL";
    }

    @Override
    public Object defaultValue() {
        return multiple() ? JsonValue.EMPTY_JSON_ARRAY : Json.toJson("");
    }

    @Override
    public Object coerce(Object raw) {
        return Json.toJson(raw);
    }

    @Override
    public Object fromColumn(Object column) {
        if (column == null) {
            return defaultValue();
        }
        String text = String.valueOf(column);
        if (text.startsWith("[") || text.startsWith("{")) {
            return Json.parse(text).orElse(Json.toJson(text));
        }
        return multiple() && !text.isEmpty() ? JSON.createArrayBuilder().add(text).build() : Json.toJson(text);
    }

    @Override
    public Object toColumn(Object value) {
        JsonValue v = (JsonValue) value;
        return v instanceof JsonString s ? s.getString() : Json.write(v);
    }

    @Override
    public JsonValue toJsonValue(Object value) {
        return (JsonValue) value;
    }

    @Override
    public Optional<ValidationError> validate(Object value) {
        return Optional.empty();
    }

    /** Always valid as stored; the collection validator refuses new or changed passthrough fields. */
    @Override
    public Map<String, ValidationError> validateDefinition() {
        return Map.of();
    }

    /** The error for a new or changed field of this type. */
    public ValidationError unavailable() {
        String module = "file".equals(type()) ? "the io.pb4j.files module (pb-files)" : "a module";
        return new ValidationError("validation_field_type_unavailable",
                "The " + type() + " field type needs " + module + ", which is not installed.");
    }

    /** PocketBase's field types, so a known type whose module is absent can be told from an invalid one. */
    public static final java.util.Set<String> POCKETBASE_TYPES = java.util.Set.of("text", "number", "bool", "email", "url",
            "editor", "date", "autodate", "select", "file", "relation", "json", "password", "geoPoint");
}
