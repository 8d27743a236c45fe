package io.pb4j.auth.internal.oauth2.providers;

import static io.pb4j.auth.internal.oauth2.providers.JsonPath.*;

import io.pb4j.auth.spi.AuthUser;
import io.pb4j.auth.spi.OAuth2Token;
import jakarta.json.JsonObject;
import java.util.List;

/** Yandex: the default email as it is; the avatar URL is built from the default avatar id. */
public final class Yandex extends BuiltInProvider {
    public Yandex() {
        super("yandex", "Yandex", 4, true, List.of("login:email", "login:avatar", "login:info"),
                "https://oauth.yandex.com/authorize", "https://oauth.yandex.com/token", "https://login.yandex.ru/info");
    }

    @Override
    AuthUser map(JsonObject raw, OAuth2Token token) {
        String avatar = isTrue(raw, "is_avatar_empty") ? ""
                : "https://avatars.yandex.net/get-yapic/" + str(raw, "default_avatar_id") + "/islands-200";
        return user(raw, token, str(raw, "id"), str(raw, "real_name"), str(raw, "login"), str(raw, "default_email"),
                avatar);
    }
}
