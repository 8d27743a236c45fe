package io.pb4j.auth.internal.oauth2.providers;

import static io.pb4j.auth.internal.oauth2.providers.JsonPath.*;

import io.pb4j.auth.spi.AuthUser;
import io.pb4j.auth.spi.OAuth2Token;
import jakarta.json.JsonObject;
import java.util.List;

/** Facebook: the email as Facebook returns it (PocketBase does not ask whether it is verified). */
public final class Facebook extends BuiltInProvider {
    public Facebook() {
        super("facebook", "Facebook", 5, true, List.of("email"), "https://www.facebook.com/v3.2/dialog/oauth",
                "https://graph.facebook.com/v3.2/oauth/access_token",
                "https://graph.facebook.com/me?fields=name,email,picture.type(large)");
    }

    @Override
    AuthUser map(JsonObject raw, OAuth2Token token) {
        return user(raw, token, str(raw, "id"), str(raw, "name"), "", str(raw, "email"),
                str(raw, "picture", "data", "url"));
    }
}
