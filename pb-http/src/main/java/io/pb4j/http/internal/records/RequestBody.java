package io.pb4j.http.internal.records;

import io.pb4j.core.ApiException;
import io.pb4j.core.router.RequestEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a request body into a key → value map the way PocketBase does: JSON objects as they are (JSON-P values),
 * urlencoded forms with repeated keys as lists and PocketBase's scalar inference.
 */
public final class RequestBody {
    private RequestBody() {
    }

    public static Map<String, Object> read(RequestEvent e) {
        byte[] body = e.body();
        Map<String, Object> out = new LinkedHashMap<>();
        if (body.length == 0) {
            return out;
        }
        String type = e.header("Content-Type").toLowerCase(Locale.ROOT);
        if (type.startsWith("application/json")) {
            JsonValue value;
            try (JsonReader r = Json.createReader(new ByteArrayInputStream(body))) {
                value = r.readValue();
            } catch (RuntimeException ex) {
                throw ApiException.badRequest("Failed to read the submitted data.");
            }
            if (value instanceof JsonObject o) {
                out.putAll(o);
            } else if (value != JsonValue.NULL) {
                throw ApiException.badRequest("Failed to read the submitted data.");
            }
            return out;
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            Map<String, List<String>> form = new LinkedHashMap<>();
            for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String val = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                form.computeIfAbsent(key, k -> new ArrayList<>()).add(val);
            }
            form.forEach((k, values) -> out.put(k, values.size() == 1 ? infer(values.get(0)) : values.stream().map(RequestBody::infer).toList()));
            return out;
        }
        throw ApiException.badRequest("Unsupported Content-Type.");
    }

    /** PocketBase's form value inference: booleans, and numbers that print back to the same text. */
    static Object infer(String v) {
        if ("true".equals(v)) {
            return Boolean.TRUE;
        }
        if ("false".equals(v)) {
            return Boolean.FALSE;
        }
        if (!v.isEmpty() && (Character.isDigit(v.charAt(0)) || v.charAt(0) == '-')) {
            try {
                double d = Double.parseDouble(v);
                String back = d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
                if (back.equals(v)) {
                    return d;
                }
            } catch (NumberFormatException ignored) {
                // not a number: stays text
            }
        }
        return v;
    }
}
