package io.pb4j.auth.internal;

import io.pb4j.core.ApiException;
import io.pb4j.core.Collection;
import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import io.pb4j.core.RecordRequestEvent;
import io.pb4j.core.ValidationError;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.router.Router;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Password reset: {@code POST /api/collections/{collection}/request-password-reset} mails a reset token (204 whether
 * or not the email is known) and {@code confirm-password-reset} sets the new password, which rotates the
 * {@code tokenKey} and so invalidates the reset token itself and every other token of the record.
 */
final class PasswordResetApi {
    private static final Duration RESEND_LOCK = Duration.ofMinutes(2);

    private PasswordResetApi() {
    }

    static void bind(Router router) {
        router.post("/api/collections/{collection}/request-password-reset", PasswordResetApi::request);
        router.post("/api/collections/{collection}/confirm-password-reset", PasswordResetApi::confirm);
    }

    private static void request(RequestEvent e) {
        Collection c = AuthRequests.authCollection(e);
        if (!PasswordAuth.enabled(c)) {
            throw ApiException.badRequest("The collection is not configured to allow password authentication.");
        }
        JsonObject form = AuthRequests.form(e);
        String email = AuthRequests.string(form, "email");
        Map<String, Object> errors = new LinkedHashMap<>();
        AuthRequests.email(email).ifPresent(err -> errors.put("email", err));
        AuthRequests.check(errors);

        Optional<Record> found = e.app().findRecordByUniqueField(c, "email", email);
        AuthLimits limits = AuthLimits.of(e.app());
        // the same 204 for unknown emails and pending locks: no account enumeration
        if (found.isEmpty() || limits.isLocked(resendKey(found.get()))) {
            e.noContent();
            return;
        }
        Record record = found.get();
        PocketBase app = e.app();
        app.hooks().recordRequestPasswordResetRequest().trigger(new RecordRequestEvent(e, c, found), ev -> {
            // locked before sending, as the verification request: a client that has seen the mail finds the lock
            limits.lock(resendKey(record), RESEND_LOCK);
            Background.run("send password reset email", () -> AuthMails.passwordReset(app, record));
            e.noContent();
        });
    }

    private static void confirm(RequestEvent e) {
        Collection c = AuthRequests.authCollection(e);
        JsonObject form = AuthRequests.form(e);
        String token = AuthRequests.string(form, "token");
        String password = AuthRequests.string(form, "password");
        String passwordConfirm = AuthRequests.string(form, "passwordConfirm");
        int min = Math.max(1, c.field("password").map(f -> f.toJson().getInt("min", 0)).orElse(0));

        Map<String, Object> errors = new LinkedHashMap<>();
        if (token.isEmpty()) {
            errors.put("token", ValidationError.required());
        } else {
            checkToken(e.app(), c, token).ifPresent(err -> errors.put("token", err));
        }
        (password.isEmpty() ? Optional.of(ValidationError.required()) : AuthRequests.length(password, min, 255))
                .ifPresent(err -> errors.put("password", err));
        if (passwordConfirm.isEmpty()) {
            errors.put("passwordConfirm", ValidationError.required());
        } else if (!passwordConfirm.equals(password)) {
            errors.put("passwordConfirm", new ValidationError("validation_values_mismatch", "Values don't match."));
        }
        AuthRequests.check(errors);

        Record record = AuthTokens.verify(e.app(), token, TokenType.PASSWORD_RESET)
                .orElseThrow(() -> ApiException.badRequest("Invalid or expired password reset token."));
        e.app().hooks().recordConfirmPasswordResetRequest().trigger(new RecordRequestEvent(e, c, Optional.of(record)), ev -> {
            record.setPassword(password);
            if (!record.getBool("verified")) {
                Object claimed = Tokens.parseUnverified(token).map(claims -> claims.get("email")).orElse(null);
                if (record.email().equals(claimed)) {
                    record.set("verified", true);
                }
            }
            AuthRequests.save(e, record, "Failed to set new password.");
            AuthLimits.of(e.app()).unlock(resendKey(record));
            e.noContent();
        });
    }

    private static Optional<ValidationError> checkToken(PocketBase app, Collection c, String token) {
        Optional<Record> record = AuthTokens.verify(app, token, TokenType.PASSWORD_RESET);
        if (record.isEmpty()) {
            return Optional.of(new ValidationError("validation_invalid_token", "Invalid or expired token."));
        }
        if (!record.get().collection().id().equals(c.id())) {
            return Optional.of(new ValidationError("validation_token_collection_mismatch",
                    "The provided token is for different auth collection."));
        }
        return Optional.empty();
    }

    private static String resendKey(Record record) {
        return "@limitPasswordResetEmail_" + record.collection().id() + record.id();
    }
}
