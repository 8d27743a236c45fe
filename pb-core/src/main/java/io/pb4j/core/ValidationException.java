package io.pb4j.core;

import java.util.Map;

/**
 * Thrown by model validation (records, collections) with errors keyed by field or property name.
 * The API layer turns it into a 400 envelope with its own message ("Failed to create record." …).
 */
public final class ValidationException extends RuntimeException {
    /** Field name to error. */
    private final Map<String, Object> errors;

    /** Validation failed with these errors, keyed by field or property name. */
    public ValidationException(Map<String, ?> errors) {
        super("validation failed: " + errors);
        this.errors = Map.copyOf(errors);
    }

    /** Field name to {@link ValidationError} (or to a nested map of them). */
    public Map<String, Object> errors() {
        return errors;
    }
}
