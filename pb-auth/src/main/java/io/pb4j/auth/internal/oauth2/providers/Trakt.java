package io.pb4j.auth.internal.oauth2.providers;

import static io.pb4j.auth.internal.oauth2.providers.JsonPath.*;

import io.pb4j.auth.spi.AuthUser;
import io.pb4j.auth.spi.OAuth2Token;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.List;
import io.pb4j.auth.spi.OAuth2Config;
import io.pb4j.auth.spi.OAuth2Provider;
import io.pb4j.auth.spi.StandardOAuth2Provider;

/** Trakt: the settings API wants the client id as {@code trakt-api-key}; no email. */
public final class Trakt extends BuiltInProvider {
    public Trakt() {
        super("trakt", "Trakt", 22, true, List.of(), "https://trakt.tv/oauth/authorize",
                "https://api.trakt.tv/oauth/token", "https://api.trakt.tv/users/settings");
    }

    @Override
    public OAuth2Provider create(OAuth2Config config) {
        return new StandardOAuth2Provider(config, this::map) {
            @Override
            protected JsonObject fetchRawUser(OAuth2Token token) throws IOException {
                return fetchUserJson(authorized(config.userInfoUrl(), token)
                        .header("Content-Type", "application/json")
                        .header("trakt-api-key", config.clientId())
                        .header("trakt-api-version", "2").GET(), config.userInfoUrl());
            }
        };
    }

    @Override
    AuthUser map(JsonObject raw, OAuth2Token token) {
        return user(raw, token, str(raw, "user", "ids", "uuid"), str(raw, "user", "name"),
                str(raw, "user", "username"), "", str(raw, "user", "images", "avatar", "full"));
    }
}
