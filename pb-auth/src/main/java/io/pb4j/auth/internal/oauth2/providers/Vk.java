package io.pb4j.auth.internal.oauth2.providers;

import static io.pb4j.auth.internal.oauth2.providers.JsonPath.*;

import io.pb4j.auth.spi.AuthUser;
import io.pb4j.auth.spi.OAuth2Token;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.List;

/** VK: the first entry of {@code users.get}; the email comes with the token answer. VK refuses PKCE. */
public final class Vk extends BuiltInProvider {
    public Vk() {
        super("vk", "ВКонтакте", 15, false, List.of("email"), "https://oauth.vk.com/authorize",
                "https://oauth.vk.com/access_token", "https://api.vk.com/method/users.get?fields=photo_max,screen_name&v=5.131");
    }

    @Override
    AuthUser map(JsonObject raw, OAuth2Token token) throws IOException {
        List<JsonObject> response = objects(raw, "response");
        if (response.isEmpty()) {
            throw new IOException("missing response entry");
        }
        JsonObject u = response.getFirst();
        return user(raw, token, intId(u, "id"), (str(u, "first_name") + " " + str(u, "last_name")).strip(),
                str(u, "screen_name"), str(token.raw(), "email"), str(u, "photo_max"));
    }
}
