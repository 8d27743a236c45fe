package io.pb4j.auth.internal.oauth2.providers;

import static io.pb4j.auth.internal.oauth2.providers.JsonPath.*;

import io.pb4j.auth.spi.AuthUser;
import io.pb4j.auth.spi.OAuth2Token;
import jakarta.json.JsonObject;
import java.util.List;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** GitLab: the email counts as verified once the account has a {@code confirmed_at} time. */
public final class Gitlab extends BuiltInProvider {
    public Gitlab() {
        super("gitlab", "GitLab", 8, true, List.of("read_user"), "https://gitlab.com/oauth/authorize",
                "https://gitlab.com/oauth/token", "https://gitlab.com/api/v4/user");
    }

    @Override
    AuthUser map(JsonObject raw, OAuth2Token token) {
        return user(raw, token, intId(raw, "id"), str(raw, "name"), str(raw, "username"),
                confirmed(str(raw, "confirmed_at")) ? str(raw, "email") : "", str(raw, "avatar_url"));
    }

    private static boolean confirmed(String time) {
        try {
            return OffsetDateTime.parse(time).getYear() > 1;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
