package io.pb4j.auth.internal.oauth2.providers;

import static io.pb4j.auth.internal.oauth2.providers.JsonPath.*;

import io.pb4j.auth.spi.AuthUser;
import io.pb4j.auth.spi.OAuth2Token;
import jakarta.json.JsonObject;
import java.util.List;

/** Spotify: no email (PocketBase does not ask for one); the first image is the avatar. */
public final class Spotify extends BuiltInProvider {
    public Spotify() {
        super("spotify", "Spotify", 21, true, List.of("user-read-private"), "https://accounts.spotify.com/authorize",
                "https://accounts.spotify.com/api/token", "https://api.spotify.com/v1/me");
    }

    @Override
    AuthUser map(JsonObject raw, OAuth2Token token) {
        List<JsonObject> images = objects(raw, "images");
        return user(raw, token, str(raw, "id"), str(raw, "display_name"), "", "",
                images.isEmpty() ? "" : str(images.getFirst(), "url"));
    }
}
