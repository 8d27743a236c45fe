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

/** Bitbucket: only active accounts; the email is the confirmed primary one of {@code <user-info URL>/emails}. */
public final class Bitbucket extends BuiltInProvider {
    public Bitbucket() {
        super("bitbucket", "Bitbucket", 9, false, List.of("account"), "https://bitbucket.org/site/oauth2/authorize",
                "https://bitbucket.org/site/oauth2/access_token", "https://api.bitbucket.org/2.0/user");
    }

    @Override
    public OAuth2Provider create(OAuth2Config config) {
        return new StandardOAuth2Provider(config, this::map) {
            @Override
            public AuthUser fetchAuthUser(OAuth2Token token) throws IOException {
                AuthUser user = super.fetchAuthUser(token);
                String url = config.userInfoUrl() + "/emails";
                HttpResponse<String> res = send(authorized(url, token).GET());
                if (res.statusCode() >= 400) {
                    return user;
                }
                String email = objects(parseObject(res.body(), url), "values").stream()
                        .filter(e -> isTrue(e, "is_primary") && isTrue(e, "is_confirmed"))
                        .map(e -> str(e, "email")).findFirst().orElse("");
                return withEmail(user, email);
            }
        };
    }

    @Override
    AuthUser map(JsonObject raw, OAuth2Token token) throws IOException {
        if (!str(raw, "account_status").equals("active")) {
            throw new IOException("the Bitbucket user is not active");
        }
        return user(raw, token, str(raw, "uuid"), str(raw, "display_name"), str(raw, "username"), "",
                str(raw, "links", "avatar", "href"));
    }
}
