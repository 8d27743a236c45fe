package io.pb4j.core.router;

import io.pb4j.core.ApiException;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PocketBase's {@code ?fields=a,b.c,*} response picker. A list envelope keeps its paging keys and picks inside
 * {@code items}; arrays of objects are picked element-wise. Stateless and thread-safe.
 */
public final class FieldsPicker {
    /** Not {@code jakarta.json.Json}, whose static methods look the provider up on every call (~2 µs each). */
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.internal.Json.PROVIDER;

    private FieldsPicker() {
    }

    /** A tree of requested keys; an empty node means "keep the whole value", optionally through an excerpt. */
    private static final class Node {
        final Map<String, Node> children = new LinkedHashMap<>();
        Excerpt excerpt;
    }

    /** {@code value} with only the keys that {@code fields} names (realtime applies a subscription's option with it). */
    public static JsonValue pick(JsonValue value, String fields) {
        Node root = new Node();
        for (String raw : splitTopLevel(fields)) {
            String path = raw.strip();
            if (path.isEmpty()) {
                continue;
            }
            Excerpt excerpt = null;
            int modifier = path.indexOf(':', Math.max(0, path.lastIndexOf('.')));
            if (modifier >= 0) {
                excerpt = modifier(path.substring(modifier + 1));
                path = path.substring(0, modifier);
            }
            Node n = root;
            for (String key : path.split("\\.")) {
                n = n.children.computeIfAbsent(key, k -> new Node());
            }
            n.excerpt = excerpt;
        }
        if (root.children.isEmpty()) {
            return value;
        }
        if (value instanceof JsonObject o && o.containsKey("items") && o.containsKey("perPage")) {
            JsonObjectBuilder b = JSON.createObjectBuilder(o);
            b.add("items", apply(o.get("items"), root));
            return b.build();
        }
        return apply(value, root);
    }

    private static JsonValue apply(JsonValue value, Node node) {
        if (node.excerpt != null && value instanceof jakarta.json.JsonString text) {
            return JSON.createValue(node.excerpt.apply(text.getString()));
        }
        if (node.children.isEmpty()) {
            return value;
        }
        if (value instanceof JsonArray arr) {
            JsonArrayBuilder b = JSON.createArrayBuilder();
            for (JsonValue item : arr) {
                b.add(apply(item, node));
            }
            return b.build();
        }
        if (!(value instanceof JsonObject obj)) {
            return value;
        }
        Node star = node.children.get("*");
        JsonObjectBuilder b = JSON.createObjectBuilder();
        for (Map.Entry<String, JsonValue> entry : obj.entrySet()) {
            Node child = node.children.get(entry.getKey());
            if (child != null) {
                b.add(entry.getKey(), apply(entry.getValue(), child));
            } else if (star != null) {
                b.add(entry.getKey(), entry.getValue());
            }
        }
        return b.build();
    }

    /** {@code excerpt(max, withEllipsis?)}, the one modifier PocketBase's picker has; anything else is a 400. */
    private static Excerpt modifier(String text) {
        if (!text.startsWith("excerpt(") || !text.endsWith(")")) {
            throw ApiException.badRequest("Invalid fields modifier " + text + ".");
        }
        try {
            return Excerpt.of(text.substring("excerpt(".length(), text.length() - 1));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Invalid excerpt modifier: " + e.getMessage() + ".");
        }
    }

    /** Splits at commas outside parentheses and quotes, so {@code body:excerpt(200,true)} stays one entry. */
    private static java.util.List<String> splitTopLevel(String fields) {
        java.util.List<String> out = new java.util.ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        char quote = 0;
        for (char c : fields.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (c == ',' && depth == 0) {
                out.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        out.add(current.toString());
        return out;
    }
}
