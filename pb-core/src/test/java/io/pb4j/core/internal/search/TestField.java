package io.pb4j.core.internal.search;

import io.pb4j.core.ValidationError;
import io.pb4j.core.field.Field;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Optional;

/** A field definition fixture: only the metadata the resolver reads. */
record TestField(String name, String type, boolean hidden, int maxSelect) implements Field {
    static TestField of(String name, String type) {
        return new TestField(name, type, false, 0);
    }

    @Override
    public String id() {
        return "f_" + name;
    }

    @Override
    public boolean system() {
        return false;
    }

    @Override
    public boolean presentable() {
        return false;
    }

    @Override
    public JsonObject toJson() {
        return Json.createObjectBuilder().add("hidden", hidden).add("maxSelect", maxSelect).add("name", name)
                .add("type", type).build();
    }

    @Override
    public String columnType() {
        return "TEXT DEFAULT '' NOT NULL";
    }

    @Override
    public Object defaultValue() {
        return "";
    }

    @Override
    public Object coerce(Object raw) {
        return raw;
    }

    @Override
    public Object fromColumn(Object column) {
        return column;
    }

    @Override
    public Object toColumn(Object value) {
        return value;
    }

    @Override
    public JsonValue toJsonValue(Object value) {
        return JsonValue.NULL;
    }

    @Override
    public Optional<ValidationError> validate(Object value) {
        return Optional.empty();
    }

    @Override
    public Map<String, ValidationError> validateDefinition() {
        return Map.of();
    }
}
