package io.pb4j.auth.internal.oauth2.providers;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.List;

/**
 * Reads a provider's user payload the way PocketBase's Go structs decode it: a missing or differently typed value
 * reads as the zero value ("" / false), never as an error.
 */
final class JsonPath {
    private JsonPath() {
    }

    /** The value at the path of object keys, or {@code JsonValue.NULL}. */
    static JsonValue at(JsonValue root, String... path) {
        JsonValue v = root;
        for (String key : path) {
            if (!(v instanceof JsonObject o) || !o.containsKey(key)) {
                return JsonValue.NULL;
            }
            v = o.get(key);
        }
        return v;
    }

    /** A string (numbers as their plain text), or "". */
    static String str(JsonValue root, String... path) {
        return switch (at(root, path)) {
            case JsonString s -> s.getString();
            case JsonNumber n -> n.bigDecimalValue().stripTrailingZeros().toPlainString();
            default -> "";
        };
    }

    /** A numeric id as Go's {@code strconv.FormatInt} writes an {@code int64} field: "0" when absent. */
    static String intId(JsonValue root, String... path) {
        return switch (at(root, path)) {
            case JsonNumber n -> n.bigDecimalValue().toBigInteger().toString();
            case JsonString s -> s.getString();
            default -> "0";
        };
    }

    /** Whether a Go {@code bool} field decodes as true: only JSON {@code true}. */
    static boolean isTrue(JsonValue root, String... path) {
        return at(root, path) == JsonValue.TRUE;
    }

    /** spf13/cast's {@code ToBool} of an {@code any} field: true, a non-zero number or "1"/"t"/"true" (any case). */
    static boolean truthy(JsonValue root, String... path) {
        return switch (at(root, path)) {
            case JsonString s -> switch (s.getString()) {
                case "1", "t", "T", "TRUE", "true", "True" -> true;
                default -> false;
            };
            case JsonNumber n -> n.bigDecimalValue().compareTo(BigDecimal.ZERO) != 0;
            case JsonValue v -> v == JsonValue.TRUE;
        };
    }

    /** The objects of the array at the path (other entries skipped), or an empty list. */
    static List<JsonObject> objects(JsonValue root, String... path) {
        return at(root, path) instanceof JsonArray a
                ? a.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList()
                : List.of();
    }

    /** The strings of the array at the path, or an empty list. */
    static List<String> strings(JsonValue root, String... path) {
        return at(root, path) instanceof JsonArray a
                ? a.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).toList()
                : List.of();
    }

}
