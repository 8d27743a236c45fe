package io.pb4j.auth.internal;

import io.pb4j.core.ApiException;
import io.pb4j.core.Collection;
import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import io.pb4j.core.RecordRequestEvent;
import io.pb4j.core.ValidationError;
import io.pb4j.core.mail.MailException;
import io.pb4j.core.router.Middlewares;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.router.Router;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Email change: {@code POST /api/collections/{collection}/request-email-change} (by the signed-in record) mails a
 * token to the new address; {@code confirm-email-change} (token + current password) sets the new email, marks it
 * verified and rotates the {@code tokenKey}.
 */
final class EmailChangeApi {
    private static final System.Logger LOG = System.getLogger(EmailChangeApi.class.getName());

    private EmailChangeApi() {
    }

    static void bind(Router router) {
        router.post("/api/collections/{collection}/request-email-change", EmailChangeApi::request)
                .bind(Middlewares.requireSameCollectionContextAuth(""));
        router.post("/api/collections/{collection}/confirm-email-change", EmailChangeApi::confirm);
    }

    private static void request(RequestEvent e) {
        // the route's RequireSameCollectionContextAuth ran before the handler (and before the auth-type check)
        Record auth = e.auth().orElseThrow(() -> ApiException.unauthorized("The request requires valid record authorization token."));
        Collection c = AuthRequests.authCollection(e);
        if (c.isSuperusers()) {
            throw ApiException.badRequest("All superusers can change their emails directly.");
        }
        JsonObject form = AuthRequests.form(e);
        String newEmail = AuthRequests.string(form, "newEmail");
        Map<String, Object> errors = new LinkedHashMap<>();
        AuthRequests.email(newEmail).or(() -> {
            if (newEmail.equals(auth.email())) {
                return Optional.of(new ValidationError("validation_not_in_invalid", "Must not be in list."));
            }
            Optional<Record> taken = e.app().findRecordByUniqueField(c, "email", newEmail);
            return taken.isPresent() && !taken.get().id().equals(auth.id())
                    ? Optional.of(new ValidationError("validation_invalid_new_email", "Invalid new email address."))
                    : Optional.empty();
        }).ifPresent(err -> errors.put("newEmail", err));
        AuthRequests.check(errors);

        e.app().hooks().recordRequestEmailChangeRequest().trigger(new RecordRequestEvent(e, c, Optional.of(auth)), ev -> {
            try {
                AuthMails.emailChange(e.app(), auth, newEmail);
            } catch (MailException ex) {
                LOG.log(System.Logger.Level.ERROR, "Failed to send email change email: " + ex.getMessage());
                throw ApiException.badRequest("Failed to request email change.");
            }
            e.noContent();
        });
    }

    private static void confirm(RequestEvent e) {
        Collection c = AuthRequests.authCollection(e);
        if (c.isSuperusers()) {
            throw ApiException.badRequest("All superusers can change their emails directly.");
        }
        JsonObject form = AuthRequests.form(e);
        String token = AuthRequests.string(form, "token");
        String password = AuthRequests.string(form, "password");

        Map<String, Object> errors = new LinkedHashMap<>();
        ParsedToken parsed = parse(e.app(), c, token);
        if (token.isEmpty()) {
            errors.put("token", ValidationError.required());
        } else if (parsed.error().isPresent()) {
            errors.put("token", parsed.error().get());
        }
        AuthRequests.required(password, 100).or(() -> parsed.record().filter(r -> r.validatePassword(password)).isPresent()
                ? Optional.empty()
                : Optional.of(new ValidationError("validation_invalid_password", "Missing or invalid auth record password.")))
                .ifPresent(err -> errors.put("password", err));
        AuthRequests.check(errors);

        Record record = parsed.record().orElseThrow(() -> ApiException.badRequest("Invalid or expired token."));
        e.app().hooks().recordConfirmEmailChangeRequest().trigger(new RecordRequestEvent(e, c, Optional.of(record)), ev -> {
            record.set("email", parsed.newEmail());
            record.set("verified", true);
            AuthRequests.save(e, record, "Failed to confirm email change.");
            e.noContent();
        });
    }

    private record ParsedToken(Optional<Record> record, String newEmail, Optional<ValidationError> error) {
        static ParsedToken failed(String code, String message) {
            return new ParsedToken(Optional.empty(), "", Optional.of(new ValidationError(code, message)));
        }
    }

    private static ParsedToken parse(PocketBase app, Collection c, String token) {
        Object newEmail = Tokens.parseUnverified(token).map(claims -> claims.get("newEmail")).orElse(null);
        if (!(newEmail instanceof String email) || email.isEmpty()) {
            return ParsedToken.failed("validation_invalid_token_payload", "Invalid token payload - newEmail must be set.");
        }
        Optional<Record> record = AuthTokens.verify(app, token, TokenType.EMAIL_CHANGE);
        if (record.isEmpty()) {
            return ParsedToken.failed("validation_invalid_token", "Invalid or expired token.");
        }
        if (!record.get().collection().id().equals(c.id())) {
            return ParsedToken.failed("validation_token_collection_mismatch", "The provided token is for different auth collection.");
        }
        if (app.findRecordByUniqueField(c, "email", email).isPresent()) {
            return ParsedToken.failed("validation_invalid_token_email", "The new email address is invalid.");
        }
        return new ParsedToken(record, email, Optional.empty());
    }
}
