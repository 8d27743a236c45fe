package io.pb4j.core.field;

import io.pb4j.core.ValidationError;
import io.pb4j.core.internal.Cast;
import io.pb4j.core.internal.security.Bcrypt;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * PocketBase's {@code password} field. Values are {@link PasswordValue}s: a submitted value sets {@code plain},
 * {@link #beforeSave} hashes it with bcrypt at {@code cost} (0 → 10). {@code max} 0 means 71 (bcrypt's limit).
 * The hash is never serialized: {@link #toJsonValue} is always {@code ""}.
 */
public record PasswordField(String id, String name, boolean system, boolean hidden, boolean presentable, String help,
        int min, int max, String pattern, int cost, boolean required) implements SaveAwareField {
    /** Not {@code jakarta.json.Json}, whose static methods look the provider up on every call (~2 µs each). */
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.internal.Json.PROVIDER;

    /** The type name in PocketBase's JSON. */
    public static final String TYPE = "password";

    /** A builder of a {@code password} field named {@code name}; see {@link FieldBuilder}. */
    public static FieldBuilders.Password builder(String name) {
        return new FieldBuilders.Password(name);
    }
    /** PocketBase's bcrypt cost when {@code cost} is 0. */
    public static final int DEFAULT_COST = 10;
    /** The longest password bcrypt hashes whole (72 bytes with its terminator). */
    public static final int MAX_LENGTH = 71;

    /** Creates the value from its components. */
    public PasswordField {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(pattern, "pattern");
    }

    /** Reads a definition; missing options take their zero values. */
    public static PasswordField fromJson(JsonObject json) {
        return new PasswordField(Definitions.str(json, "id"), Definitions.str(json, "name"),
                Definitions.bool(json, "system"), Definitions.bool(json, "hidden"),
                Definitions.bool(json, "presentable"), Definitions.str(json, "help"),
                Definitions.intValue(json, "min"), Definitions.intValue(json, "max"),
                Definitions.str(json, "pattern"), Definitions.intValue(json, "cost"),
                Definitions.bool(json, "required"));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject toJson() {
        return Definitions.write(this, help, Map.of("min", min, "max", max, "pattern", pattern, "cost", cost,
                "required", required));
    }

    @Override
    public String columnType() {
        return "TEXT DEFAULT '' NOT NULL";
    }

    @Override
    public PasswordValue defaultValue() {
        return PasswordValue.EMPTY;
    }

    /** A submitted value becomes the plain text of a new, not yet hashed value. */
    @Override
    public PasswordValue coerce(Object raw) {
        if (raw instanceof PasswordValue value) {
            return value;
        }
        String plain = Cast.toStr(raw);
        return plain.isEmpty() ? PasswordValue.EMPTY : new PasswordValue("", plain);
    }

    @Override
    public PasswordValue fromColumn(Object column) {
        String hash = Cast.toStr(column);
        return hash.isEmpty() ? PasswordValue.EMPTY : new PasswordValue(hash, "");
    }

    @Override
    public Object toColumn(Object value) {
        return coerce(value).hash();
    }

    @Override
    public JsonValue toJsonValue(Object value) {
        return JSON.createValue("");
    }

    /** Checks the plain text when one was set; {@code required} is met by a stored hash or a new plain text. */
    @Override
    public Optional<ValidationError> validate(Object value) {
        PasswordValue v = coerce(value);
        if (required && v.hash().isEmpty() && v.plain().isEmpty()) {
            return Optional.of(Errors.required());
        }
        String plain = v.plain();
        if (plain.isEmpty()) {
            return Optional.empty();
        }
        if (plain.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > Bcrypt.MAX_PASSWORD_BYTES) {
            // bcrypt would cut it: PocketBase's hashing refuses it, and that error comes first, as an untyped one
            return Optional.of(Errors.of("validation_invalid_value", "Invalid value."));
        }
        int length = plain.codePointCount(0, plain.length());
        if (length < min) {
            return Optional.of(Errors.of("validation_min_text_constraint",
                    "Must be at least " + min + " character(s)"));
        }
        int limit = max <= 0 ? MAX_LENGTH : max;
        if (length > limit) {
            return Optional.of(Errors.of("validation_max_text_constraint",
                    "Must be less than " + limit + " character(s)"));
        }
        if (!pattern.isEmpty() && !Regexes.find(pattern, plain)) {
            return Optional.of(Errors.invalidFormat());
        }
        return Optional.empty();
    }

    @Override
    public Map<String, ValidationError> validateDefinition() {
        Map<String, ValidationError> errors = Definitions.common(this, help);
        Definitions.range(errors, "min", min, 1, MAX_LENGTH);
        Definitions.range(errors, "max", max, min, MAX_LENGTH);
        Definitions.range(errors, "cost", cost, 4, 31);
        Definitions.regex(errors, "pattern", pattern);
        return errors;
    }

    /** Hashes a non-empty plain text; the plain text stays on the value for the rest of the request. */
    @Override
    public PasswordValue beforeSave(Object value, boolean isNew, String now) {
        PasswordValue v = coerce(value);
        if (v.plain().isEmpty()) {
            return v;
        }
        return new PasswordValue(Bcrypt.hash(v.plain(), cost <= 0 ? DEFAULT_COST : cost), v.plain());
    }
}
