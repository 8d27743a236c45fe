package io.pb4j.auth.internal;

import io.pb4j.auth.internal.oauth2.OAuth2Providers;
import io.pb4j.auth.spi.AuthUser;
import io.pb4j.auth.spi.OAuth2Provider;
import io.pb4j.auth.spi.OAuth2ProviderFactory;
import io.pb4j.auth.spi.OAuth2Token;
import io.pb4j.core.ApiException;
import io.pb4j.core.Collection;
import io.pb4j.core.DateTimes;
import io.pb4j.core.Record;
import io.pb4j.core.RecordAuthWithOAuth2RequestEvent;
import io.pb4j.core.StrictJson;
import io.pb4j.core.ValidationError;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.router.Router;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/collections/{collection}/auth-with-oauth2}: exchanges an authorization code with one of the
 * collection's providers, finds or creates the record it belongs to ({@link OAuth2Submit}, one transaction) and
 * answers the auth response with {@code meta} = the provider's user plus {@code isNew}.
 */
final class OAuth2Api {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private static final String LOAD_FAILED = "An error occurred while loading the submitted data.";

    private OAuth2Api() {
    }

    static void bind(Router router, AppleNames appleNames) {
        router.post("/api/collections/{collection}/auth-with-oauth2", e -> authWithOAuth2(e, appleNames));
    }

    /** The request body ({@code redirectUrl} is PocketBase's deprecated spelling of {@code redirectURL}). */
    record Form(String provider, String code, String codeVerifier, String redirectUrl, JsonObject createData) {
    }

    private static void authWithOAuth2(RequestEvent e, AppleNames appleNames) {
        Collection c = AuthApi.authCollection(e);
        if (!c.authOptions().oauth2().enabled()) {
            throw ApiException.forbidden("The collection is not configured to allow OAuth2 authentication.");
        }
        Optional<Record> loggedIn = e.auth().filter(r -> r.collection().id().equals(c.id()));
        e.infoContext("oauth2");
        Form form = read(e);
        validate(c, form);

        JsonObject entry = OAuth2Entries.find(c, form.provider()).orElseThrow(() ->
                new ApiException(500, "Missing or invalid provider config."));
        OAuth2ProviderFactory factory = OAuth2Providers.find(form.provider()).orElseThrow(() ->
                new ApiException(500, "Failed to init provider " + form.provider()));
        OAuth2Provider provider = factory.create(OAuth2Providers.config(factory, entry, form.redirectUrl()));
        OAuth2Token token;
        try {
            token = provider.exchangeCode(form.code(), provider.config().pkce() ? form.codeVerifier() : "");
        } catch (IOException | RuntimeException failure) {
            throw ApiException.badRequest("Failed to fetch OAuth2 token.");
        }
        AuthUser user;
        try {
            user = provider.fetchAuthUser(token);
        } catch (IOException | RuntimeException failure) {
            throw ApiException.badRequest("Failed to fetch OAuth2 user.");
        }
        // Apple names the user only in the first redirect's form_post, which /api/oauth2-redirect kept for this code
        if ("apple".equals(form.provider()) && user.name().isEmpty()) {
            Optional<String> name = appleNames.take(form.code());
            if (name.isPresent()) {
                user = new AuthUser(user.id(), name.get(), user.username(), user.email(), user.avatarUrl(), user.accessToken(),
                        user.refreshToken(), user.expiry(), user.rawUser());
            }
        }

        AuthUser signedIn = user;
        OAuth2Submit.Found found = OAuth2Submit.find(e, c, form.provider(), user, loggedIn);
        RecordAuthWithOAuth2RequestEvent event = new RecordAuthWithOAuth2RequestEvent(e, c, form.provider(), meta(user),
                found.record(), form.createData());
        e.app().hooks().recordAuthWithOAuth2Request().trigger(event, ev -> {
            OAuth2Submit.Result result = OAuth2Submit.submit(e, c, form.provider(), ev.createData(), signedIn, loggedIn,
                    found.link(), ev.record());
            JsonObject meta = JSON.createObjectBuilder(ev.oauth2User()).add("isNew", ev.isNewRecord()).build();
            AuthApi.respond(e, result.record(), AuthTokens.newAuthToken(result.record(), true), "oauth2", Optional.of(meta));
        });
    }

    /** PocketBase's JSON of an {@code auth.AuthUser} ({@code avatarUrl} is its legacy duplicate of {@code avatarURL}). */
    static JsonObject meta(AuthUser user) {
        return JSON.createObjectBuilder()
                .add("id", user.id())
                .add("name", user.name())
                .add("username", user.username())
                .add("email", user.email())
                .add("avatarURL", user.avatarUrl())
                .add("avatarUrl", user.avatarUrl())
                .add("accessToken", user.accessToken())
                .add("refreshToken", user.refreshToken())
                .add("expiry", user.expiry().map(DateTimes::format).orElse(""))
                .add("rawUser", user.rawUser())
                .build();
    }

    private static Form read(RequestEvent e) {
        byte[] body = e.body();
        JsonObject o = JsonValue.EMPTY_JSON_OBJECT;
        if (body.length > 0) {
            JsonValue v = StrictJson.parse(body).orElseThrow(() -> ApiException.badRequest(LOAD_FAILED));
            if (!(v instanceof JsonObject obj)) {
                throw ApiException.badRequest(LOAD_FAILED);
            }
            o = obj;
        }
        JsonValue createData = o.get("createData");
        if (createData != null && createData != JsonValue.NULL && !(createData instanceof JsonObject)) {
            throw ApiException.badRequest(LOAD_FAILED);
        }
        String redirect = text(o, "redirectURL");
        return new Form(text(o, "provider"), text(o, "code"), text(o, "codeVerifier"),
                redirect.isEmpty() ? text(o, "redirectUrl") : redirect,
                createData instanceof JsonObject data ? data : JsonValue.EMPTY_JSON_OBJECT);
    }

    private static void validate(Collection c, Form form) {
        Map<String, Object> errors = new LinkedHashMap<>();
        if (form.provider().isEmpty()) {
            errors.put("provider", ValidationError.required());
        } else if (form.provider().codePointCount(0, form.provider().length()) > 100) {
            errors.put("provider", new ValidationError("validation_length_too_long", "The length must be no more than 100.",
                    Map.of("max", 100)));
        } else if (OAuth2Entries.find(c, form.provider()).isEmpty()) {
            errors.put("provider", new ValidationError("validation_invalid_provider",
                    "Provider with name " + form.provider() + " is missing or is not enabled.", Map.of("name", form.provider())));
        }
        if (form.code().isEmpty()) {
            errors.put("code", ValidationError.required());
        }
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(LOAD_FAILED, errors);
        }
    }

    /** A string member; any other JSON type cannot be loaded into PocketBase's string form field. */
    private static String text(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (v == null || v == JsonValue.NULL) {
            return "";
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        throw ApiException.badRequest(LOAD_FAILED);
    }
}
