package io.pb4j.core.field;

import io.pb4j.core.DateTimes;
import io.pb4j.core.ValidationError;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * PocketBase's {@code date} field: canonical datetime text ({@link DateTimes}), {@code ""} when empty. Unparseable
 * input silently becomes empty. {@code min}/{@code max} are canonical text, {@code ""} when unset.
 */
public record DateField(String id, String name, boolean system, boolean hidden, boolean presentable, String help,
        String min, String max, boolean required) implements StringValuedField {
    /** The type name in PocketBase's JSON. */
    public static final String TYPE = "date";

    /** A builder of a {@code date} field named {@code name}; see {@link FieldBuilder}. */
    public static FieldBuilders.Date builder(String name) {
        return new FieldBuilders.Date(name);
    }

    /** Creates the value from its components. */
    public DateField {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(help, "help");
        min = DateTimes.normalize(Objects.requireNonNull(min, "min"));
        max = DateTimes.normalize(Objects.requireNonNull(max, "max"));
    }

    /** Reads a definition; missing options take their zero values. */
    public static DateField fromJson(JsonObject json) {
        return new DateField(Definitions.str(json, "id"), Definitions.str(json, "name"),
                Definitions.bool(json, "system"), Definitions.bool(json, "hidden"),
                Definitions.bool(json, "presentable"), Definitions.str(json, "help"),
                Definitions.str(json, "min"), Definitions.str(json, "max"), Definitions.bool(json, "required"));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject toJson() {
        return Definitions.write(this, help, Map.of("min", min, "max", max, "required", required));
    }

    @Override
    public String coerce(Object raw) {
        return DateTimes.normalize(raw);
    }

    @Override
    public Optional<ValidationError> validate(Object value) {
        Optional<Instant> v = DateTimes.parse(coerce(value));
        if (v.isEmpty()) {
            return required ? Optional.of(Errors.required()) : Optional.empty();
        }
        return range(v.get());
    }

    private Optional<ValidationError> range(Instant v) {
        Optional<Instant> lower = DateTimes.parse(min);
        if (lower.isPresent() && v.isBefore(lower.get())) {
            return Optional.of(Errors.dateNotBefore(lower.get()));
        }
        Optional<Instant> upper = DateTimes.parse(max);
        if (upper.isPresent() && v.isAfter(upper.get())) {
            return Optional.of(Errors.dateNotAfter(upper.get()));
        }
        return Optional.empty();
    }

    @Override
    public Map<String, ValidationError> validateDefinition() {
        Map<String, ValidationError> errors = Definitions.common(this, help);
        Optional<Instant> upper = DateTimes.parse(max);
        if (upper.isPresent() && range(upper.get()).isPresent()) {
            errors.put("max", Errors.of("validation_date_out_of_range", "the date is out of range"));
        }
        return errors;
    }
}
