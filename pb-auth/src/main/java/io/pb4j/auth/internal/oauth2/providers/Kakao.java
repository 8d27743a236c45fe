package io.pb4j.auth.internal.oauth2.providers;

import static io.pb4j.auth.internal.oauth2.providers.JsonPath.*;

import io.pb4j.auth.spi.AuthUser;
import io.pb4j.auth.spi.OAuth2Token;
import jakarta.json.JsonObject;
import java.util.List;

/** Kakao: the email only when it is both valid and verified; the nickname is the username. */
public final class Kakao extends BuiltInProvider {
    public Kakao() {
        super("kakao", "Kakao", 14, true, List.of("account_email", "profile_nickname", "profile_image"),
                "https://kauth.kakao.com/oauth/authorize", "https://kauth.kakao.com/oauth/token",
                "https://kapi.kakao.com/v2/user/me");
    }

    @Override
    AuthUser map(JsonObject raw, OAuth2Token token) {
        boolean verified = isTrue(raw, "kakao_account", "is_email_valid")
                && isTrue(raw, "kakao_account", "is_email_verified");
        return user(raw, token, intId(raw, "id"), "", str(raw, "properties", "nickname"),
                verified ? str(raw, "kakao_account", "email") : "", str(raw, "properties", "profile_image"));
    }
}
