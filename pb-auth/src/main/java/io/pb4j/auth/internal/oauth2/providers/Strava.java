package io.pb4j.auth.internal.oauth2.providers;

import static io.pb4j.auth.internal.oauth2.providers.JsonPath.*;

import io.pb4j.auth.spi.AuthUser;
import io.pb4j.auth.spi.OAuth2Token;
import jakarta.json.JsonObject;
import java.util.List;

/** Strava: no email; the name is first and last name, the id only when it is not 0. */
public final class Strava extends BuiltInProvider {
    public Strava() {
        super("strava", "Strava", 25, true, List.of("profile:read_all"), "https://www.strava.com/oauth/authorize",
                "https://www.strava.com/api/v3/oauth/token", "https://www.strava.com/api/v3/athlete");
    }

    @Override
    AuthUser map(JsonObject raw, OAuth2Token token) {
        String id = intId(raw, "id");
        return user(raw, token, id.equals("0") ? "" : id, str(raw, "firstname") + " " + str(raw, "lastname"),
                str(raw, "username"), "", str(raw, "profile"));
    }
}
