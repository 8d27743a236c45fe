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
 * Email verification: {@code POST /api/collections/{collection}/request-verification} mails a verification token
 * (answering 204 whether or not the email is known) and {@code confirm-verification} marks the record verified.
 */
final class VerificationApi {
    private static final Duration RESEND_LOCK = Duration.ofMinutes(2);

    private VerificationApi() {
    }

    static void bind(Router router) {
        router.post("/api/collections/{collection}/request-verification", VerificationApi::request);
        router.post("/api/collections/{collection}/confirm-verification", VerificationApi::confirm);
    }

    private static void request(RequestEvent e) {
        Collection c = AuthRequests.authCollection(e);
        if (c.isSuperusers()) {
            throw ApiException.badRequest("All superusers are verified by default.");
        }
        JsonObject form = AuthRequests.form(e);
        String email = AuthRequests.string(form, "email");
        Map<String, Object> errors = new LinkedHashMap<>();
        AuthRequests.email(email).ifPresent(err -> errors.put("email", err));
        AuthRequests.check(errors);

        Optional<Record> found = e.app().findRecordByUniqueField(c, "email", email);
        // the same 204 whether the email is unknown, locked or already verified: no account enumeration
        if (found.isEmpty()) {
            e.noContent();
            return;
        }
        Record record = found.get();
        String lockKey = resendKey(record);
        AuthLimits limits = AuthLimits.of(e.app());
        if (record.getBool("verified") || limits.isLocked(lockKey)) {
            e.noContent();
            return;
        }
        PocketBase app = e.app();
        app.hooks().recordRequestVerificationRequest().trigger(new RecordRequestEvent(e, c, found), ev -> {
            // locked before sending (PocketBase locks after): a second request while the mail is on its way is
            // also held back, and a client that has seen the mail always finds the lock in place
            limits.lock(lockKey, RESEND_LOCK);
            Background.run("send verification email", () -> AuthMails.verification(app, record));
            e.noContent();
        });
    }

    private static void confirm(RequestEvent e) {
        Collection c = AuthRequests.authCollection(e);
        if (c.isSuperusers()) {
            throw ApiException.badRequest("All superusers are verified by default.");
        }
        JsonObject form = AuthRequests.form(e);
        String token = AuthRequests.string(form, "token");
        Map<String, Object> errors = new LinkedHashMap<>();
        if (token.isEmpty()) {
            errors.put("token", ValidationError.required());
        } else {
            checkToken(e.app(), c, token).ifPresent(err -> errors.put("token", err));
        }
        AuthRequests.check(errors);

        Record record = AuthTokens.verify(e.app(), token, TokenType.VERIFICATION)
                .orElseThrow(() -> ApiException.badRequest("Invalid or expired verification token."));
        e.app().hooks().recordConfirmVerificationRequest().trigger(new RecordRequestEvent(e, c, Optional.of(record)), ev -> {
            if (!record.getBool("verified")) {
                record.set("verified", true);
                // as with OTP sign-in: a verified upgrade without password auth gets a random password (pre-hijacking)
                if (!PasswordAuth.enabled(c)) {
                    PasswordAuth.randomize(record);
                }
                AuthRequests.save(e, record, "An error occurred while saving the verified state.");
            }
            AuthLimits.of(e.app()).unlock(resendKey(record));
            e.noContent();
        });
    }

    private static Optional<ValidationError> checkToken(PocketBase app, Collection c, String token) {
        Object email = Tokens.parseUnverified(token).map(claims -> claims.get("email")).orElse(null);
        if (!(email instanceof String claimed) || claimed.isEmpty()) {
            return Optional.of(new ValidationError("validation_invalid_token_claims", "Missing email token claim."));
        }
        Optional<Record> record = AuthTokens.verify(app, token, TokenType.VERIFICATION);
        if (record.isEmpty()) {
            return Optional.of(new ValidationError("validation_invalid_token", "Invalid or expired token."));
        }
        if (!record.get().collection().id().equals(c.id())) {
            return Optional.of(new ValidationError("validation_token_collection_mismatch",
                    "The provided token is for different auth collection."));
        }
        if (!record.get().email().equals(claimed)) {
            return Optional.of(new ValidationError("validation_token_email_mismatch",
                    "The record email doesn't match with the requested token claims."));
        }
        return Optional.empty();
    }

    private static String resendKey(Record record) {
        return "@limitVerificationEmail_" + record.collection().id() + record.id();
    }
}
