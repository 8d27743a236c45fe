package io.pb4j.auth.internal.oauth2.providers;

import static io.pb4j.auth.internal.oauth2.providers.JsonPath.*;

import io.pb4j.auth.spi.AuthUser;
import io.pb4j.auth.spi.OAuth2Token;
import jakarta.json.JsonObject;
import java.util.List;

/** Discord: the email only when {@code verified}; the name is the global name, else the username (#discriminator). */
public final class Discord extends BuiltInProvider {
    public Discord() {
        super("discord", "Discord", 12, true, List.of("identify", "email"), "https://discord.com/api/oauth2/authorize",
                "https://discord.com/api/oauth2/token", "https://discord.com/api/users/@me");
    }

    @Override
    AuthUser map(JsonObject raw, OAuth2Token token) {
        String id = str(raw, "id");
        String avatar = str(raw, "avatar").isEmpty() ? ""
                : "https://cdn.discordapp.com/avatars/" + id + "/" + str(raw, "avatar") + ".png";
        String name = str(raw, "global_name");
        if (name.isEmpty()) {
            String discriminator = str(raw, "discriminator");
            name = str(raw, "username") + (discriminator.isEmpty() || discriminator.equals("0") ? "" : "#" + discriminator);
        }
        return user(raw, token, id, name, str(raw, "username"), isTrue(raw, "verified") ? str(raw, "email") : "",
                avatar);
    }
}
