package io.pb4j.core.spi;

import io.pb4j.core.field.Field;
import jakarta.json.JsonObject;

/**
 * A field type that a module adds (e.g. pb-files' {@code file}), found with {@link java.util.ServiceLoader} when the
 * field types are first used. A type whose module is absent loads as a {@link io.pb4j.core.field.PassthroughField}:
 * stored data is kept, but it cannot be added or changed. Implementations are stateless and thread-safe.
 */
public interface FieldTypeProvider {
    /** PocketBase's type name, e.g. {@code "file"}; it must not be a built-in type. */
    String type();

    /** Reads a definition of this type (its {@code id} is already set); missing options take their defaults. */
    Field fromJson(JsonObject definition);
}
