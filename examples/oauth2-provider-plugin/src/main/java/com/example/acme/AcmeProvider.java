package com.example.acme;

import io.pb4j.auth.spi.AuthUser;
import io.pb4j.auth.spi.OAuth2Config;
import io.pb4j.auth.spi.OAuth2Provider;
import io.pb4j.auth.spi.OAuth2ProviderFactory;
import io.pb4j.auth.spi.OAuth2Token;
import io.pb4j.auth.spi.StandardOAuth2Provider;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * "acme": the standard code flow with PKCE against Acme's endpoints; the email counts only when Acme says it is
 * verified. ServiceLoader needs the public no-argument constructor.
 */
public final class AcmeProvider implements OAuth2ProviderFactory {
    @Override
    public String name() {
        return "acme";
    }

    @Override
    public String displayName() {
        return "Acme";
    }

    @Override
    public String logo() {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 24 24\"><path fill=\"#e4572e\" d=\"M12 2 2 22h20z\"/></svg>";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public boolean pkce() {
        return true;
    }

    @Override
    public List<String> defaultScopes() {
        return List.of("profile", "email");
    }

    @Override
    public String authUrl() {
        return "https://id.acme.example/oauth2/authorize";
    }

    @Override
    public String tokenUrl() {
        return "https://id.acme.example/oauth2/token";
    }

    @Override
    public String userInfoUrl() {
        return "https://id.acme.example/api/me";
    }

    @Override
    public OAuth2Provider create(OAuth2Config config) {
        return new StandardOAuth2Provider(config, AcmeProvider::map);
    }

    private static AuthUser map(JsonObject me, OAuth2Token token) {
        String email = me.getBoolean("email_verified", false) ? StandardOAuth2Provider.string(me, "email") : "";
        return new AuthUser(StandardOAuth2Provider.string(me, "id"), StandardOAuth2Provider.string(me, "name"),
                StandardOAuth2Provider.string(me, "login"), email, StandardOAuth2Provider.string(me, "avatar"),
                token.accessToken(), token.refreshToken(), token.expiry(), me);
    }
}
