package io.pb4j.auth.internal.oauth2.providers;

import static io.pb4j.auth.internal.oauth2.providers.JsonPath.*;

import io.pb4j.auth.spi.AuthUser;
import io.pb4j.auth.spi.OAuth2Token;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.List;
import jakarta.json.JsonNumber;

/** mailcow: only active mailboxes ({@code active} 1); the username loses its {@code @domain}. URLs are configured. */
public final class Mailcow extends BuiltInProvider {
    public Mailcow() {
        super("mailcow", "mailcow", 28, true, List.of("profile"), "", "", "");
    }

    @Override
    AuthUser map(JsonObject raw, OAuth2Token token) throws IOException {
        if (!(raw.get("active") instanceof JsonNumber n && n.bigDecimalValue().intValue() == 1)) {
            throw new IOException("the mailcow user is not active");
        }
        String username = str(raw, "username");
        int at = username.indexOf('@');
        return user(raw, token, str(raw, "id"), str(raw, "full_name"), at < 0 ? username : username.substring(0, at),
                str(raw, "email"), "");
    }
}
