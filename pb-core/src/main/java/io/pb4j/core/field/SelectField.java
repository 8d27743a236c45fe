package io.pb4j.core.field;

import io.pb4j.core.ValidationError;
import io.pb4j.core.internal.Cast;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * PocketBase's {@code select} field. {@code maxSelect} ≤ 1 makes it single ({@code String}, the last submitted
 * item wins), otherwise multiple ({@code List<String>}, stored as a JSON array). Modifiers: {@code +name} prepends,
 * {@code name+} appends, {@code name-} removes.
 */
public record SelectField(String id, String name, boolean system, boolean hidden, boolean presentable, String help,
        Optional<List<String>> values, int maxSelect, boolean required) implements StringListField {
    /** The type name in PocketBase's JSON. */
    public static final String TYPE = "select";

    /** A builder of a {@code select} field named {@code name} with the allowed {@code values}; see {@link FieldBuilder}. */
    public static FieldBuilders.Select builder(String name, java.util.List<String> values) {
        return new FieldBuilders.Select(name, values);
    }

    /** Creates the value from its components. */
    public SelectField {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(help, "help");
        values = values.map(List::copyOf);
    }

    /** Reads a definition; missing options take their zero values. */
    public static SelectField fromJson(JsonObject json) {
        return new SelectField(Definitions.str(json, "id"), Definitions.str(json, "name"),
                Definitions.bool(json, "system"), Definitions.bool(json, "hidden"),
                Definitions.bool(json, "presentable"), Definitions.str(json, "help"),
                Definitions.strings(json, "values"), Definitions.intValue(json, "maxSelect"),
                Definitions.bool(json, "required"));
    }

    /** Whether more than one value may be selected ({@code maxSelect} above 1). */
    public boolean isMultiple() {
        return maxSelect > 1;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject toJson() {
        return Definitions.write(this, help, Map.of("values", Definitions.nullable(values),
                "maxSelect", maxSelect, "required", required));
    }

    @Override
    public Optional<ValidationError> validate(Object value) {
        List<String> items = Cast.toUniqueStrings(value);
        if (items.isEmpty()) {
            return required ? Optional.of(Errors.required()) : Optional.empty();
        }
        int limit = Math.max(maxSelect, 1);
        if (items.size() > limit) {
            return Optional.of(Errors.of("validation_too_many_values", "Select no more than {{.maxSelect}}",
                    Map.of("maxSelect", limit)));
        }
        List<String> allowed = values.orElse(List.of());
        for (String item : items) {
            if (!allowed.contains(item)) {
                return Optional.of(Errors.of("validation_invalid_value", "Invalid value {{.value}}",
                        Map.of("value", item)));
            }
        }
        return Optional.empty();
    }

    @Override
    public Map<String, ValidationError> validateDefinition() {
        Map<String, ValidationError> errors = Definitions.common(this, help);
        int count = values.map(List::size).orElse(0);
        if (count == 0) {
            errors.put("values", Errors.required());
        }
        if (maxSelect < 0) {
            errors.put("maxSelect", Errors.notLessThan(0));
        } else if (maxSelect > Math.max(count, 1)) {
            errors.put("maxSelect", Errors.notGreaterThan(Math.max(count, 1)));
        }
        return errors;
    }
}
