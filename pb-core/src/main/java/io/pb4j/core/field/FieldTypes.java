package io.pb4j.core.field;

import io.pb4j.core.spi.FieldTypeProvider;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.CRC32;

/** The built-in field types by PocketBase type name, and reading definitions. Thread-safe (immutable). */
public final class FieldTypes {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private static final Map<String, Function<JsonObject, Field>> BUILT_IN = Map.ofEntries(
            Map.entry(TextField.TYPE, TextField::fromJson),
            Map.entry(NumberField.TYPE, NumberField::fromJson),
            Map.entry(BoolField.TYPE, BoolField::fromJson),
            Map.entry(EmailField.TYPE, EmailField::fromJson),
            Map.entry(UrlField.TYPE, UrlField::fromJson),
            Map.entry(EditorField.TYPE, EditorField::fromJson),
            Map.entry(DateField.TYPE, DateField::fromJson),
            Map.entry(AutodateField.TYPE, AutodateField::fromJson),
            Map.entry(SelectField.TYPE, SelectField::fromJson),
            Map.entry(RelationField.TYPE, RelationField::fromJson),
            Map.entry(JsonField.TYPE, JsonField::fromJson),
            Map.entry(PasswordField.TYPE, PasswordField::fromJson),
            Map.entry(GeoPointField.TYPE, GeoPointField::fromJson));
    private static final Map<String, Function<JsonObject, Field>> TYPES = withProvided();

    private FieldTypes() {
    }

    /** The built-in types and those the modules present provide; a provider may not replace a built-in type. */
    private static Map<String, Function<JsonObject, Field>> withProvided() {
        Map<String, Function<JsonObject, Field>> all = new java.util.HashMap<>(BUILT_IN);
        for (FieldTypeProvider p : java.util.ServiceLoader.load(FieldTypeProvider.class)) {
            if (all.putIfAbsent(p.type(), p::fromJson) != null) {
                throw new IllegalStateException("the field type '" + p.type() + "' is defined twice (" + p.getClass().getName() + ")");
            }
        }
        return Map.copyOf(all);
    }

    /**
     * Reads a field definition. Missing options take their defaults; a missing or empty {@code id} becomes
     * {@link #defaultId}.
     *
     * @throws IllegalArgumentException when {@code type} is missing or not a known type
     */
    public static Field fromJson(JsonObject json) {
        String type = json.get("type") instanceof JsonString s ? s.getString() : "";
        Function<JsonObject, Field> factory = TYPES.get(type);
        if (factory == null) {
            throw new IllegalArgumentException("unknown field type \"" + type + "\"");
        }
        boolean hasId = json.get("id") instanceof JsonString s && !s.getString().isEmpty();
        if (!hasId) {
            String name = json.get("name") instanceof JsonString s ? s.getString() : "";
            JsonValue id = JSON.createValue(defaultId(type, name));
            json = JSON.createObjectBuilder(json).add("id", id).build();
        }
        return factory.apply(json);
    }

    /** PocketBase's default field id: the type followed by the decimal CRC32 (IEEE) of the name. */
    public static String defaultId(String type, String name) {
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        return type + crc.getValue();
    }

    /** The names of the built-in types and of those provided by the modules present. */
    public static Set<String> names() {
        return TYPES.keySet();
    }
}
