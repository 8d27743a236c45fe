package io.pb4j.core.field;

import io.pb4j.core.ValidationError;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Optional;

/**
 * A collection field: PocketBase's field types (text, number, bool, email, url, editor, date, autodate, select,
 * json, password, …). A field is immutable metadata; it knows its column, its default, how it coerces submitted
 * values, how it validates and how it serializes.
 *
 * <p>Java values per type: text/email/url/editor/date/autodate → {@code String} (dates in PocketBase's canonical
 * format, {@code ""} when empty); number → {@code Double}; bool → {@code Boolean}; single select/relation →
 * {@code String}; multiple select/relation → {@code List<String>}; json → {@code JsonValue} ({@code JsonValue.NULL}
 * when empty); password → {@link PasswordValue}; geoPoint → {@link GeoPoint}. Values are never {@code null}.
 *
 * <p>Optional capabilities are separate interfaces: {@link ModifiableField}, {@link SaveAwareField}.
 */
public interface Field {
    /** The field's id, stable across renames. */
    String id();

    /** The field's name: the record key and the column. */
    String name();

    /** PocketBase's type name, e.g. {@code "text"}. */
    String type();

    /** Whether the field is a system field (it cannot be renamed or removed). */
    boolean system();

    /** Whether the field is left out of API responses (superusers see it). */
    boolean hidden();

    /** Whether the dashboard shows the field as the record's label in relation pickers. */
    boolean presentable();

    /** The definition as PocketBase serializes it: every option, keys sorted alphabetically, {@code "type"} included. */
    JsonObject toJson();

    /** Column definition in PocketBase's on-disk schema, e.g. {@code TEXT DEFAULT '' NOT NULL}. */
    String columnType();

    /** The value a new record starts with. */
    Object defaultValue();

    /**
     * Coerces a submitted value with PocketBase's lenient cast rules. Accepts JSON-P values
     * ({@code JsonString}, {@code JsonNumber}, {@code JsonValue.TRUE}, arrays …) and plain Java values
     * ({@code String}, {@code Number}, {@code Boolean}, {@code List}, {@code null}).
     */
    Object coerce(Object raw);

    /** Converts a value read from the column (as JDBC returns it, possibly {@code null}) to the Java value. */
    Object fromColumn(Object column);

    /** The value bound to the column when the record is written. */
    Object toColumn(Object value);

    /** The value in the record's JSON. */
    JsonValue toJsonValue(Object value);

    /** Validates a record value; empty when valid. */
    Optional<ValidationError> validate(Object value);

    /**
     * Validates this definition when its collection is saved, keyed by option name (e.g. {@code "max"});
     * empty when valid.
     */
    Map<String, ValidationError> validateDefinition();
}
