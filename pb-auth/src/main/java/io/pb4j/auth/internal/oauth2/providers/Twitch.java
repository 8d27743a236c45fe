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

/** Twitch: the user API wants the {@code Client-Id} header; the first entry of {@code data} is the user. */
public final class Twitch extends BuiltInProvider {
    public Twitch() {
        super("twitch", "Twitch", 23, true, List.of("user:read:email"), "https://id.twitch.tv/oauth2/authorize",
                "https://id.twitch.tv/oauth2/token", "https://api.twitch.tv/helix/users");
    }

    @Override
    public OAuth2Provider create(OAuth2Config config) {
        return new StandardOAuth2Provider(config, this::map) {
            @Override
            protected JsonObject fetchRawUser(OAuth2Token token) throws IOException {
                return fetchUserJson(authorized(config.userInfoUrl(), token).header("Client-Id", config.clientId()).GET(),
                        config.userInfoUrl());
            }
        };
    }

    @Override
    AuthUser map(JsonObject raw, OAuth2Token token) throws IOException {
        List<JsonObject> data = objects(raw, "data");
        if (data.isEmpty()) {
            throw new IOException("failed to fetch AuthUser data");
        }
        JsonObject u = data.getFirst();
        return user(raw, token, str(u, "id"), str(u, "display_name"), str(u, "login"), str(u, "email"),
                str(u, "profile_image_url"));
    }
}
