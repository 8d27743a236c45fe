package io.pb4j.auth.internal.oauth2.providers;

import static io.pb4j.auth.internal.oauth2.providers.JsonPath.*;

import io.pb4j.auth.spi.AuthUser;
import io.pb4j.auth.spi.OAuth2Token;
import jakarta.json.JsonObject;
import java.util.List;

/** WakaTime: the email only when {@code is_email_confirmed}, the photo only when it is public. */
public final class Wakatime extends BuiltInProvider {
    public Wakatime() {
        super("wakatime", "WakaTime", 26, true, List.of("email"), "https://wakatime.com/oauth/authorize",
                "https://wakatime.com/oauth/token", "https://wakatime.com/api/v1/users/current");
    }

    @Override
    AuthUser map(JsonObject raw, OAuth2Token token) {
        return user(raw, token, str(raw, "data", "id"), str(raw, "data", "display_name"), str(raw, "data", "username"),
                isTrue(raw, "data", "is_email_confirmed") ? str(raw, "data", "email") : "",
                isTrue(raw, "data", "photo_public") ? str(raw, "data", "photo") : "");
    }
}
