package io.pb4j.auth.internal.oauth2.providers;

import static io.pb4j.auth.internal.oauth2.providers.JsonPath.*;

import io.pb4j.auth.spi.AuthUser;
import io.pb4j.auth.spi.OAuth2Token;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.List;
import io.pb4j.auth.spi.OAuth2Config;
import io.pb4j.auth.spi.OAuth2Provider;
import io.pb4j.auth.spi.StandardOAuth2Provider;

/** Notion: the user is the owner of the integration's bot, read with API version 2022-06-28. */
public final class Notion extends BuiltInProvider {
    public Notion() {
        super("notion", "Notion", 17, true, List.of(), "https://api.notion.com/v1/oauth/authorize",
                "https://api.notion.com/v1/oauth/token", "https://api.notion.com/v1/users/me");
    }

    @Override
    public OAuth2Provider create(OAuth2Config config) {
        return new StandardOAuth2Provider(config, this::map) {
            @Override
            protected JsonObject fetchRawUser(OAuth2Token token) throws IOException {
                return fetchUserJson(authorized(config.userInfoUrl(), token).header("Notion-Version", "2022-06-28").GET(),
                        config.userInfoUrl());
            }
        };
    }

    @Override
    AuthUser map(JsonObject raw, OAuth2Token token) {
        JsonValue owner = at(raw, "bot", "owner", "user");
        return user(raw, token, str(owner, "id"), str(owner, "name"), "", str(owner, "person", "email"),
                str(owner, "avatar_url"));
    }
}
