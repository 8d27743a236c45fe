package io.pb4j.auth.internal.oauth2.providers;

import io.pb4j.auth.spi.AuthUser;
import io.pb4j.auth.spi.OAuth2Config;
import io.pb4j.auth.spi.OAuth2Provider;
import io.pb4j.auth.spi.OAuth2ProviderFactory;
import io.pb4j.auth.spi.OAuth2Token;
import io.pb4j.auth.spi.StandardOAuth2Provider;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.List;

/**
 * One of PocketBase's built-in providers: its defaults as PocketBase declares them (name, display name, order, PKCE,
 * scopes, endpoints), its logo as {@link ProviderMark} draws it, and the standard code flow
 * with the provider's own {@link #map user mapping}. Providers whose user comes from elsewhere override
 * {@link #create}.
 */
abstract class BuiltInProvider implements OAuth2ProviderFactory {
    private final String name;
    private final String displayName;
    private final String logo;
    private final int order;
    private final boolean pkce;
    private final List<String> scopes;
    private final String authUrl;
    private final String tokenUrl;
    private final String userInfoUrl;

    BuiltInProvider(String name, String displayName, int order, boolean pkce, List<String> scopes, String authUrl,
                    String tokenUrl, String userInfoUrl) {
        this(name, name, displayName, order, pkce, scopes, authUrl, tokenUrl, userInfoUrl);
    }

    BuiltInProvider(String name, String logoName, String displayName, int order, boolean pkce, List<String> scopes,
                    String authUrl, String tokenUrl, String userInfoUrl) {
        this.name = name;
        this.displayName = displayName;
        this.logo = ProviderMark.svg(logoName);
        this.order = order;
        this.pkce = pkce;
        this.scopes = List.copyOf(scopes);
        this.authUrl = authUrl;
        this.tokenUrl = tokenUrl;
        this.userInfoUrl = userInfoUrl;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String displayName() {
        return displayName;
    }

    @Override
    public final String logo() {
        return logo;
    }

    @Override
    public final int order() {
        return order;
    }

    @Override
    public final boolean pkce() {
        return pkce;
    }

    @Override
    public final List<String> defaultScopes() {
        return scopes;
    }

    @Override
    public final String authUrl() {
        return authUrl;
    }

    @Override
    public final String tokenUrl() {
        return tokenUrl;
    }

    @Override
    public final String userInfoUrl() {
        return userInfoUrl;
    }

    @Override
    public OAuth2Provider create(OAuth2Config config) {
        return new StandardOAuth2Provider(config, this::map);
    }

    /** Maps the provider's user payload; throws when PocketBase refuses the account (e.g. an inactive one). */
    abstract AuthUser map(JsonObject raw, OAuth2Token token) throws IOException;

    /** PocketBase's AuthUser with the token's fields filled in. */
    static AuthUser user(JsonObject raw, OAuth2Token token, String id, String name, String username, String email,
                         String avatarUrl) {
        return new AuthUser(id, name, username, email, avatarUrl, token.accessToken(), token.refreshToken(),
                token.expiry(), raw);
    }

    /** The same user with another email (one found by a second request). */
    static AuthUser withEmail(AuthUser u, String email) {
        return new AuthUser(u.id(), u.name(), u.username(), email, u.avatarUrl(), u.accessToken(), u.refreshToken(),
                u.expiry(), u.rawUser());
    }
}
