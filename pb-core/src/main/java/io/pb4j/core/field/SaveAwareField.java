package io.pb4j.core.field;

/**
 * A field whose value is settled just before the record is written: autodate timestamps, text autogenerate
 * patterns, password hashing.
 */
public interface SaveAwareField extends Field {
    /**
     * Returns the value to store; {@code isNew} is true for an insert, and {@code now} (a canonical datetime) is the
     * one timestamp of this save, so that every autodate field of a record gets the same value.
     */
    Object beforeSave(Object value, boolean isNew, String now);
}
