package io.pb4j.core.field;

import io.pb4j.core.ValidationError;
import jakarta.json.JsonObject;
import java.util.Map;

/**
 * What a field type that a module adds ({@link io.pb4j.core.spi.FieldTypeProvider}) shares with the built-in ones:
 * the definition JSON with the common keys, the checks every field definition passes and PocketBase's error
 * messages. Thread-safe (stateless).
 */
public final class FieldSupport {
    private FieldSupport() {
    }

    /**
     * The definition as PocketBase writes it: {@code id}, {@code name}, {@code type}, {@code system}, {@code hidden},
     * {@code presentable}, {@code help} and {@code options} (String, Boolean, Integer, Long, Double, List or JSON-P
     * values), keys sorted alphabetically.
     */
    public static JsonObject write(Field field, String help, Map<String, Object> options) {
        return Definitions.write(field, help, options);
    }

    /** The checks of PocketBase's default id, name and help rules, keyed by option name. */
    public static Map<String, ValidationError> commonErrors(Field field, String help) {
        return Definitions.common(field, help);
    }

    /** A validation error whose message is {@code template} with Go's {@code {{.name}}} placeholders filled, sentenized. */
    public static ValidationError error(String code, String template, Map<String, Object> params) {
        return Errors.of(code, template, params);
    }

    /** PocketBase's {@code validation_required} error. */
    public static ValidationError required() {
        return Errors.required();
    }
}
