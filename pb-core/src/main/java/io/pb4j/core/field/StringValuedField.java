package io.pb4j.core.field;

import io.pb4j.core.internal.Cast;
import jakarta.json.JsonValue;

/**
 * The shared value handling of fields stored as a {@code TEXT DEFAULT '' NOT NULL} column holding one string:
 * email, url, editor, date and autodate. {@link #coerce} is the one method a type changes (dates normalise).
 */
interface StringValuedField extends Field {
    @Override
    default String columnType() {
        return "TEXT DEFAULT '' NOT NULL";
    }

    @Override
    default String defaultValue() {
        return "";
    }

    @Override
    default String coerce(Object raw) {
        return Cast.toStr(raw);
    }

    @Override
    default String fromColumn(Object column) {
        return coerce(column);
    }

    @Override
    default Object toColumn(Object value) {
        return coerce(value);
    }

    @Override
    default JsonValue toJsonValue(Object value) {
        return io.pb4j.core.internal.Json.PROVIDER.createValue(coerce(value));
    }
}
