package io.pb4j.core.field;

import io.pb4j.core.ValidationError;
import io.pb4j.core.internal.Numbers;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * PocketBase's {@code json} field: any JSON value, {@code JsonValue.NULL} when empty (a nullable column).
 * {@code maxSize} ≤ 0 means 1 MiB. Strings are special so that form values can carry JSON: see {@link #coerce}.
 */
public record JsonField(String id, String name, boolean system, boolean hidden, boolean presentable, String help,
        long maxSize, boolean required) implements Field {
    /** Not {@code jakarta.json.Json}, whose static methods look the provider up on every call (~2 µs each). */
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.internal.Json.PROVIDER;

    /** The type name in PocketBase's JSON. */
    public static final String TYPE = "json";

    /** A builder of a {@code json} field named {@code name}; see {@link FieldBuilder}. */
    public static FieldBuilders.Json builder(String name) {
        return new FieldBuilders.Json(name);
    }
    /** PocketBase's size limit when {@code maxSize} is 0: 1 MiB. */
    public static final long DEFAULT_MAX_SIZE = 1L << 20;
    private static final System.Logger LOG = System.getLogger(JsonField.class.getName());

    /** Creates the value from its components. */
    public JsonField {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(help, "help");
    }

    /** Reads a definition; missing options take their zero values. */
    public static JsonField fromJson(JsonObject json) {
        return new JsonField(Definitions.str(json, "id"), Definitions.str(json, "name"),
                Definitions.bool(json, "system"), Definitions.bool(json, "hidden"),
                Definitions.bool(json, "presentable"), Definitions.str(json, "help"),
                Definitions.longValue(json, "maxSize"), Definitions.bool(json, "required"));
    }

    /** The byte limit in effect. */
    public long effectiveMaxSize() {
        return maxSize <= 0 ? DEFAULT_MAX_SIZE : maxSize;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject toJson() {
        return Definitions.write(this, help, Map.of("maxSize", maxSize, "required", required));
    }

    @Override
    public String columnType() {
        return "JSON DEFAULT NULL";
    }

    @Override
    public JsonValue defaultValue() {
        return JsonValue.NULL;
    }

    /**
     * JSON values as they are; a string is {@code ""} → the JSON string {@code ""}; {@code null}/{@code true}/
     * {@code false} → those literals; starting with a digit, {@code -}, {@code "}, {@code [} or <code>{</code> and valid
     * JSON → the parsed value; anything else → a JSON string. Plain Java numbers, booleans, lists and maps convert.
     */
    @Override
    public JsonValue coerce(Object raw) {
        return switch (raw) {
            case null -> JsonValue.NULL;
            case JsonString s -> fromString(s.getString());
            case JsonNumber n when !Double.isFinite(n.doubleValue()) -> JsonValue.NULL;
            case JsonValue v -> v;
            case String s -> fromString(s);
            case Boolean b -> b ? JsonValue.TRUE : JsonValue.FALSE;
            // JSON has no NaN or infinity: Go's json.Marshal refuses them and PocketBase keeps no value
            case Number n when !Double.isFinite(n.doubleValue()) -> JsonValue.NULL;
            case Double d -> Numbers.toJson(d);
            case Float f -> Numbers.toJson(f.doubleValue());
            case Number n -> JSON.createValue(new java.math.BigDecimal(n.toString()));
            case Collection<?> c -> JSON.createArrayBuilder(c).build();
            case Map<?, ?> m -> JSON.createObjectBuilder(stringKeys(m)).build();
            default -> JSON.createValue(raw.toString());
        };
    }

    private static JsonValue fromString(String s) {
        if (s.isEmpty()) {
            return JSON.createValue("");
        }
        switch (s) {
            case "null":
                return JsonValue.NULL;
            case "true":
                return JsonValue.TRUE;
            case "false":
                return JsonValue.FALSE;
            default:
                break;
        }
        char c = s.charAt(0);
        if ((c >= '0' && c <= '9') || c == '-' || c == '"' || c == '[' || c == '{') {
            Optional<JsonValue> parsed = parse(s);
            if (parsed.isPresent()) {
                return parsed.get();
            }
        }
        return JSON.createValue(s);
    }

    private static Optional<JsonValue> parse(String text) {
        return io.pb4j.core.internal.Json.parse(text);
    }

    /**
     * Column text is JSON; SQLite's NUMERIC affinity of a {@code JSON} column may hand back numbers. A value no JSON
     * can hold ({@code Inf}, stored by hand or by an older pb4j from {@code 1e999}) is shown as {@code null}.
     */
    @Override
    public JsonValue fromColumn(Object column) {
        return switch (column) {
            case null -> JsonValue.NULL;
            case Number n when !Double.isFinite(n.doubleValue()) -> {
                LOG.log(System.Logger.Level.WARNING, "json field " + name + " holds " + n + ", which JSON cannot "
                        + "hold: shown as null");
                yield JsonValue.NULL;
            }
            case String s -> s.isEmpty() ? JsonValue.NULL : parse(s).orElse(JSON.createValue(s));
            case byte[] bytes -> fromColumn(new String(bytes, StandardCharsets.UTF_8));
            default -> coerce(column);
        };
    }

    /** Compact JSON text, or SQL {@code NULL} for the empty value. */
    @Override
    public Object toColumn(Object value) {
        JsonValue v = coerce(value);
        return v == JsonValue.NULL ? null : v.toString();
    }

    @Override
    public JsonValue toJsonValue(Object value) {
        return coerce(value);
    }

    @Override
    public Optional<ValidationError> validate(Object value) {
        JsonValue v = coerce(value);
        String text = v.toString();
        long limit = effectiveMaxSize();
        if (text.getBytes(StandardCharsets.UTF_8).length > limit) {
            return Optional.of(Errors.of("validation_json_size_limit",
                    "The maximum allowed JSON size is {{.maxSize}} bytes", Map.of("maxSize", limit)));
        }
        if (required && isEmpty(v)) {
            return Optional.of(Errors.required());
        }
        return Optional.empty();
    }

    private static boolean isEmpty(JsonValue v) {
        return v == JsonValue.NULL
                || (v instanceof JsonString s && s.getString().isEmpty())
                || (v instanceof JsonArray a && a.isEmpty())
                || (v instanceof JsonObject o && o.isEmpty());
    }

    @Override
    public Map<String, ValidationError> validateDefinition() {
        Map<String, ValidationError> errors = Definitions.common(this, help);
        Definitions.range(errors, "maxSize", maxSize, 0, Definitions.MAX_SAFE_JSON_INT);
        return errors;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> m) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
