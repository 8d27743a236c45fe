package io.pb4j.auth.internal.oauth2.providers;

import static io.pb4j.auth.internal.oauth2.providers.JsonPath.*;

import io.pb4j.auth.spi.AuthUser;
import io.pb4j.auth.spi.OAuth2Config;
import io.pb4j.auth.spi.OAuth2Provider;
import io.pb4j.auth.spi.OAuth2Token;
import io.pb4j.auth.spi.StandardOAuth2Provider;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
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
        return new StandardOAuth2Provider(config, this::map) {
            @Override
            public AuthUser fetchAuthUser(OAuth2Token token) throws IOException {
                AuthUser user = super.fetchAuthUser(token);
                String url = config.userInfoUrl() + "/emails";
                HttpResponse<String> res = send(authorized(url, token).GET());
                if (res.statusCode() == 401 || res.statusCode() == 403 || res.statusCode() == 404) {
                    return user;
                }
                return withEmail(user, Github.verifiedPrimary(parseJson(res.body(), url)));
            }
        };
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
