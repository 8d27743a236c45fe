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
import java.util.regex.Pattern;

/**
 * Gitee: the profile's email when it is a well-formed address, else the confirmed primary one of Gitee's emails API.
 */
public final class Gitee extends BuiltInProvider {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$");

    private final String emailsUrl;

    public Gitee() {
        this("https://gitee.com/api/v5/emails");
    }

    /** With another emails API (PocketBase's is fixed; tests point it at a local server). */
    Gitee(String emailsUrl) {
        super("gitee", "Gitee", 10, true, List.of("user_info", "emails"), "https://gitee.com/oauth/authorize",
                "https://gitee.com/oauth/token", "https://gitee.com/api/v5/user");
        this.emailsUrl = emailsUrl;
    }

    @Override
    public OAuth2Provider create(OAuth2Config config) {
        return new StandardOAuth2Provider(config, this::map) {
            @Override
            public AuthUser fetchAuthUser(OAuth2Token token) throws IOException {
                AuthUser user = super.fetchAuthUser(token);
                if (isEmail(user.email())) {
                    return user;
                }
                HttpResponse<String> res = send(authorized(emailsUrl, token).GET());
                if (res.statusCode() == 401 || res.statusCode() == 403 || res.statusCode() == 404) {
                    return withEmail(user, "");
                }
                String email = "";
                try {
                    email = objects(parseJson(res.body(), emailsUrl)).stream()
                            .filter(e -> str(e, "state").equals("confirmed") && strings(e, "scope").contains("primary")
                                    && isEmail(str(e, "email")))
                            .map(e -> str(e, "email")).findFirst().orElse("");
                } catch (IOException notAList) {
                    // PocketBase ignores an unreadable emails answer
                }
                return withEmail(user, email);
            }
        };
    }

    @Override
    AuthUser map(JsonObject raw, OAuth2Token token) {
        return user(raw, token, intId(raw, "id"), str(raw, "name"), str(raw, "login"), str(raw, "email"),
                str(raw, "avatar_url"));
    }

    private static boolean isEmail(String s) {
        return EMAIL.matcher(s).matches();
    }
}
