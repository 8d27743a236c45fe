package io.pb4j.core.field;

import io.pb4j.core.ValidationError;
import io.pb4j.core.internal.security.RandomByRegex;
import java.util.Map;

/** {@code TextField.ValidateSettings}, minus the one-primary-key-per-collection rule (a collection check). */
final class TextDefinitionRules {
    private TextDefinitionRules() {
    }

    static Map<String, ValidationError> check(TextField f) {
        Map<String, ValidationError> errors = Definitions.common(f, f.help());
        if (f.primaryKey() && !errors.containsKey("name") && !f.name().equals("id")) {
            errors.put("name", Errors.of("validation_in_invalid", "The primary key must be named \"id\"."));
        }
        Definitions.range(errors, "min", f.min(), 0, Definitions.MAX_SAFE_JSON_INT);
        Definitions.range(errors, "max", f.max(), f.min(), Definitions.MAX_SAFE_JSON_INT);
        if (f.primaryKey() && f.pattern().isEmpty()) {
            errors.put("pattern", Errors.required());
        }
        Definitions.regex(errors, "pattern", f.pattern());
        if (f.primaryKey() && f.hidden()) {
            errors.put("hidden", Errors.empty());
        }
        if (f.primaryKey() && !f.required()) {
            errors.put("required", Errors.required());
        }
        Definitions.regex(errors, "autogeneratePattern", f.autogeneratePattern());
        if (!errors.containsKey("autogeneratePattern")) {
            checkAutogenerate(f, errors);
        }
        return errors;
    }

    private static void checkAutogenerate(TextField f, Map<String, ValidationError> errors) {
        String pattern = f.autogeneratePattern();
        if (pattern.isEmpty()) {
            return;
        }
        // ten samples, loosely checking that generated values satisfy the other options
        for (int i = 0; i < 10; i++) {
            String generated;
            try {
                generated = RandomByRegex.generate(pattern);
            } catch (IllegalArgumentException e) {
                errors.put("autogeneratePattern",
                        new ValidationError("validation_invalid_autogenerate_pattern", Errors.sentenize(e.getMessage())));
                return;
            }
            if (f.validate(generated).isPresent()) {
                errors.put("autogeneratePattern", new ValidationError("validation_invalid_autogenerate_pattern_value",
                        Errors.sentenize("The provided autogenerate pattern could produce invalid field values, ex.: \""
                                + generated + "\"")));
                return;
            }
        }
    }
}
