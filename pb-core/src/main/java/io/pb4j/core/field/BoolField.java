package io.pb4j.core.field;

import io.pb4j.core.ValidationError;
import io.pb4j.core.internal.Cast;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** PocketBase's {@code bool} field, stored as 0/1. {@code required} means the value must be {@code true}. */
public record BoolField(String id, String name, boolean system, boolean hidden, boolean presentable, String help,
        boolean required) implements Field {
    /** The type name in PocketBase's JSON. */
    public static final String TYPE = "bool";

    /** A builder of a {@code bool} field named {@code name}; see {@link FieldBuilder}. */
    public static FieldBuilders.Bool builder(String name) {
        return new FieldBuilders.Bool(name);
    }

    /** Creates the value from its components. */
    public BoolField {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(help, "help");
    }

    /** Reads a definition; missing options take their zero values. */
    public static BoolField fromJson(JsonObject json) {
        return new BoolField(Definitions.str(json, "id"), Definitions.str(json, "name"),
                Definitions.bool(json, "system"), Definitions.bool(json, "hidden"),
                Definitions.bool(json, "presentable"), Definitions.str(json, "help"),
                Definitions.bool(json, "required"));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject toJson() {
        return Definitions.write(this, help, Map.of("required", required));
    }

    @Override
    public String columnType() {
        return "BOOLEAN DEFAULT FALSE NOT NULL";
    }

    @Override
    public Boolean defaultValue() {
        return false;
    }

    @Override
    public Boolean coerce(Object raw) {
        return Cast.toBool(raw);
    }

    /** JDBC gives 0/1 as Integer or Long, sometimes {@code "1"}/{@code "0"} text. */
    @Override
    public Boolean fromColumn(Object column) {
        return Cast.toBool(column);
    }

    @Override
    public Object toColumn(Object value) {
        return coerce(value);
    }

    @Override
    public JsonValue toJsonValue(Object value) {
        return coerce(value) ? JsonValue.TRUE : JsonValue.FALSE;
    }

    @Override
    public Optional<ValidationError> validate(Object value) {
        return required && !coerce(value) ? Optional.of(Errors.required()) : Optional.empty();
    }

    @Override
    public Map<String, ValidationError> validateDefinition() {
        return Definitions.common(this, help);
    }
}
