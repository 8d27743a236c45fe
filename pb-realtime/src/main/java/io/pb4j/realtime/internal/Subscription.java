package io.pb4j.realtime.internal;

import io.pb4j.core.StrictJson;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A subscription as PocketBase's client keeps it: {@code name} exactly as submitted (the SSE event name of its
 * messages), its {@code topic} (the name up to the first {@code ?}: PocketBase matches a name against the prefix
 * {@code topic + "?"}), and the {@code query} and {@code headers} of its {@code ?options=} JSON, values stringified and header
 * names snake_cased. Options that do not parse are no options, as in PocketBase.
 */
record Subscription(String name, String topic, Map<String, String> query, Map<String, String> headers) {
    Subscription {
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
    }

    static Subscription parse(String name) {
        Map<String, String> query = new LinkedHashMap<>();
        Map<String, String> headers = new LinkedHashMap<>();
        String raw = optionsParam(name);
        if (!raw.isEmpty() && StrictJson.parse(raw).orElse(JsonValue.NULL) instanceof JsonObject options) {
            if (options.get("query") instanceof JsonObject q) {
                q.forEach((k, v) -> query.put(k, stringify(v)));
            }
            if (options.get("headers") instanceof JsonObject h) {
                h.forEach((k, v) -> headers.put(io.pb4j.core.Inflector.snakecase(k), stringify(v)));
            }
        }
        int q = name.indexOf('?');
        return new Subscription(name, q < 0 ? name : name.substring(0, q), query, headers);
    }


    /** The first {@code options} parameter of the name's query string, decoded; {@code ""} when absent or invalid. */
    private static String optionsParam(String name) {
        int q = name.indexOf('?');
        if (q < 0) {
            return "";
        }
        String rawQuery = name.substring(q + 1);
        int hash = rawQuery.indexOf('#');
        if (hash >= 0) {
            rawQuery = rawQuery.substring(0, hash);
        }
        for (String pair : rawQuery.split("[&]")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if ("options".equals(decode(key))) {
                return eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return "";
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    /** Go's {@code cast.ToString}: strings as they are, numbers and booleans as text, anything else empty. */
    private static String stringify(JsonValue v) {
        return switch (v.getValueType()) {
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> {
                JsonNumber n = (JsonNumber) v;
                yield n.isIntegral() ? n.bigIntegerValue().toString() : String.valueOf(n.doubleValue());
            }
            case TRUE -> "true";
            case FALSE -> "false";
            default -> "";
        };
    }
}
