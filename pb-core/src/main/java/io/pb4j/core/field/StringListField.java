package io.pb4j.core.field;

import io.pb4j.core.internal.Cast;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared value handling of select and relation fields: de-duplicated non-empty strings, kept as a list (a JSON
 * array column) when {@link #isMultiple()}, else as the last one (a text column). Reading normalises the same way, so
 * old rows (a JSON array in a single column, or the reverse) read fine. Both take the list modifiers {@code +name},
 * {@code name+} and {@code name-}.
 */
interface StringListField extends ModifiableField {
    /** More than one value allowed ({@code maxSelect} above 1). */
    boolean isMultiple();

    @Override
    default String columnType() {
        return isMultiple() ? "JSON DEFAULT '[]' NOT NULL" : "TEXT DEFAULT '' NOT NULL";
    }

    @Override
    default Object defaultValue() {
        return isMultiple() ? List.of() : "";
    }

    /** De-duplicated non-empty strings (a string holding {@code [} is tried as a JSON array). */
    @Override
    default Object coerce(Object raw) {
        List<String> items = Cast.toUniqueStrings(raw);
        if (isMultiple()) {
            return items;
        }
        return items.isEmpty() ? "" : items.getLast();
    }

    @Override
    default Object fromColumn(Object column) {
        return coerce(column);
    }

    /** Single: the text; multiple: the JSON array text. */
    @Override
    default Object toColumn(Object value) {
        Object v = coerce(value);
        return v instanceof List<?> list ? io.pb4j.core.internal.Json.PROVIDER.createArrayBuilder(list).build().toString() : v;
    }

    @Override
    default JsonValue toJsonValue(Object value) {
        Object v = coerce(value);
        return v instanceof List<?> list ? io.pb4j.core.internal.Json.PROVIDER.createArrayBuilder(list).build() : io.pb4j.core.internal.Json.PROVIDER.createValue((String) v);
    }

    @Override
    default boolean supports(Modifier modifier) {
        return modifier != Modifier.AUTOGENERATE;
    }

    @Override
    default Object modify(Modifier modifier, Object current, Object raw) {
        List<String> existing = Cast.toUniqueStrings(current);
        List<String> submitted = Cast.toUniqueStrings(raw);
        List<String> result = new ArrayList<>();
        switch (modifier) {
            case APPEND -> {
                result.addAll(existing);
                result.addAll(submitted);
            }
            case PREPEND -> {
                result.addAll(submitted);
                result.addAll(existing);
            }
            case REMOVE -> existing.stream().filter(v -> !submitted.contains(v)).forEach(result::add);
            default -> throw new IllegalArgumentException(type() + " fields do not support " + modifier);
        }
        return coerce(result);
    }
}
