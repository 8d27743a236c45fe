package io.pb4j.http.internal.records;

import io.pb4j.core.Record;
import io.pb4j.core.ValidationError;
import io.pb4j.core.ValidationException;
import io.pb4j.core.field.Field;
import io.pb4j.core.field.ModifiableField;
import io.pb4j.core.field.ModifiableField.Modifier;
import jakarta.json.JsonString;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads a submitted body into a record: plain keys set values, then {@code name+}, {@code +name}, {@code name-} and
 * {@code name:autogenerate} apply to the result; hidden fields are dropped for non-superusers (except the auth
 * password); auth collections check {@code passwordConfirm}.
 */
final class RecordForm {
    private RecordForm() {
    }

    static void load(Record record, Map<String, Object> body, boolean superuser) {
        boolean auth = record.collection().isAuth();
        for (Field f : record.collection().fields()) {
            String name = f.name();
            if (f.hidden() && !superuser && !(auth && "password".equals(name))) {
                continue;
            }
            if ("autodate".equals(f.type()) || (auth && "tokenKey".equals(name) && !superuser)) {
                continue;
            }
            if (body.containsKey(name)) {
                record.set(name, body.get(name));
            }
            if (f instanceof ModifiableField m) {
                apply(record, m, Modifier.PREPEND, body.get("+" + name));
                apply(record, m, Modifier.APPEND, body.get(name + "+"));
                apply(record, m, Modifier.REMOVE, body.get(name + "-"));
                apply(record, m, Modifier.AUTOGENERATE, body.get(name + ":autogenerate"));
            }
        }
        if (auth && body.containsKey("password")) {
            Object confirm = body.get("passwordConfirm");
            String plain = text(body.get("password"));
            if (!plain.equals(text(confirm))) {
                Map<String, Object> errors = new LinkedHashMap<>();
                errors.put("passwordConfirm", confirm == null || text(confirm).isEmpty()
                        ? ValidationError.required()
                        : new ValidationError("validation_values_mismatch", "Values don't match."));
                throw new ValidationException(errors);
            }
        }
    }

    private static void apply(Record record, ModifiableField f, Modifier modifier, Object raw) {
        if (raw != null && f.supports(modifier)) {
            Object current = record.get(f.name()).orElse(f.defaultValue());
            record.setRaw(f.name(), f.modify(modifier, current, raw));
        }
    }

    private static String text(Object v) {
        if (v == null) {
            return "";
        }
        return v instanceof JsonString s ? s.getString() : String.valueOf(v);
    }
}
