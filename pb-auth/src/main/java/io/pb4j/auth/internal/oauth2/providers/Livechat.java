package io.pb4j.auth.internal.oauth2.providers;

import static io.pb4j.auth.internal.oauth2.providers.JsonPath.*;

import io.pb4j.auth.spi.AuthUser;
import io.pb4j.auth.spi.OAuth2Token;
import jakarta.json.JsonObject;
import java.util.List;

/** LiveChat: the email only when {@code email_verified}; scopes come from the LiveChat dashboard. */
public final class Livechat extends BuiltInProvider {
    public Livechat() {
        super("livechat", "LiveChat", 27, true, List.of(), "https://accounts.livechat.com/",
                "https://accounts.livechat.com/token", "https://accounts.livechat.com/v2/accounts/me");
    }

    @Override
    AuthUser map(JsonObject raw, OAuth2Token token) {
        return user(raw, token, str(raw, "account_id"), str(raw, "name"), "",
                isTrue(raw, "email_verified") ? str(raw, "email") : "", str(raw, "avatar_url"));
    }
}
