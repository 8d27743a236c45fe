package io.pb4j.core.field;

import io.pb4j.core.ValidationError;
import io.pb4j.core.internal.Cast;
import io.pb4j.core.internal.Numbers;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * PocketBase's {@code number} field: a double. {@code required} means non-zero; a zero value skips the other
 * checks. Modifiers: {@code name+} adds, {@code name-} subtracts.
 */
public record NumberField(String id, String name, boolean system, boolean hidden, boolean presentable, String help,
        Optional<Double> min, Optional<Double> max, boolean onlyInt, boolean required) implements ModifiableField {
    /** The type name in PocketBase's JSON. */
    public static final String TYPE = "number";

    /** A builder of a {@code number} field named {@code name}; see {@link FieldBuilder}. */
    public static FieldBuilders.Number builder(String name) {
        return new FieldBuilders.Number(name);
    }

    /** Creates the value from its components. */
    public NumberField {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
    }

    /** Reads a definition; missing options take their zero values ({@code min}/{@code max} unset). */
    public static NumberField fromJson(JsonObject json) {
        return new NumberField(Definitions.str(json, "id"), Definitions.str(json, "name"),
                Definitions.bool(json, "system"), Definitions.bool(json, "hidden"),
                Definitions.bool(json, "presentable"), Definitions.str(json, "help"),
                Definitions.optionalDouble(json, "min"), Definitions.optionalDouble(json, "max"),
                Definitions.bool(json, "onlyInt"), Definitions.bool(json, "required"));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject toJson() {
        return Definitions.write(this, help, Map.of("min", Definitions.nullable(min),
                "max", Definitions.nullable(max), "onlyInt", onlyInt, "required", required));
    }

    @Override
    public String columnType() {
        return "NUMERIC DEFAULT 0 NOT NULL";
    }

    @Override
    public Double defaultValue() {
        return 0.0;
    }

    @Override
    public Double coerce(Object raw) {
        return Cast.toDouble(raw);
    }

    @Override
    public Double fromColumn(Object column) {
        return Cast.toDouble(column);
    }

    @Override
    public Object toColumn(Object value) {
        return coerce(value);
    }

    /** Shortest round-trip JSON number; NaN and infinities (which validation rejects) become {@code 0}. */
    @Override
    public JsonValue toJsonValue(Object value) {
        double d = coerce(value);
        return Numbers.toJson(Double.isFinite(d) ? d : 0);
    }

    @Override
    public Optional<ValidationError> validate(Object value) {
        double v = coerce(value);
        if (!Double.isFinite(v)) {
            return Optional.of(Errors.of("validation_not_a_number", "The submitted number is not properly formatted"));
        }
        if (v == 0) {
            return required ? Optional.of(Errors.required()) : Optional.empty();
        }
        if (onlyInt && !isInt(v)) {
            return Optional.of(onlyIntError());
        }
        if (min.isPresent() && v < min.get()) {
            return Optional.of(Errors.of("validation_min_number_constraint", "Must be greater or equal than {{.min}}",
                    Map.of("min", min.get())));
        }
        if (max.isPresent() && v > max.get()) {
            return Optional.of(Errors.of("validation_max_number_constraint", "Must be less or equal than {{.max}}",
                    Map.of("max", max.get())));
        }
        return Optional.empty();
    }

    @Override
    public Map<String, ValidationError> validateDefinition() {
        Map<String, ValidationError> errors = Definitions.common(this, help);
        if (onlyInt && min.isPresent() && !isInt(min.get())) {
            errors.put("min", onlyIntError());
        }
        if (onlyInt && max.isPresent() && !isInt(max.get())) {
            errors.put("max", onlyIntError());
        } else if (min.isPresent() && max.isPresent() && max.get() < min.get()) {
            errors.put("max", Errors.of("validation_min_number_constraint", "Must be greater or equal than {{.min}}",
                    Map.of("min", min.get())));
        }
        return errors;
    }

    @Override
    public boolean supports(Modifier modifier) {
        return modifier == Modifier.APPEND || modifier == Modifier.REMOVE;
    }

    /** {@code APPEND} adds and {@code REMOVE} subtracts the submitted number. */
    @Override
    public Double modify(Modifier modifier, Object current, Object raw) {
        return switch (modifier) {
            case APPEND -> Cast.toDouble(current) + Cast.toDouble(raw);
            case REMOVE -> Cast.toDouble(current) - Cast.toDouble(raw);
            default -> throw new IllegalArgumentException("number fields do not support " + modifier);
        };
    }

    private static boolean isInt(double v) {
        // Go: v == float64(int64(v)); int64 conversion saturates outside its range in practice
        return v == (double) (long) v;
    }

    private static ValidationError onlyIntError() {
        return Errors.of("validation_only_int_constraint", "Decimal numbers are not allowed");
    }
}
