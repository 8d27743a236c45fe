package io.pb4j.auth.internal.oauth2.providers;

import static io.pb4j.auth.internal.oauth2.providers.JsonPath.*;

import io.pb4j.auth.spi.AuthUser;
import io.pb4j.auth.spi.OAuth2Token;
import jakarta.json.JsonObject;
import java.util.List;

/** X/Twitter: the {@code confirmed_email} of the {@code data} object. */
public final class Twitter extends BuiltInProvider {
    public Twitter() {
        super("twitter", "X/Twitter", 13, true, List.of("users.read", "users.email", "tweet.read"),
                "https://x.com/i/oauth2/authorize", "https://api.x.com/2/oauth2/token",
                "https://api.x.com/2/users/me?user.fields=id,name,username,profile_image_url,confirmed_email");
    }

    @Override
    AuthUser map(JsonObject raw, OAuth2Token token) {
        return user(raw, token, str(raw, "data", "id"), str(raw, "data", "name"), str(raw, "data", "username"),
                str(raw, "data", "confirmed_email"), str(raw, "data", "profile_image_url"));
    }
}
