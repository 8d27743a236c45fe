package io.pb4j.core.internal;

import io.pb4j.core.Collection;
import io.pb4j.core.ValidationError;
import io.pb4j.core.internal.settings.Checks;
import io.pb4j.core.spi.SqlSession;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PocketBase's validation of an auth collection's options (core/collection_model_auth_options.go): the token
 * secrets and durations, the mail templates, OTP and MFA when enabled (MFA needs two auth methods), the OAuth2
 * providers' client id, secret and URLs, and the authRule, manageRule and MFA rule as filters. Errors are nested as
 * PocketBase names them ({@code otp.duration}, {@code oauth2.providers.0.clientId}), the first of each option.
 */
final class AuthOptionsCheck {
    private static final List<String> TOKENS = List.of("authToken", "passwordResetToken", "emailChangeToken",
            "verificationToken", "fileToken");
    private static final List<String> TEMPLATES = List.of("verificationTemplate", "resetPasswordTemplate",
            "confirmEmailChangeTemplate");
    private static final long MAX_TOKEN_SECONDS = 94670856; // ~3 years, as PocketBase

    private AuthOptionsCheck() {
    }

    static Map<String, Object> errors(SqlSession s, Collection c) {
        Map<String, Object> errors = new LinkedHashMap<>();
        if (!c.isAuth()) {
            return errors;
        }
        JsonObject o = c.options();
        rule(s, c, o.get("authRule"), false).ifPresent(e -> errors.put("authRule", e));
        rule(s, c, o.get("manageRule"), true).ifPresent(e -> errors.put("manageRule", e));
        nest(errors, "authAlert", Map.of("emailTemplate", template(obj(o, "authAlert").get("emailTemplate"))));
        JsonObject oauth2 = obj(o, "oauth2");
        if (oauth2.getBoolean("enabled", false)) {
            nest(errors, "oauth2", Map.of("providers", providers(oauth2)));
        }
        JsonObject otp = obj(o, "otp");
        Map<String, Object> otpErrors = new LinkedHashMap<>();
        if (otp.getBoolean("enabled", false)) {
            duration(num(otp, "duration"), 86400).ifPresent(e -> otpErrors.put("duration", e));
            long length = num(otp, "length");
            Checks.required(length).or(() -> Checks.min(length, 4)).ifPresent(e -> otpErrors.put("length", e));
        }
        Map<String, Object> otpTemplate = template(otp.get("emailTemplate"));
        if (!otpTemplate.isEmpty()) {
            otpErrors.put("emailTemplate", otpTemplate);
        }
        nest(errors, "otp", otpErrors);
        JsonObject mfa = obj(o, "mfa");
        if (mfa.getBoolean("enabled", false)) {
            duration(num(mfa, "duration"), 86400).ifPresent(e -> errors.put("mfa", Map.of("duration", e)));
        }
        for (String token : TOKENS) {
            JsonObject t = obj(o, token);
            Map<String, Object> tokenErrors = new LinkedHashMap<>();
            String secret = t.getString("secret", "");
            Checks.required(secret).or(() -> Checks.length(secret, 30, 255)).ifPresent(e -> tokenErrors.put("secret", e));
            duration(num(t, "duration"), MAX_TOKEN_SECONDS).ifPresent(e -> tokenErrors.put("duration", e));
            nest(errors, token, tokenErrors);
        }
        for (String name : TEMPLATES) {
            JsonValue tpl = o.get(name);
            if (!(tpl instanceof JsonObject)) {
                errors.put(name, ValidationError.required());
            } else {
                nest(errors, name, template(tpl));
            }
        }
        if (!errors.isEmpty() || !mfa.getBoolean("enabled", false)) {
            return errors;
        }
        // as PocketBase, once the rest is valid: MFA needs a second auth method, and its rule must be a valid filter
        long methods = List.of("passwordAuth", "oauth2", "otp").stream().filter(k -> obj(o, k).getBoolean("enabled", false)).count();
        if (methods < 2) {
            errors.put("mfa", Map.of("enabled", new ValidationError("validation_mfa_not_enough_auths",
                    "MFA requires at least 2 auth methods to be enabled.")));
        } else {
            rule(s, c, mfa.get("rule"), false).ifPresent(e -> errors.put("mfa", Map.of("rule", e)));
        }
        return errors;
    }

    private static Map<String, Object> providers(JsonObject oauth2) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!(oauth2.get("providers") instanceof jakarta.json.JsonArray list)) {
            return out;
        }
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof JsonObject p)) {
                continue;
            }
            Map<String, Object> e = new LinkedHashMap<>();
            Checks.required(p.getString("clientId", "")).ifPresent(x -> e.put("clientId", x));
            Checks.required(p.getString("clientSecret", "")).ifPresent(x -> e.put("clientSecret", x));
            for (String url : List.of("authURL", "tokenURL", "userInfoURL")) {
                Checks.url(p.getString(url, "")).ifPresent(x -> e.put(url, x));
            }
            if (!e.isEmpty()) {
                out.put(String.valueOf(i), e);
            }
        }
        return out;
    }

    /** An EmailTemplate: subject and body both required. */
    private static Map<String, Object> template(JsonValue value) {
        JsonObject t = value instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        Map<String, Object> e = new LinkedHashMap<>();
        Checks.required(t.getString("subject", "")).ifPresent(x -> e.put("subject", x));
        Checks.required(t.getString("body", "")).ifPresent(x -> e.put("body", x));
        return e;
    }

    private static Optional<ValidationError> duration(long seconds, long max) {
        return Checks.required(seconds).or(() -> Checks.min(seconds, 10)).or(() -> Checks.max(seconds, max));
    }

    private static Optional<ValidationError> rule(SqlSession s, Collection c, JsonValue value, boolean nilOrNotEmpty) {
        if (!(value instanceof JsonString str)) {
            return Optional.empty();
        }
        String rule = str.getString();
        if (rule.isBlank()) {
            // manageRule: null (superusers only) or a filter, never "everyone" (validation.NilOrNotEmpty)
            return nilOrNotEmpty ? Optional.of(new ValidationError("validation_nil_or_not_empty_required", "Cannot be blank."))
                    : Optional.empty();
        }
        return RuleCheck.error(s, c, rule).map(msg -> new ValidationError("validation_invalid_rule", "Invalid rule. Raw error: " + msg));
    }

    private static JsonObject obj(JsonObject o, String key) {
        return o.get(key) instanceof JsonObject v ? v : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static long num(JsonObject o, String key) {
        return o.get(key) instanceof JsonNumber n ? n.longValue() : 0;
    }

    private static void nest(Map<String, Object> errors, String key, Map<String, Object> inner) {
        Map<String, Object> kept = new LinkedHashMap<>(inner);
        kept.values().removeIf(v -> v instanceof Map<?, ?> m && m.isEmpty());
        if (!kept.isEmpty()) {
            errors.put(key, kept);
        }
    }
}
