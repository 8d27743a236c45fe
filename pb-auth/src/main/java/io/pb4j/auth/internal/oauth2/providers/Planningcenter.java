package io.pb4j.auth.internal.oauth2.providers;

import static io.pb4j.auth.internal.oauth2.providers.JsonPath.*;

import io.pb4j.auth.spi.AuthUser;
import io.pb4j.auth.spi.OAuth2Token;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.List;

/** Planning Center: only active people; no email. */
public final class Planningcenter extends BuiltInProvider {
    public Planningcenter() {
        super("planningcenter", "Planning Center", 29, true, List.of("people"),
                "https://api.planningcenteronline.com/oauth/authorize", "https://api.planningcenteronline.com/oauth/token",
                "https://api.planningcenteronline.com/people/v2/me");
    }

    @Override
    AuthUser map(JsonObject raw, OAuth2Token token) throws IOException {
        if (!str(raw, "data", "attributes", "status").equals("active")) {
            throw new IOException("the user is not active");
        }
        return user(raw, token, str(raw, "data", "id"), str(raw, "data", "attributes", "name"), "", "",
                str(raw, "data", "attributes", "avatar"));
    }
}
