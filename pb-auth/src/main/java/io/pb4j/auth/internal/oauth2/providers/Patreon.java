package io.pb4j.auth.internal.oauth2.providers;

import static io.pb4j.auth.internal.oauth2.providers.JsonPath.*;

import io.pb4j.auth.spi.AuthUser;
import io.pb4j.auth.spi.OAuth2Token;
import jakarta.json.JsonObject;
import java.util.List;

/** Patreon: the email only when {@code is_email_verified}. */
public final class Patreon extends BuiltInProvider {
    public Patreon() {
        super("patreon", "Patreon", 24, true, List.of("identity", "identity[email]"),
                "https://www.patreon.com/oauth2/authorize", "https://www.patreon.com/api/oauth2/token",
                "https://www.patreon.com/api/oauth2/v2/identity?fields%5Buser%5D=full_name,email,vanity,image_url,is_email_verified");
    }

    @Override
    AuthUser map(JsonObject raw, OAuth2Token token) {
        return user(raw, token, str(raw, "data", "id"), str(raw, "data", "attributes", "full_name"),
                str(raw, "data", "attributes", "vanity"),
                isTrue(raw, "data", "attributes", "is_email_verified") ? str(raw, "data", "attributes", "email") : "",
                str(raw, "data", "attributes", "image_url"));
    }
}
