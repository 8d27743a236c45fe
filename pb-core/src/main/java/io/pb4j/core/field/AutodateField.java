package io.pb4j.core.field;

import io.pb4j.core.DateTimes;
import io.pb4j.core.ValidationError;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * PocketBase's {@code autodate} field (no {@code help}, no {@code required}). Not settable through the API: the
 * record layer ignores submitted values; {@link #beforeSave} stamps the current time on insert when {@code onCreate}
 * and on every update (changed or not) when {@code onUpdate}; like PocketBase, an {@code onUpdate}-only field stays
 * empty on insert.
 */
public record AutodateField(String id, String name, boolean system, boolean hidden, boolean presentable,
        boolean onCreate, boolean onUpdate) implements StringValuedField, SaveAwareField {
    /** The type name in PocketBase's JSON. */
    public static final String TYPE = "autodate";

    /** A builder of a {@code autodate} field named {@code name}; see {@link FieldBuilder}. */
    public static FieldBuilders.Autodate builder(String name) {
        return new FieldBuilders.Autodate(name);
    }

    /** Creates the value from its components. */
    public AutodateField {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }

    /** Reads a definition; missing options take their zero values. */
    public static AutodateField fromJson(JsonObject json) {
        return new AutodateField(Definitions.str(json, "id"), Definitions.str(json, "name"),
                Definitions.bool(json, "system"), Definitions.bool(json, "hidden"),
                Definitions.bool(json, "presentable"), Definitions.bool(json, "onCreate"),
                Definitions.bool(json, "onUpdate"));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject toJson() {
        return Definitions.write(this, null, Map.of("onCreate", onCreate, "onUpdate", onUpdate));
    }

    @Override
    public String coerce(Object raw) {
        return DateTimes.normalize(raw);
    }

    @Override
    public Optional<ValidationError> validate(Object value) {
        return Optional.empty();
    }

    /**
     * At least one of {@code onCreate}/{@code onUpdate}. (That a system field keeps its old flags needs the stored
     * collection and is checked by the collection layer.)
     */
    @Override
    public Map<String, ValidationError> validateDefinition() {
        Map<String, ValidationError> errors = Definitions.common(this, null);
        if (!onCreate && !onUpdate) {
            ValidationError either = Errors.of("validation_required", "either onCreate or onUpdate must be enabled");
            errors.put("onCreate", either);
            errors.put("onUpdate", either);
        }
        return errors;
    }

    @Override
    public String beforeSave(Object value, boolean isNew, String now) {
        if (isNew ? onCreate : onUpdate) {
            return now;
        }
        return coerce(value);
    }
}
