package io.pb4j.auth.internal;

import io.pb4j.core.ApiException;
import io.pb4j.core.Collection;
import io.pb4j.core.DateTimes;
import io.pb4j.core.Record;
import io.pb4j.core.ValidationError;
import io.pb4j.core.field.Field;
import io.pb4j.core.mail.MailException;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.router.Router;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code POST /api/settings/test/email} {@code {"email","template","collection"?}} (superusers): PocketBase's
 * {@code forms.TestEmailSend}. Sends the chosen template of the auth collection (default {@code _superusers}) for a
 * stand-in record whose visible fields read {@code __pb_test_<field>__}, through the app's mail client.
 */
final class SettingsMailTestApi {
    private static final List<String> TEMPLATES = List.of("verification", "password-reset", "email-change", "otp", "login-alert");

    private SettingsMailTestApi() {
    }

    static void bind(Router router) {
        router.post("/api/settings/test/email", SettingsMailTestApi::test).bind(SuperuserOnly.MIDDLEWARE);
    }

    private static void test(RequestEvent e) {
        JsonObject form = AuthRequests.form(e);
        String email = AuthRequests.string(form, "email");
        String template = AuthRequests.string(form, "template");
        String collectionName = AuthRequests.string(form, "collection");
        Map<String, Object> errors = new TreeMap<>();
        AuthRequests.length(collectionName, 1, 255).filter(x -> !collectionName.isEmpty())
                .or(() -> collectionName.isEmpty() || authCollection(e, collectionName).isPresent() ? Optional.empty()
                        : Optional.of(new ValidationError("validation_invalid_auth_collection",
                                "Must be a valid auth collection id or name.")))
                .ifPresent(err -> errors.put("collection", err));
        AuthRequests.email(email).ifPresent(err -> errors.put("email", err));
        (template.isEmpty() ? Optional.of(ValidationError.required()) : TEMPLATES.contains(template) ? Optional.<ValidationError>empty()
                : Optional.of(new ValidationError("validation_in_invalid", "Must be a valid value.")))
                .ifPresent(err -> errors.put("template", err));
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("Failed to send the test email.", errors);
        }
        Collection c = authCollection(e, collectionName.isEmpty() ? "_superusers" : collectionName).orElseThrow();
        try {
            send(e, sample(c, email), template, email);
        } catch (MailException ex) {
            throw ApiException.badRequest("Failed to send the test email. Raw error: \n" + ex.getMessage());
        }
        e.noContent();
    }

    private static Optional<Collection> authCollection(RequestEvent e, String idOrName) {
        return e.app().findCollection(idOrName).filter(Collection::isAuth);
    }

    /** A new record with placeholder values in its visible fields, a fresh token key and the given email. */
    private static Record sample(Collection c, String email) {
        Record r = Record.create(c);
        for (Field f : c.fields()) {
            if (!f.hidden()) {
                r.set(f.name(), "__pb_test_" + f.name() + "__");
            }
        }
        r.set("tokenKey", io.pb4j.core.security.RandomStrings.alphanumeric(50));
        r.set("email", email);
        return r;
    }

    private static void send(RequestEvent e, Record r, String template, String email) {
        switch (template) {
            case "verification" -> AuthMails.verification(e.app(), r);
            case "password-reset" -> AuthMails.passwordReset(e.app(), r);
            case "email-change" -> AuthMails.emailChange(e.app(), r, email);
            case "otp" -> AuthMails.otp(e.app(), r, "_PB_TEST_OTP_ID_", "123456");
            default -> AuthMails.authAlert(e.app(), r, DateTimes.now() + " - TEST_IP TEST_USER_AGENT");
        }
    }
}
