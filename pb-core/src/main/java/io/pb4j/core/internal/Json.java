package io.pb4j.core.internal;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import java.io.StringWriter;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** JSON-P helpers shared by the core: parsing, compact writing, Java value conversion. */
public final class Json {
    /**
     * The JSON-P provider, looked up once: {@code jakarta.json.Json}'s static methods look it up on every call through
     * a {@link java.util.ServiceLoader} (about 2 µs each on the module path, far more on a class path), several times
     * per record written.
     */
    public static final JsonProvider PROVIDER = io.pb4j.core.StrictJson.PROVIDER;
    private static final JsonWriterFactory WRITERS = PROVIDER.createWriterFactory(Map.of());

    private Json() {
    }

    /** Compact JSON text. */
    public static String write(JsonValue value) {
        StringWriter out = new StringWriter();
        try (JsonWriter w = WRITERS.createWriter(out)) {
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
            return PROVIDER.createValue(s);
        }
        if (v instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return PROVIDER.createValue(((Number) v).longValue());
        }
        if (v instanceof Number n) {
            return Numbers.toJson(n.doubleValue());
        }
        if (v instanceof Map<?, ?> m) {
            JsonObjectBuilder b = PROVIDER.createObjectBuilder();
            m.forEach((k, val) -> b.add(String.valueOf(k), toJson(val)));
            return b.build();
        }
        if (v instanceof Collection<?> c) {
            JsonArrayBuilder b = PROVIDER.createArrayBuilder();
            c.forEach(item -> b.add(toJson(item)));
            return b.build();
        }
        return PROVIDER.createValue(v.toString());
    }

    /** A copy of {@code base} with {@code key} set to {@code value}. */
    public static jakarta.json.JsonObject objectWith(jakarta.json.JsonObject base, String key, JsonValue value) {
        return PROVIDER.createObjectBuilder(base).add(key, value).build();
    }
}
