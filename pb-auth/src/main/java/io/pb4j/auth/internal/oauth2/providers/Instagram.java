package io.pb4j.auth.internal.oauth2.providers;

import static io.pb4j.auth.internal.oauth2.providers.JsonPath.*;

import io.pb4j.auth.spi.AuthUser;
import io.pb4j.auth.spi.OAuth2Token;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * Instagram (business login, registered as {@code instagram2}): no email; the token answer's {@code permissions} are
 * added to the raw user when it has none.
 */
public final class Instagram extends BuiltInProvider {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    public Instagram() {
        super("instagram2", "Instagram", 6, true, List.of("instagram_business_basic"),
                "https://www.instagram.com/oauth/authorize", "https://api.instagram.com/oauth/access_token",
                "https://graph.instagram.com/me?fields=id,username,account_type,user_id,name,profile_picture_url,followers_count,follows_count,media_count");
    }

    @Override
    AuthUser map(JsonObject raw, OAuth2Token token) {
        JsonObject rawUser = raw;
        if (!raw.containsKey("permissions") && token.raw().containsKey("permissions")
                && token.raw().get("permissions") != jakarta.json.JsonValue.NULL) {
            rawUser = JSON.createObjectBuilder(raw).add("permissions", token.raw().get("permissions")).build();
        }
        return user(rawUser, token, str(raw, "user_id"), str(raw, "name"), str(raw, "username"), "",
                str(raw, "profile_picture_url"));
    }
}
