package io.pb4j.auth.internal.oauth2.providers;

import static io.pb4j.auth.internal.oauth2.providers.JsonPath.*;

import io.pb4j.auth.spi.AuthUser;
import io.pb4j.auth.spi.OAuth2Config;
import io.pb4j.auth.spi.OAuth2Provider;
import io.pb4j.auth.spi.OAuth2Token;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.List;

/** Gitea/Forgejo: only active accounts; the email is the verified primary one of {@code <user-info URL>/emails}. */
public final class Gitea extends BuiltInProvider {
    public Gitea() {
        super("gitea", "Gitea/Forgejo", 11, true, List.of("read:user", "user:email"),
                "https://gitea.com/login/oauth/authorize", "https://gitea.com/login/oauth/access_token",
                "https://gitea.com/api/v1/user");
    }

    @Override
    public OAuth2Provider create(OAuth2Config config) {
        return Github.withEmailsApi(config, this::map);
    }

    @Override
    AuthUser map(JsonObject raw, OAuth2Token token) throws IOException {
        if (!isTrue(raw, "active")) {
            throw new IOException("user account is not active");
        }
        return user(raw, token, intId(raw, "id"), str(raw, "full_name"), str(raw, "login"), "",
                str(raw, "avatar_url"));
    }
}
