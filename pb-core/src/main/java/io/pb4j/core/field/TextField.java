package io.pb4j.core.field;

import io.pb4j.core.ValidationError;
import io.pb4j.core.internal.Cast;
import io.pb4j.core.internal.security.RandomByRegex;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * PocketBase's {@code text} field. {@code max} 0 means the default limit of 5000 characters; lengths are counted in
 * code points. A non-empty {@code autogeneratePattern} fills an empty value on insert (see {@link #beforeSave}).
 */
public record TextField(String id, String name, boolean system, boolean hidden, boolean presentable, String help,
        int min, int max, String pattern, String autogeneratePattern, boolean required, boolean primaryKey)
        implements StringValuedField, ModifiableField, SaveAwareField {
    /** The type name in PocketBase's JSON. */
    public static final String TYPE = "text";

    /** A builder of a {@code text} field named {@code name}; see {@link FieldBuilder}. */
    public static FieldBuilders.Text builder(String name) {
        return new FieldBuilders.Text(name);
    }
    /** PocketBase's length limit when {@code max} is 0. */
    public static final int DEFAULT_MAX = 5000;
    /** The id pattern PocketBase gives new collections; other patterns get extra primary key checks. */
    public static final String DEFAULT_ID_PATTERN = "^[a-z0-9]+$";

    private static final List<String> FORBIDDEN_PK_CHARACTERS = List.of(
            ".", "/", "\\", "|", "\"", "'", "`", "<", ">", ":", "?", "*", "%", "$", "\0", "\t", "\n", "\r", " ");
    private static final List<String> RESERVED_PKS = List.of("CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    /** Creates the value from its components. */
    public TextField {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(autogeneratePattern, "autogeneratePattern");
    }

    /** The {@code id} field PocketBase gives every new collection. */
    public static TextField primaryKeyField() {
        return new TextField(FieldTypes.defaultId(TYPE, "id"), "id", true, false, false, "",
                15, 15, DEFAULT_ID_PATTERN, "[a-z0-9]{15}", true, true);
    }

    /** Reads a definition; missing options take their zero values. */
    public static TextField fromJson(JsonObject json) {
        return new TextField(Definitions.str(json, "id"), Definitions.str(json, "name"),
                Definitions.bool(json, "system"), Definitions.bool(json, "hidden"),
                Definitions.bool(json, "presentable"), Definitions.str(json, "help"),
                Definitions.intValue(json, "min"), Definitions.intValue(json, "max"),
                Definitions.str(json, "pattern"), Definitions.str(json, "autogeneratePattern"),
                Definitions.bool(json, "required"), Definitions.bool(json, "primaryKey"));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject toJson() {
        return Definitions.write(this, help, Map.of("min", min, "max", max, "pattern", pattern,
                "autogeneratePattern", autogeneratePattern, "required", required, "primaryKey", primaryKey));
    }

    @Override
    public String columnType() {
        // the default is only a fallback for rows inserted with raw SQL
        return primaryKey
                ? "TEXT PRIMARY KEY DEFAULT ('r'||lower(hex(randomblob(7)))) NOT NULL"
                : "TEXT DEFAULT '' NOT NULL";
    }

    /**
     * Required, min/max length, pattern and, for a primary key with a custom pattern, forbidden characters and
     * reserved names. (Primary key change and case-insensitive uniqueness need the store and are checked there.)
     */
    @Override
    public Optional<ValidationError> validate(Object value) {
        String v = coerce(value);
        if ((required || primaryKey) && v.isEmpty()) {
            return Optional.of(Errors.required());
        }
        if (v.isEmpty()) {
            return Optional.empty();
        }
        int length = v.codePointCount(0, v.length());
        if (min > 0 && length < min) {
            return Optional.of(Errors.minText(min));
        }
        int limit = max == 0 ? DEFAULT_MAX : max;
        if (limit > 0 && length > limit) {
            return Optional.of(Errors.maxText(limit));
        }
        if (!pattern.isEmpty() && !Regexes.find(pattern, v)) {
            return Optional.of(Errors.invalidFormat());
        }
        if (primaryKey && !pattern.equals(DEFAULT_ID_PATTERN)) {
            return primaryKeyError(v, length);
        }
        return Optional.empty();
    }

    private static Optional<ValidationError> primaryKeyError(String v, int length) {
        for (String ch : FORBIDDEN_PK_CHARACTERS) {
            if (v.contains(ch)) {
                return Optional.of(Errors.of("validation_forbidden_pk_character",
                        "'{{.ch}}' is not a valid primary key character.", Map.of("ch", ch)));
            }
        }
        if (length <= 4) {
            for (String reserved : RESERVED_PKS) {
                if (reserved.equalsIgnoreCase(v)) {
                    return Optional.of(Errors.of("validation_reserved_pk",
                            "The primary key '{{.reserved}}' is reserved and cannot be used.",
                            Map.of("reserved", reserved)));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Map<String, ValidationError> validateDefinition() {
        return TextDefinitionRules.check(this);
    }

    @Override
    public boolean supports(Modifier modifier) {
        return modifier == Modifier.AUTOGENERATE;
    }

    /** {@code name:autogenerate}: the submitted prefix followed by a generated value (when a pattern is set). */
    @Override
    public String modify(Modifier modifier, Object current, Object raw) {
        if (modifier != Modifier.AUTOGENERATE) {
            throw new IllegalArgumentException("text fields do not support " + modifier);
        }
        String prefix = Cast.toStr(raw);
        return autogeneratePattern.isEmpty() ? prefix : prefix + RandomByRegex.generate(autogeneratePattern);
    }

    /** Fills an empty value on insert from {@code autogeneratePattern}. */
    @Override
    public String beforeSave(Object value, boolean isNew, String now) {
        String v = coerce(value);
        if (isNew && v.isEmpty() && !autogeneratePattern.isEmpty()) {
            return RandomByRegex.generate(autogeneratePattern);
        }
        return v;
    }
}
