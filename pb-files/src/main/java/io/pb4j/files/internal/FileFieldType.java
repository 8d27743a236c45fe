package io.pb4j.files.internal;

import io.pb4j.core.field.Field;
import io.pb4j.core.spi.FieldTypeProvider;
import jakarta.json.JsonObject;

/** Adds PocketBase's {@code file} field type to pb-core's field types. */
public final class FileFieldType implements FieldTypeProvider {
    @Override
    public String type() {
        return FileField.TYPE;
    }

    @Override
    public Field fromJson(JsonObject definition) {
        return FileField.fromJson(definition);
    }
}
