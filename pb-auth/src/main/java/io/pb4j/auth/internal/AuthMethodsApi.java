package io.pb4j.auth.internal;

import io.pb4j.auth.internal.oauth2.OAuth2Providers;
import io.pb4j.auth.spi.OAuth2Config;
import io.pb4j.auth.spi.OAuth2ProviderFactory;
import io.pb4j.core.Collection;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.router.Router;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/collections/{collection}/auth-methods}: what an auth collection offers (password with its identity
 * fields, OAuth2 providers with a fresh state, PKCE pair and consent URL each, MFA, OTP), plus the legacy keys
 * pre-v0.23 clients read. The server keeps no state: the client sends the code verifier back on exchange.
 */
final class AuthMethodsApi {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private static final System.Logger LOG = System.getLogger(AuthMethodsApi.class.getName());

    private AuthMethodsApi() {
    }

    static void bind(Router router) {
        router.get("/api/collections/{collection}/auth-methods", AuthMethodsApi::authMethods);
    }

    private static void authMethods(RequestEvent e) {
        Collection c = AuthApi.authCollection(e);
        JsonObject options = c.options();
        JsonObject password = object(options, "passwordAuth");
        boolean passwordEnabled = password.getBoolean("enabled", false);
        List<String> identityFields = new ArrayList<>();
        if (passwordEnabled && password.get("identityFields") instanceof JsonArray a) {
            a.getValuesAs(JsonString.class).forEach(s -> identityFields.add(s.getString()));
        }
        boolean oauth2Enabled = object(options, "oauth2").getBoolean("enabled", false);
        List<JsonObject> providers = oauth2Enabled ? providers(c) : List.of();

        JsonArrayBuilder providerList = JSON.createArrayBuilder();
        providers.forEach(providerList::add);
        JsonValue legacyProviders = JsonValue.NULL;
        if (oauth2Enabled) {
            JsonArrayBuilder legacy = JSON.createArrayBuilder();
            providers.forEach(p -> legacy.add(JSON.createObjectBuilder(p).add("logo", "")));
            legacyProviders = legacy.build();
        }
        e.json(200, JSON.createObjectBuilder()
                .add("password", JSON.createObjectBuilder()
                        .add("identityFields", JSON.createArrayBuilder(identityFields))
                        .add("enabled", passwordEnabled))
                .add("oauth2", JSON.createObjectBuilder().add("providers", providerList).add("enabled", oauth2Enabled))
                .add("mfa", toggle(object(options, "mfa")))
                .add("otp", toggle(object(options, "otp")))
                .add("authProviders", legacyProviders)
                .add("usernamePassword", passwordEnabled && identityFields.contains("username"))
                .add("emailPassword", passwordEnabled && identityFields.contains("email"))
                .build());
    }

    /** One entry per configured provider that pb4j knows; an unknown one is skipped, as PocketBase skips a failing init. */
    private static List<JsonObject> providers(Collection c) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonObject entry : OAuth2Entries.all(c)) {
            String name = entry.getString("name", "");
            Optional<OAuth2ProviderFactory> factory = OAuth2Providers.find(name);
            if (factory.isEmpty()) {
                LOG.log(System.Logger.Level.DEBUG, "Failed to setup OAuth2 provider {0}: unknown name", name);
                continue;
            }
            OAuth2Config config = OAuth2Providers.config(factory.get(), entry, "");
            String state = io.pb4j.core.security.RandomStrings.alphanumeric(30);
            String verifier = "";
            String challenge = "";
            String method = "";
            Map<String, String> params = new LinkedHashMap<>();
            if ("apple".equals(name)) {
                params.put("response_mode", "form_post");
            }
            if (config.pkce()) {
                verifier = io.pb4j.core.security.RandomStrings.alphanumeric(43);
                challenge = io.pb4j.core.security.RandomStrings.s256Challenge(verifier);
                method = "S256";
                params.put("code_challenge", challenge);
                params.put("code_challenge_method", method);
            }
            String authUrl = factory.get().create(config).buildAuthUrl(state, params);
            out.add(JSON.createObjectBuilder()
                    .add("name", name)
                    .add("displayName", config.displayName().isEmpty() ? name : config.displayName())
                    .add("logo", factory.get().logo())
                    .add("state", state)
                    .add("authURL", authUrl)
                    .add("authUrl", authUrl)
                    .add("codeVerifier", verifier)
                    .add("codeChallenge", challenge)
                    .add("codeChallengeMethod", method)
                    .build());
        }
        return out;
    }

    /** {@code {"enabled", "duration"}}; the duration is 0 while the method is disabled. */
    private static JsonObjectBuilder toggle(JsonObject o) {
        boolean enabled = o.getBoolean("enabled", false);
        long duration = enabled && o.get("duration") instanceof JsonNumber n ? n.longValue() : 0;
        return JSON.createObjectBuilder().add("enabled", enabled).add("duration", duration);
    }

    private static JsonObject object(JsonObject o, String key) {
        return o.get(key) instanceof JsonObject v ? v : JsonValue.EMPTY_JSON_OBJECT;
    }
}
