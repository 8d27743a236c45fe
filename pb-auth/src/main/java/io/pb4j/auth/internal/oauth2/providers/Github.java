package io.pb4j.auth.internal.oauth2.providers;

import static io.pb4j.auth.internal.oauth2.providers.JsonPath.*;

import io.pb4j.auth.spi.AuthUser;
import io.pb4j.auth.spi.OAuth2Config;
import io.pb4j.auth.spi.OAuth2Provider;
import io.pb4j.auth.spi.OAuth2Token;
import io.pb4j.auth.spi.StandardOAuth2Provider;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;

/** GitHub: the email is the verified primary one of the emails API ({@code <user-info URL>/emails}). */
public final class Github extends BuiltInProvider {
    public Github() {
        // PKCE: GitHub ignores the parameters, so PocketBase sends them
        super("github", "GitHub", 7, true, List.of("read:user", "user:email"), "https://github.com/login/oauth/authorize",
                "https://github.com/login/oauth/access_token", "https://api.github.com/user");
    }

    @Override
    public OAuth2Provider create(OAuth2Config config) {
        return withEmailsApi(config, this::map);
    }

    /**
     * The standard flow whose user gets the verified primary email of {@code <user-info URL>/emails} (GitHub's and
     * Gitea's emails API); no email when that API answers 401, 403 or 404.
     */
    static OAuth2Provider withEmailsApi(OAuth2Config config, StandardOAuth2Provider.UserMapper mapper) {
        return new StandardOAuth2Provider(config, mapper) {
            @Override
            public AuthUser fetchAuthUser(OAuth2Token token) throws IOException {
                AuthUser user = super.fetchAuthUser(token);
                String url = config.userInfoUrl() + "/emails";
                HttpResponse<String> res = send(authorized(url, token).GET());
                if (res.statusCode() == 401 || res.statusCode() == 403 || res.statusCode() == 404) {
                    return user;
                }
                return withEmail(user, verifiedPrimary(parseJson(res.body(), url)));
            }
        };
    }

    /** The first email of an emails list that is both verified and primary, or "". */
    private static String verifiedPrimary(JsonValue emails) throws IOException {
        if (!(emails instanceof JsonArray list)) {
            throw new IOException("the emails API answered no list");
        }
        return objects(list).stream().filter(e -> isTrue(e, "verified") && isTrue(e, "primary"))
                .map(e -> str(e, "email")).findFirst().orElse("");
    }

    @Override
    AuthUser map(JsonObject raw, OAuth2Token token) {
        return user(raw, token, intId(raw, "id"), str(raw, "name"), str(raw, "login"), "", str(raw, "avatar_url"));
    }
}
