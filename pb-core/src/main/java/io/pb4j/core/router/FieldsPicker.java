package io.pb4j.core.router;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PocketBase's {@code ?fields=a,b.c,*} response picker. A list envelope keeps its paging keys and picks inside
 * {@code items}; arrays of objects are picked element-wise.
 */
final class FieldsPicker {
    private FieldsPicker() {
    }

    /** A tree of requested keys; an empty node means "keep the whole value". */
    private static final class Node {
        final Map<String, Node> children = new LinkedHashMap<>();
    }

    static JsonValue pick(JsonValue value, String fields) {
        Node root = new Node();
        for (String raw : fields.split(",")) {
            String path = raw.strip();
            if (path.isEmpty()) {
                continue;
            }
            Node n = root;
            for (String key : path.split("\\.")) {
                n = n.children.computeIfAbsent(key, k -> new Node());
            }
        }
        if (root.children.isEmpty()) {
            return value;
        }
        if (value instanceof JsonObject o && o.containsKey("items") && o.containsKey("perPage")) {
            JsonObjectBuilder b = Json.createObjectBuilder(o);
            b.add("items", apply(o.get("items"), root));
            return b.build();
        }
        return apply(value, root);
    }

    private static JsonValue apply(JsonValue value, Node node) {
        if (node.children.isEmpty()) {
            return value;
        }
        if (value instanceof JsonArray arr) {
            JsonArrayBuilder b = Json.createArrayBuilder();
            for (JsonValue item : arr) {
                b.add(apply(item, node));
            }
            return b.build();
        }
        if (!(value instanceof JsonObject obj)) {
            return value;
        }
        Node star = node.children.get("*");
        JsonObjectBuilder b = Json.createObjectBuilder();
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
}
