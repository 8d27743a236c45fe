package io.pb4j.auth.spi;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * The configuration of one provider for one sign-in attempt: the collection's {@code oauth2.providers} entry merged
 * over the factory's defaults (an empty URL in the collection keeps the default), plus the redirect URL of the
 * request. {@code extra} is the provider-specific map PocketBase stores as {@code extra} (e.g. OIDC's
 * {@code jwksURL}); it is never null.
 */
public record OAuth2Config(
        String clientId,
        String clientSecret,
        String redirectUrl,
        String authUrl,
        String tokenUrl,
        String userInfoUrl,
        String displayName,
        boolean pkce,
        List<String> scopes,
        JsonObject extra) {

    /** Copies {@code scopes}, so a config never changes after it is made. */
    public OAuth2Config {
        scopes = List.copyOf(scopes);
    }
}
