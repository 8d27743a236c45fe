package io.pb4j.core.field;

import io.pb4j.core.ValidationError;
import io.pb4j.core.internal.Cast;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** PocketBase's {@code editor} (rich text) field; {@code maxSize} ≤ 0 means 5 MiB. No sanitising server-side. */
public record EditorField(String id, String name, boolean system, boolean hidden, boolean presentable, String help,
        long maxSize, boolean convertURLs, boolean required) implements StringValuedField {
    /** The type name in PocketBase's JSON. */
    public static final String TYPE = "editor";

    /** A builder of a {@code editor} field named {@code name}; see {@link FieldBuilder}. */
    public static FieldBuilders.Editor builder(String name) {
        return new FieldBuilders.Editor(name);
    }
    /** PocketBase's size limit when {@code maxSize} is 0: 5 MiB. */
    public static final long DEFAULT_MAX_SIZE = 5L << 20;

    /** Creates the value from its components. */
    public EditorField {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(help, "help");
    }

    /** Reads a definition; missing options take their zero values. */
    public static EditorField fromJson(JsonObject json) {
        return new EditorField(Definitions.str(json, "id"), Definitions.str(json, "name"),
                Definitions.bool(json, "system"), Definitions.bool(json, "hidden"),
                Definitions.bool(json, "presentable"), Definitions.str(json, "help"),
                Definitions.longValue(json, "maxSize"), Definitions.bool(json, "convertURLs"),
                Definitions.bool(json, "required"));
    }

    /** The byte limit in effect. */
    public long effectiveMaxSize() {
        return maxSize <= 0 ? DEFAULT_MAX_SIZE : maxSize;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject toJson() {
        return Definitions.write(this, help, Map.of("maxSize", maxSize, "convertURLs", convertURLs,
                "required", required));
    }

    @Override
    public Optional<ValidationError> validate(Object value) {
        String v = coerce(value);
        if (required && v.isEmpty()) {
            return Optional.of(Errors.required());
        }
        long limit = effectiveMaxSize();
        if (v.getBytes(StandardCharsets.UTF_8).length > limit) {
            return Optional.of(Errors.of("validation_content_size_limit",
                    "The maximum allowed content size is {{.maxSize}} bytes", Map.of("maxSize", limit)));
        }
        return Optional.empty();
    }

    @Override
    public Map<String, ValidationError> validateDefinition() {
        Map<String, ValidationError> errors = Definitions.common(this, help);
        Definitions.range(errors, "maxSize", maxSize, 0, Definitions.MAX_SAFE_JSON_INT);
        return errors;
    }
}
