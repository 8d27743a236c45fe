package io.pb4j.core.internal;

import io.pb4j.core.Collection;
import io.pb4j.core.ValidationError;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Map;
import java.util.Optional;

/** Each {@code passwordAuth.identityFields} entry must be a field with a single-column UNIQUE index. */
final class IdentityFieldsCheck {
    private IdentityFieldsCheck() {
    }

    static Optional<ValidationError> error(Collection c) {
        if (!c.isAuth() || !(c.options().get("passwordAuth") instanceof JsonObject auth)
                || !(auth.get("identityFields") instanceof JsonArray fields)) {
            return Optional.empty();
        }
        for (JsonString name : fields.getValuesAs(JsonString.class)) {
            String field = name.getString();
            if (c.field(field).isEmpty()) {
                return Optional.of(new ValidationError("validation_missing_field", "Invalid or missing field " + field,
                        Map.of("fieldName", field)));
            }
            if (IndexSql.findSingleColumnUnique(c.indexes(), field).isEmpty()) {
                return Optional.of(new ValidationError("validation_missing_unique_constraint",
                        "The field " + field + " doesn't have a UNIQUE constraint.", Map.of("fieldName", field)));
            }
        }
        return Optional.empty();
    }
}
