package io.pb4j.js.internal;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON as plain Java data (maps, lists, strings, numbers, booleans, null). */
final class Plain {
    private Plain() {
    }

    static Object of(JsonValue j) {
        return switch (j.getValueType()) {
            case NULL -> null;
            case TRUE -> true;
            case FALSE -> false;
            case STRING -> ((JsonString) j).getString();
            case NUMBER -> {
                JsonNumber n = (JsonNumber) j;
                yield n.isIntegral() ? (Object) n.longValue() : (Object) n.doubleValue();
            }
            case ARRAY -> {
                List<Object> out = new ArrayList<>();
                for (JsonValue x : (JsonArray) j) {
                    out.add(of(x));
                }
                yield out;
            }
            case OBJECT -> {
                Map<String, Object> out = new LinkedHashMap<>();
                ((JsonObject) j).forEach((k, x) -> out.put(k, of(x)));
                yield out;
            }
        };
    }
}
