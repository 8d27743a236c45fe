package io.pb4j.auth.internal.oauth2.providers;

import static io.pb4j.auth.spi.StandardOAuth2Provider.string;

import io.pb4j.auth.spi.AuthUser;
import io.pb4j.auth.spi.OAuth2Config;
import io.pb4j.auth.spi.OAuth2Provider;
import io.pb4j.auth.spi.OAuth2ProviderFactory;
import io.pb4j.auth.spi.OAuth2Token;
import io.pb4j.auth.spi.StandardOAuth2Provider;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** GitLab: the email counts as verified once the account has a {@code confirmed_at} time. */
public final class Gitlab implements OAuth2ProviderFactory {
    @Override
    public String name() {
        return "gitlab";
    }

    @Override
    public String displayName() {
        return "GitLab";
    }

    @Override
    public String logo() {
        return "";
    }

    @Override
    public int order() {
        return 8;
    }

    @Override
    public boolean pkce() {
        return true;
    }

    @Override
    public List<String> defaultScopes() {
        return List.of("read_user");
    }

    @Override
    public String authUrl() {
        return "https://gitlab.com/oauth/authorize";
    }

    @Override
    public String tokenUrl() {
        return "https://gitlab.com/oauth/token";
    }

    @Override
    public String userInfoUrl() {
        return "https://gitlab.com/api/v4/user";
    }

    @Override
    public OAuth2Provider create(OAuth2Config config) {
        return new StandardOAuth2Provider(config, Gitlab::map);
    }

    private static AuthUser map(JsonObject raw, OAuth2Token token) {
        return new AuthUser(string(raw, "id"), string(raw, "name"), string(raw, "username"),
                confirmed(string(raw, "confirmed_at")) ? string(raw, "email") : "", string(raw, "avatar_url"),
                token.accessToken(), token.refreshToken(), token.expiry(), raw);
    }

    private static boolean confirmed(String time) {
        try {
            return OffsetDateTime.parse(time).getYear() > 1;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
