package io.pb4j.core.field;

/**
 * A field whose value is settled just before the record is written: autodate timestamps, text autogenerate
 * patterns, password hashing.
 */
public interface SaveAwareField extends Field {
    /** Returns the value to store; {@code isNew} is true for an insert. Called after validation. */
    Object beforeSave(Object value, boolean isNew);
}
