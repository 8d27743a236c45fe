package io.pb4j.core;

import java.util.Map;

/**
 * One validation failure as PocketBase reports it: {@code {"code":"validation_required","message":"Cannot be blank."}},
 * with {@code params} only when the rule has template parameters (e.g. {@code {"min": 3}}).
 */
public record ValidationError(String code, String message, Map<String, Object> params) {
    /** Creates the value from its components. */
    public ValidationError {
        params = Map.copyOf(params);
    }

    /** An error with PocketBase's {@code code} and {@code message} and no parameters. */
    public ValidationError(String code, String message) {
        this(code, message, Map.of());
    }

    /** PocketBase's {@code validation_required}. */
    public static ValidationError required() {
        return new ValidationError("validation_required", "Cannot be blank.");
    }
}
