package io.pb4j.auth.internal.oauth2.providers;

import static io.pb4j.auth.internal.oauth2.providers.JsonPath.*;

import io.pb4j.auth.spi.AuthUser;
import io.pb4j.auth.spi.OAuth2Config;
import io.pb4j.auth.spi.OAuth2Provider;
import io.pb4j.auth.spi.OAuth2Token;
import io.pb4j.auth.spi.StandardOAuth2Provider;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.List;

/** monday.com: {@code me} of its GraphQL API; only enabled accounts, the email only when {@code is_verified}. */
public final class Monday extends BuiltInProvider {
    static final String QUERY = "{\"query\": \"query { me { id enabled name email is_verified photo_small }}\"}";

    public Monday() {
        super("monday", "monday.com", 18, true, List.of("me:read"), "https://auth.monday.com/oauth2/authorize",
                "https://auth.monday.com/oauth2/token", "https://api.monday.com/v2");
    }

    @Override
    public OAuth2Provider create(OAuth2Config config) {
        return new StandardOAuth2Provider(config, this::map) {
            @Override
            protected JsonObject fetchRawUser(OAuth2Token token) throws IOException {
                return fetchUserJson(authorized(config.userInfoUrl(), token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(QUERY)), config.userInfoUrl());
            }
        };
    }

    @Override
    AuthUser map(JsonObject raw, OAuth2Token token) throws IOException {
        JsonValue me = at(raw, "data", "me");
        if (!isTrue(me, "enabled")) {
            throw new IOException("the monday.com user account is not enabled");
        }
        return user(raw, token, str(me, "id"), str(me, "name"), "", isTrue(me, "is_verified") ? str(me, "email") : "",
                str(me, "photo_small"));
    }
}
