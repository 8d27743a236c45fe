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

/** Linear: the viewer of its GraphQL API; only active accounts. Linear refuses PKCE. */
public final class Linear extends BuiltInProvider {
    static final String QUERY = "{\"query\": \"query Me { viewer { id displayName name email avatarUrl active } }\"}";

    public Linear() {
        super("linear", "Linear", 16, false, List.of("read"), "https://linear.app/oauth/authorize",
                "https://api.linear.app/oauth/token", "https://api.linear.app/graphql");
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
        JsonValue viewer = at(raw, "data", "viewer");
        if (!isTrue(viewer, "active")) {
            throw new IOException("the Linear user account is not active");
        }
        return user(raw, token, str(viewer, "id"), str(viewer, "name"), str(viewer, "displayName"),
                str(viewer, "email"), str(viewer, "avatarUrl"));
    }
}
