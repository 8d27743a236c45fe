package io.pb4j.core.field;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * Builds a field definition with named options, as PocketBase's {@code &core.TextField{Name: "title", Max: 100}}
 * reads: start from the type ({@code TextField.builder("title")}), set what differs from the defaults, {@code build()}.
 * The result is the field the Collections API would make of the same JSON (ids default as PocketBase's), so
 * {@code build()} never half-applies an option; the collection's save validates the options.
 *
 * <pre>{@code
 * Collection posts = Collection.builder().name("posts").type(Collection.BASE).fields(List.of(
 *         TextField.builder("title").required(true).max(100).build(),
 *         NumberField.builder("views").onlyInt(true).min(0).build(),
 *         RelationField.builder("author", users.id()).maxSelect(1).cascadeDelete(true).build())).build();
 * app.save(posts);
 * }</pre>
 *
 * Not thread-safe; one builder makes one field.
 *
 * @param <F> the field type built
 * @param <B> the builder's own type, for chaining
 */
public abstract class FieldBuilder<F extends Field, B extends FieldBuilder<F, B>> {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private final Class<F> fieldType;
    private final JsonObjectBuilder json = JSON.createObjectBuilder();

    FieldBuilder(Class<F> fieldType, String type, String name) {
        this.fieldType = fieldType;
        json.add("type", type).add("name", name);
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** The field id (default: derived from type and name, as PocketBase does). */
    public B id(String id) {
        return set("id", id);
    }

    /** Hidden fields are left out of API responses for everyone but superusers. */
    public B hidden(boolean hidden) {
        return set("hidden", hidden);
    }

    /** Presentable fields are shown by the dashboard in relation previews. */
    public B presentable(boolean presentable) {
        return set("presentable", presentable);
    }

    /** System fields cannot be renamed or removed. */
    public B system(boolean system) {
        return set("system", system);
    }

    B set(String key, Object value) {
        switch (value) {
            case Boolean b -> json.add(key, b);
            case Integer i -> json.add(key, i);
            case Long l -> json.add(key, l);
            case Double d -> json.add(key, d);
            case String s -> json.add(key, s);
            case List<?> list -> json.add(key, JSON.createArrayBuilder(list));
            case JsonValue v -> json.add(key, v);
            default -> throw new IllegalArgumentException("unsupported option value " + value);
        }
        return self();
    }

    /** The field definition. */
    public F build() {
        JsonObject definition = json.build();
        return fieldType.cast(FieldTypes.fromJson(definition));
    }

    /** Options of the fields that have {@code help} and {@code required} (every type but autodate). */
    abstract static class Common<F extends Field, B extends Common<F, B>> extends FieldBuilder<F, B> {
        Common(Class<F> fieldType, String type, String name) {
            super(fieldType, type, name);
        }

        /** A required field refuses a save with its zero value ({@code validation_required}). */
        public B required(boolean required) {
            return set("required", required);
        }

        /** A hint for the dashboard's record form. */
        public B help(String help) {
            return set("help", help);
        }
    }
}
