package io.pb4j.core.internal;

import io.pb4j.core.ApiException;
import io.pb4j.core.Collection;
import io.pb4j.core.field.Field;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a collection from API JSON: a create starts from a blank collection of the submitted type (with its
 * defaults) and overlays the body; an update overlays the body on the stored collection. A submitted
 * {@code fields} array replaces the whole list.
 */
public final class CollectionForm {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private static final Set<String> AUTH_OPTION_KEYS = Set.of("authRule", "manageRule", "authAlert", "oauth2", "passwordAuth",
            "mfa", "otp", "authToken", "passwordResetToken", "emailChangeToken", "verificationToken", "fileToken",
            "verificationTemplate", "resetPasswordTemplate", "confirmEmailChangeTemplate");

    private CollectionForm() {
    }

    public static Collection read(JsonObject body, Optional<Collection> existing) {
        Collection base = existing.orElseGet(() -> blank(body.getString("type", Collection.BASE), body.getString("name", "")));
        Collection.Builder b = base.toBuilder();
        if (existing.isEmpty() && body.get("id") instanceof JsonString id) {
            b.id(id.getString());
        }
        if (body.get("name") instanceof JsonString name) {
            b.name(name.getString());
        }
        if (body.get("type") instanceof JsonString type) {
            b.type(type.getString());
        }
        rule(body, "listRule").ifPresent(r -> b.listRule(r.orElse(null)));
        rule(body, "viewRule").ifPresent(r -> b.viewRule(r.orElse(null)));
        rule(body, "createRule").ifPresent(r -> b.createRule(r.orElse(null)));
        rule(body, "updateRule").ifPresent(r -> b.updateRule(r.orElse(null)));
        rule(body, "deleteRule").ifPresent(r -> b.deleteRule(r.orElse(null)));
        if (body.get("indexes") instanceof JsonArray indexes) {
            b.indexes(CollectionCodec.strings(indexes));
        }
        if (body.get("fields") instanceof JsonArray fields) {
            List<Field> parsed = new ArrayList<>();
            try {
                for (JsonValue v : fields) {
                    JsonObject def = v.asJsonObject();
                    if (!def.containsKey("id") || def.getString("id", "").isEmpty()) {
                        def = JSON.createObjectBuilder(def)
                                .add("id", io.pb4j.core.field.FieldTypes.defaultId(def.getString("type", ""), def.getString("name", "")))
                                .build();
                    }
                    boolean known = io.pb4j.core.field.PassthroughField.POCKETBASE_TYPES.contains(def.getString("type", ""));
                    parsed.addAll(CollectionCodec.parseFields(JSON.createArrayBuilder().add(def).build(), known));
                }
            } catch (RuntimeException e) {
                throw ApiException.badRequest("Failed to load the submitted data due to invalid formatting.");
            }
            b.fields(parsed);
        }
        JsonObjectBuilder options = JSON.createObjectBuilder(base.options());
        for (String key : body.keySet()) {
            if ("viewQuery".equals(key) || AUTH_OPTION_KEYS.contains(key)) {
                JsonValue old = base.options().get(key);
                options.add(key, old == null ? body.get(key) : decodeInto(old, body.get(key)));
            }
        }
        b.options(options.build());
        return b.build();
    }

    /**
     * {@code value} decoded over {@code old} the way Go's encoding/json decodes into PocketBase's existing options
     * struct: objects merge key by key, null leaves an object as it was, array items within the old length decode
     * into the old items (so an OAuth2 provider's stored {@code clientSecret} survives an update that omits it), and
     * everything else is replaced.
     */
    static JsonValue decodeInto(JsonValue old, JsonValue value) {
        if (old instanceof JsonObject o && value == JsonValue.NULL) {
            return o;
        }
        if (old instanceof JsonObject o && value instanceof JsonObject v) {
            JsonObjectBuilder merged = JSON.createObjectBuilder(o);
            v.forEach((k, item) -> merged.add(k, o.containsKey(k) ? decodeInto(o.get(k), item) : item));
            return merged.build();
        }
        if (old instanceof JsonArray o && value instanceof JsonArray v) {
            jakarta.json.JsonArrayBuilder merged = JSON.createArrayBuilder();
            for (int i = 0; i < v.size(); i++) {
                merged.add(i < o.size() && o.get(i) instanceof JsonObject ? decodeInto(o.get(i), v.get(i)) : v.get(i));
            }
            return merged.build();
        }
        return value;
    }

    /** PocketBase's blank collections per type, as {@code GET /api/collections/meta/scaffolds} returns them. */
    public static Map<String, Collection> scaffolds() {
        String randomId = CollectionDefaults.randomString(10).toLowerCase(java.util.Locale.ROOT);
        Map<String, Collection> out = new java.util.LinkedHashMap<>();
        for (String type : List.of(Collection.AUTH, Collection.BASE, Collection.VIEW)) {
            Collection c = blank(type, "");
            if (c.isAuth()) {
                c = c.toBuilder().indexes(CollectionDefaults.authIndexes(c.toBuilder().id(randomId).build())).build();
            }
            out.put(type, c);
        }
        return out;
    }

    private static Collection blank(String type, String name) {
        Collection.Builder b = Collection.builder().name(name).type(type).fields(List.of(CollectionDefaults.idField()));
        if (Collection.AUTH.equals(type)) {
            List<Field> fields = new ArrayList<>();
            fields.add(CollectionDefaults.idField());
            fields.addAll(CollectionDefaults.authSystemFields());
            b.fields(fields).options(CollectionDefaults.authOptions(false)).listRule(null);
        } else if (Collection.VIEW.equals(type)) {
            b.fields(List.of()).options(JSON.createObjectBuilder().add("viewQuery", "").build());
        }
        return b.build();
    }

    /** Empty when the key is absent; {@code Optional.of(Optional.empty())} for an explicit null. */
    private static Optional<Optional<String>> rule(JsonObject body, String key) {
        if (!body.containsKey(key)) {
            return Optional.empty();
        }
        JsonValue v = body.get(key);
        return Optional.of(v instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty());
    }
}
