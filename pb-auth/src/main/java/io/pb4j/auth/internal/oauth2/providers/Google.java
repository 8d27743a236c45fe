package io.pb4j.auth.internal.oauth2.providers;

import static io.pb4j.auth.internal.oauth2.providers.JsonPath.*;

import io.pb4j.auth.spi.AuthUser;
import io.pb4j.auth.spi.OAuth2Token;
import jakarta.json.JsonObject;
import java.util.List;

/** Google: the email only when {@code email_verified}. */
public final class Google extends BuiltInProvider {
    public Google() {
        super("google", "Google", 2, true, List.of("https://www.googleapis.com/auth/userinfo.profile",
                "https://www.googleapis.com/auth/userinfo.email"), "https://accounts.google.com/o/oauth2/v2/auth",
                "https://oauth2.googleapis.com/token", "https://www.googleapis.com/oauth2/v3/userinfo");
    }

    @Override
    AuthUser map(JsonObject raw, OAuth2Token token) {
        return user(raw, token, str(raw, "sub"), str(raw, "name"), "",
                isTrue(raw, "email_verified") ? str(raw, "email") : "", str(raw, "picture"));
    }
}
