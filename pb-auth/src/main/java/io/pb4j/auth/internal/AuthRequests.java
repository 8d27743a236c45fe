package io.pb4j.auth.internal;

import io.pb4j.core.ApiException;
import io.pb4j.core.Collection;
import io.pb4j.core.StrictJson;
import io.pb4j.core.ValidationError;
import io.pb4j.core.field.EmailField;
import io.pb4j.core.router.RequestEvent;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Optional;

/** What the mail-driven auth endpoints share: the auth collection of the path, the JSON form, PocketBase's checks. */
final class AuthRequests {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private static final EmailField EMAIL_FORMAT = EmailField.fromJson(JSON.createObjectBuilder()
            .add("id", "email_format").add("name", "email").add("type", EmailField.TYPE).build());

    private AuthRequests() {
    }

    /** The auth collection named by the {@code collection} path parameter (404 with PocketBase's messages otherwise). */
    static Collection authCollection(RequestEvent e) {
        Collection c = e.app().findCollection(e.pathParam("collection"))
                .orElseThrow(() -> ApiException.notFound("Missing or invalid collection context."));
        if (!c.isAuth()) {
            throw ApiException.notFound("Missing or invalid auth collection context.");
        }
        return c;
    }

    /** The JSON body as an object; an empty body is an empty form, a malformed one a 400 loading error. */
    static JsonObject form(RequestEvent e) {
        byte[] body = e.body();
        if (body.length == 0) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        JsonValue v = StrictJson.parse(body)
                .orElseThrow(() -> ApiException.badRequest("An error occurred while loading the submitted data."));
        if (!(v instanceof JsonObject o)) {
            throw ApiException.badRequest("An error occurred while loading the submitted data.");
        }
        return o;
    }

    /** A form string; a non-string value is a loading error, as Go's JSON decoder refuses it. */
    static String string(JsonObject form, String key) {
        JsonValue v = form.get(key);
        if (v == null || v == JsonValue.NULL) {
            return "";
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw ApiException.badRequest("An error occurred while loading the submitted data.");
    }

    /** Required, 1..max long: the first failing check, as ozzo-validation reports it. */
    static Optional<ValidationError> required(String value, int max) {
        if (value.isEmpty()) {
            return Optional.of(ValidationError.required());
        }
        return length(value, 1, max);
    }

    static Optional<ValidationError> length(String value, int min, int max) {
        int n = value.codePointCount(0, value.length());
        if (n < min || n > max) {
            return Optional.of(new ValidationError("validation_length_out_of_range",
                    "The length must be between " + min + " and " + max + ".", Map.of("min", min, "max", max)));
        }
        return Optional.empty();
    }

    /** PocketBase's email form field: required, 1..255 chars, email format. */
    static Optional<ValidationError> email(String value) {
        return required(value, 255).or(() -> EMAIL_FORMAT.validate(value));
    }

    /** Saves {@code record}; field errors become a 400 with {@code message} and the field errors as data. */
    static void save(RequestEvent e, io.pb4j.core.Record record, String message) {
        try {
            e.app().save(record);
        } catch (io.pb4j.core.ValidationException ex) {
            throw ApiException.badRequest(message, ex.errors());
        }
    }

    /** Throws PocketBase's 400 validation envelope when there are errors. */
    static void check(Map<String, Object> errors) {
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("An error occurred while validating the submitted data.", errors);
        }
    }
}
