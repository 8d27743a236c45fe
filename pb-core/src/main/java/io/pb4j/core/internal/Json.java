package io.pb4j.core.internal;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import java.io.StringWriter;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** JSON-P helpers shared by the core: parsing, compact writing, Java value conversion. */
public final class Json {
    private Json() {
    }

    /** Compact JSON text. */
    public static String write(JsonValue value) {
        StringWriter out = new StringWriter();
        try (JsonWriter w = jakarta.json.Json.createWriter(out)) {
            w.write(value);
        }
        return out.toString();
    }

    /** Parses exactly one JSON value; see {@link io.pb4j.core.StrictJson}. */
    public static Optional<JsonValue> parse(String text) {
        return io.pb4j.core.StrictJson.parse(text);
    }

    /** Converts plain Java values (String, Number, Boolean, Map, Collection, JsonValue, null) to JSON-P. */
    public static JsonValue toJson(Object v) {
        if (v == null) {
            return JsonValue.NULL;
        }
        if (v instanceof JsonValue j) {
            return j;
        }
        if (v instanceof String s) {
            return jakarta.json.Json.createValue(s);
        }
        if (v instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return jakarta.json.Json.createValue(((Number) v).longValue());
        }
        if (v instanceof Number n) {
            return Numbers.toJson(n.doubleValue());
        }
        if (v instanceof Map<?, ?> m) {
            JsonObjectBuilder b = jakarta.json.Json.createObjectBuilder();
            m.forEach((k, val) -> b.add(String.valueOf(k), toJson(val)));
            return b.build();
        }
        if (v instanceof Collection<?> c) {
            JsonArrayBuilder b = jakarta.json.Json.createArrayBuilder();
            c.forEach(item -> b.add(toJson(item)));
            return b.build();
        }
        return jakarta.json.Json.createValue(v.toString());
    }

    /** A copy of {@code base} with {@code key} set to {@code value}. */
    public static jakarta.json.JsonObject objectWith(jakarta.json.JsonObject base, String key, JsonValue value) {
        return jakarta.json.Json.createObjectBuilder(base).add(key, value).build();
    }
}
