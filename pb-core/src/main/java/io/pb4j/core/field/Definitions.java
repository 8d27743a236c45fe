package io.pb4j.core.field;

import io.pb4j.core.ValidationError;
import io.pb4j.core.internal.Numbers;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Reading and writing field definitions, and the checks every field definition shares. */
final class Definitions {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private static final Pattern NAME = Pattern.compile("^\\w+$");
    private static final Set<String> EXCLUDED_NAMES =
            Set.of("null", "true", "false", "_rowid_", "collectionId", "collectionName", "expand");

    /** Largest integer a JSON number holds exactly ({@code 2^53 - 1}). */
    static final long MAX_SAFE_JSON_INT = (1L << 53) - 1;

    private Definitions() {
    }

    // ---- reading (missing or mistyped options give the zero value, as Go's json decoding of a fresh struct does)

    static String str(JsonObject json, String key) {
        return json.get(key) instanceof JsonString s ? s.getString() : "";
    }

    static boolean bool(JsonObject json, String key) {
        return json.get(key) == JsonValue.TRUE;
    }

    static long longValue(JsonObject json, String key) {
        return json.get(key) instanceof JsonNumber n ? (long) n.doubleValue() : 0;
    }

    static int intValue(JsonObject json, String key) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, longValue(json, key)));
    }

    static Optional<Double> optionalDouble(JsonObject json, String key) {
        return json.get(key) instanceof JsonNumber n ? Optional.of(n.doubleValue()) : Optional.empty();
    }

    /** A string list option: absent or {@code null} stays empty (and is written back as {@code null}). */
    static Optional<List<String>> strings(JsonObject json, String key) {
        if (!(json.get(key) instanceof JsonArray array)) {
            return Optional.empty();
        }
        return Optional.of(array.stream().map(v -> v instanceof JsonString s ? s.getString() : "").toList());
    }

    // ---- writing

    /** The common keys plus {@code options}, sorted alphabetically. {@code help} is left out when null. */
    static JsonObject write(Field field, String help, Map<String, Object> options) {
        Map<String, Object> all = new TreeMap<>(options);
        all.put("id", field.id());
        all.put("name", field.name());
        all.put("type", field.type());
        all.put("system", field.system());
        all.put("hidden", field.hidden());
        all.put("presentable", field.presentable());
        if (help != null) {
            all.put("help", help);
        }
        JsonObjectBuilder b = JSON.createObjectBuilder();
        all.forEach((k, v) -> b.add(k, toJson(v)));
        return b.build();
    }

    static Object nullable(Optional<?> value) {
        return value.isPresent() ? value.get() : JsonValue.NULL;
    }

    private static JsonValue toJson(Object v) {
        return switch (v) {
            case JsonValue j -> j;
            case String s -> JSON.createValue(s);
            case Boolean b -> b ? JsonValue.TRUE : JsonValue.FALSE;
            case Integer i -> JSON.createValue(i);
            case Long l -> JSON.createValue(l);
            case Double d -> Numbers.toJson(d);
            case List<?> list -> JSON.createArrayBuilder(list).build();
            default -> throw new IllegalArgumentException("unsupported option value " + v);
        };
    }

    // ---- checks shared by every type (PocketBase's DefaultField{Id,Name,Help}ValidationRule)

    static Map<String, ValidationError> common(Field field, String help) {
        Map<String, ValidationError> errors = new LinkedHashMap<>();
        if (field.id().isEmpty()) {
            errors.put("id", Errors.required());
        } else if (field.id().length() > 100) {
            errors.put("id", Errors.lengthOutOfRange(1, 100));
        }
        nameError(field.name()).ifPresent(e -> errors.put("name", e));
        if (help != null && help.codePointCount(0, help.length()) > 300) {
            errors.put("help", Errors.lengthOutOfRange(1, 300));
        }
        return errors;
    }

    private static Optional<ValidationError> nameError(String name) {
        if (name.isEmpty()) {
            return Optional.of(Errors.required());
        }
        if (name.codePointCount(0, name.length()) > 100) {
            return Optional.of(Errors.lengthOutOfRange(1, 100));
        }
        if (!NAME.matcher(name).matches()) {
            return Optional.of(Errors.of("validation_match_invalid", "must be in a valid format"));
        }
        if (EXCLUDED_NAMES.contains(name)) {
            return Optional.of(Errors.of("validation_not_in_invalid", "must not be in list"));
        }
        if (name.toLowerCase().contains("_via_")) {
            return Optional.of(Errors.of("validation_found_via", "The value cannot contain \"_via_\"."));
        }
        return Optional.empty();
    }

    /** ozzo {@code Min(min), Max(max)} on an integer option; zero is skipped like ozzo skips empty values. */
    static void range(Map<String, ValidationError> errors, String key, long value, long min, long max) {
        if (value == 0 || errors.containsKey(key)) {
            return;
        }
        if (value < min) {
            errors.put(key, Errors.notLessThan(min));
        } else if (value > max) {
            errors.put(key, Errors.notGreaterThan(max));
        }
    }

    static void regex(Map<String, ValidationError> errors, String key, String pattern) {
        if (!errors.containsKey(key)) {
            Regexes.compileError(pattern).ifPresent(e -> errors.put(key, Errors.invalidRegex(e)));
        }
    }
}
