package io.pb4j.auth.internal.oauth2.providers;

import static io.pb4j.auth.internal.oauth2.providers.JsonPath.*;

import io.pb4j.auth.spi.AuthUser;
import io.pb4j.auth.spi.OAuth2Token;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.List;

/** Box: only active accounts; the login is the email (Box requires a verified one to authorize). */
public final class Box extends BuiltInProvider {
    public Box() {
        super("box", "Box", 20, true, List.of("root_readonly"), "https://account.box.com/api/oauth2/authorize",
                "https://api.box.com/oauth2/token", "https://api.box.com/2.0/users/me");
    }

    @Override
    AuthUser map(JsonObject raw, OAuth2Token token) throws IOException {
        if (!str(raw, "status").equals("active")) {
            throw new IOException("Box user account is not active (status: \"" + str(raw, "status") + "\")");
        }
        return user(raw, token, str(raw, "id"), str(raw, "name"), "", str(raw, "login"), str(raw, "avatar_url"));
    }
}
