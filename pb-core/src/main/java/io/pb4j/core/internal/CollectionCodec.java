package io.pb4j.core.internal;

import io.pb4j.core.Collection;
import io.pb4j.core.field.Field;
import io.pb4j.core.field.FieldTypes;
import io.pb4j.core.field.PassthroughField;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collections to and from PocketBase's {@code _collections} rows and API JSON. */
public final class CollectionCodec {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private static final List<String> TOKEN_OPTIONS =
            List.of("authToken", "passwordResetToken", "emailChangeToken", "verificationToken", "fileToken");

    private CollectionCodec() {
    }

    /** A collection from a {@code _collections} row. */
    public static Collection fromRow(Map<String, Object> row) {
        return Collection.builder()
                .id(str(row.get("id")))
                .name(str(row.get("name")))
                .type(str(row.get("type")))
                .system(bool(row.get("system")))
                .fields(parseFields(Json.parse(str(row.get("fields"))).orElse(JsonValue.EMPTY_JSON_ARRAY).asJsonArray(), true))
                .indexes(strings(Json.parse(str(row.get("indexes"))).orElse(JsonValue.EMPTY_JSON_ARRAY)))
                .listRule((String) row.get("listRule"))
                .viewRule((String) row.get("viewRule"))
                .createRule((String) row.get("createRule"))
                .updateRule((String) row.get("updateRule"))
                .deleteRule((String) row.get("deleteRule"))
                .options(Json.parse(str(row.get("options"))).filter(v -> v instanceof JsonObject)
                        .map(JsonValue::asJsonObject).orElse(JsonValue.EMPTY_JSON_OBJECT))
                .created(str(row.get("created")))
                .updated(str(row.get("updated")))
                .build();
    }

    /** Column values for a {@code _collections} row, in the table's column order. */
    public static Map<String, Object> toRow(Collection c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", c.id());
        row.put("system", c.system());
        row.put("type", c.type());
        row.put("name", c.name());
        row.put("fields", Json.write(fieldsJson(c)));
        row.put("listRule", c.listRule().orElse(null));
        row.put("viewRule", c.viewRule().orElse(null));
        row.put("createRule", c.createRule().orElse(null));
        row.put("updateRule", c.updateRule().orElse(null));
        row.put("deleteRule", c.deleteRule().orElse(null));
        row.put("options", Json.write(c.options()));
        row.put("created", c.created());
        row.put("updated", c.updated());
        row.put("indexes", Json.write(Json.toJson(c.indexes())));
        return row;
    }

    /**
     * Parses field definitions. {@code keepUnknown} keeps fields of types whose module is absent (loading a
     * stored collection); otherwise an unknown type fails with {@link IllegalArgumentException}.
     */
    public static List<Field> parseFields(JsonArray array, boolean keepUnknown) {
        List<Field> fields = new ArrayList<>();
        for (JsonValue v : array) {
            JsonObject def = v.asJsonObject();
            String type = def.getString("type", "");
            if (FieldTypes.names().contains(type)) {
                fields.add(FieldTypes.fromJson(def));
            } else if (keepUnknown) {
                fields.add(new PassthroughField(def));
            } else {
                throw new IllegalArgumentException("unknown field type '" + type + "'");
            }
        }
        return fields;
    }

    public static JsonArray fieldsJson(Collection c) {
        JsonArrayBuilder b = JSON.createArrayBuilder();
        c.fields().forEach(f -> b.add(f.toJson()));
        return b.build();
    }

    /** The collection as the API returns it: PocketBase's key order, secrets omitted. */
    public static JsonObject toApiJson(Collection c) {
        JsonObjectBuilder b = JSON.createObjectBuilder()
                .add("id", c.id())
                .add("listRule", rule(c.listRule().orElse(null)))
                .add("viewRule", rule(c.viewRule().orElse(null)))
                .add("createRule", rule(c.createRule().orElse(null)))
                .add("updateRule", rule(c.updateRule().orElse(null)))
                .add("deleteRule", rule(c.deleteRule().orElse(null)))
                .add("name", c.name())
                .add("type", c.type())
                .add("fields", fieldsJson(c))
                .add("indexes", Json.toJson(c.indexes()))
                .add("created", c.created())
                .add("updated", c.updated())
                .add("system", c.system());
        if (c.isView()) {
            b.add("viewQuery", c.options().getString("viewQuery", ""));
        }
        if (c.isAuth()) {
            for (Map.Entry<String, JsonValue> option : c.options().entrySet()) {
                b.add(option.getKey(), publicOption(option.getKey(), option.getValue()));
            }
        }
        return b.build();
    }

    private static JsonValue publicOption(String key, JsonValue value) {
        if (TOKEN_OPTIONS.contains(key) && value instanceof JsonObject o) {
            return JSON.createObjectBuilder(o).remove("secret").build();
        }
        if ("oauth2".equals(key) && value instanceof JsonObject o && o.get("providers") instanceof JsonArray providers) {
            JsonArrayBuilder cleaned = JSON.createArrayBuilder();
            for (JsonValue p : providers) {
                cleaned.add(JSON.createObjectBuilder(p.asJsonObject()).remove("clientSecret"));
            }
            return JSON.createObjectBuilder(o).add("providers", cleaned).build();
        }
        if ("oauth2".equals(key) && value instanceof JsonObject o) {
            return JSON.createObjectBuilder(o).add("providers", JsonValue.EMPTY_JSON_ARRAY).build();
        }
        return value;
    }

    static JsonValue rule(String rule) {
        return rule == null ? JsonValue.NULL : JSON.createValue(rule);
    }

    static List<String> strings(JsonValue v) {
        List<String> out = new ArrayList<>();
        if (v instanceof JsonArray a) {
            for (JsonValue item : a) {
                if (item instanceof JsonString s) {
                    out.add(s.getString());
                }
            }
        }
        return out;
    }

    static String str(Object v) {
        return v == null ? "" : String.valueOf(v);
    }

    static boolean bool(Object v) {
        return v instanceof Boolean b ? b : v instanceof Number n ? n.intValue() != 0 : "1".equals(str(v)) || "true".equalsIgnoreCase(str(v));
    }
}
