package io.pb4j.core;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A typed view of an auth collection's options ({@link Collection#authOptions()}): PocketBase's {@code AuthOptions},
 * read from the stored JSON, with PocketBase's zero values where a key is missing (a base or view collection has none
 * of them: everything is off).
 *
 * <pre>{@code
 * if (collection.authOptions().mfa().enabled()) { ... }
 * Duration ttl = collection.authOptions().authToken().duration().orElse(Duration.ofDays(14));
 * }</pre>
 *
 * @param json the options as stored in {@code _collections.options}
 */
public record AuthOptions(JsonObject json) {
    /** {@code passwordAuth}: sign-in with a password and one of the identity fields. */
    public record PasswordAuth(boolean enabled, List<String> identityFields) {
    }

    /** {@code oauth2}: sign-in with the configured providers; {@code mappedFields} maps provider data to fields. */
    public record OAuth2(boolean enabled, JsonObject mappedFields, List<JsonObject> providers) {
    }

    /** {@code mfa}: a second sign-in method within {@code duration}, for the records {@code rule} matches ("": all). */
    public record Mfa(boolean enabled, Duration duration, String rule) {
    }

    /** {@code otp}: one-time passwords of {@code length} digits, valid for {@code duration}. */
    public record Otp(boolean enabled, Duration duration, int length) {
    }

    /** {@code authAlert}: an email on a sign-in from a new device. */
    public record AuthAlert(boolean enabled) {
    }

    /** One token kind's options: its signing secret and lifetime (empty when not stored). */
    public record Token(String secret, Optional<Duration> duration) {
    }

    /** Creates the value from its components. */
    public AuthOptions {
        java.util.Objects.requireNonNull(json, "json");
    }

    /** {@code authRule}: empty for a null rule (only superusers may sign in), else the rule ("": everyone). */
    public Optional<String> authRule() {
        return rule("authRule");
    }

    /** {@code manageRule}: empty for a null rule (nobody manages others), else the rule. */
    public Optional<String> manageRule() {
        return rule("manageRule");
    }

    /** {@code passwordAuth}; off when missing. */
    public PasswordAuth passwordAuth() {
        JsonObject o = object("passwordAuth");
        List<String> fields = o.get("identityFields") instanceof JsonArray a
                ? a.stream().filter(v -> v instanceof JsonString).map(v -> ((JsonString) v).getString()).toList() : List.of();
        return new PasswordAuth(o.getBoolean("enabled", false), fields);
    }

    /** {@code oauth2}; off, with no providers, when missing. */
    public OAuth2 oauth2() {
        JsonObject o = object("oauth2");
        JsonObject mapped = o.get("mappedFields") instanceof JsonObject m ? m : JsonValue.EMPTY_JSON_OBJECT;
        List<JsonObject> providers = o.get("providers") instanceof JsonArray a
                ? a.stream().filter(v -> v instanceof JsonObject).map(JsonValue::asJsonObject).toList() : List.of();
        return new OAuth2(o.getBoolean("enabled", false), mapped, providers);
    }

    /** {@code mfa}; off when missing. */
    public Mfa mfa() {
        JsonObject o = object("mfa");
        return new Mfa(o.getBoolean("enabled", false), seconds(o).orElse(Duration.ZERO),
                o.get("rule") instanceof JsonString s ? s.getString() : "");
    }

    /** {@code otp}; off when missing (PocketBase's defaults: 180 s, 8 digits). */
    public Otp otp() {
        JsonObject o = object("otp");
        return new Otp(o.getBoolean("enabled", false), seconds(o).orElse(Duration.ofSeconds(180)),
                o.get("length") instanceof JsonNumber n ? n.intValue() : 8);
    }

    /** {@code authAlert}; off when missing. */
    public AuthAlert authAlert() {
        return new AuthAlert(object("authAlert").getBoolean("enabled", false));
    }

    /** The options of a token kind by its key: {@code authToken}, {@code verificationToken}, {@code fileToken} … */
    public Token token(String optionsKey) {
        JsonObject o = object(optionsKey);
        return new Token(o.get("secret") instanceof JsonString s ? s.getString() : "", seconds(o));
    }

    /** {@code authToken}: the secret and lifetime of auth tokens. */
    public Token authToken() {
        return token("authToken");
    }

    /** {@code verificationToken}: of email verification tokens. */
    public Token verificationToken() {
        return token("verificationToken");
    }

    /** {@code passwordResetToken}: of password reset tokens. */
    public Token passwordResetToken() {
        return token("passwordResetToken");
    }

    /** {@code emailChangeToken}: of email change tokens. */
    public Token emailChangeToken() {
        return token("emailChangeToken");
    }

    /** {@code fileToken}: of protected file tokens. */
    public Token fileToken() {
        return token("fileToken");
    }

    private Optional<String> rule(String key) {
        return json.get(key) instanceof JsonString s ? Optional.of(s.getString())
                : json.containsKey(key) ? Optional.empty() : Optional.of("");
    }

    private JsonObject object(String key) {
        return json.get(key) instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static Optional<Duration> seconds(JsonObject o) {
        return o.get("duration") instanceof JsonNumber n ? Optional.of(Duration.ofSeconds(n.longValue())) : Optional.empty();
    }
}
