package io.pb4j.auth.internal.oauth2.providers;

import static io.pb4j.auth.internal.oauth2.providers.JsonPath.*;

import io.pb4j.auth.spi.AuthUser;
import io.pb4j.auth.spi.OAuth2Config;
import io.pb4j.auth.spi.OAuth2Provider;
import io.pb4j.auth.spi.OAuth2Token;
import io.pb4j.auth.spi.StandardOAuth2Provider;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A generic OpenID Connect provider (PocketBase registers three: {@code oidc}, {@code oidc2}, {@code oidc3}); its URLs
 * are configured. The user comes from the user-info URL, or, when that is empty, from the {@code id_token} claims:
 * issued for the client id, by one of {@code extra.issuers} when given, signed by a key of {@code extra.jwksURL} when
 * given. The email only when {@code email_verified} (a bool or a string).
 */
public class Oidc extends BuiltInProvider {
    public Oidc() {
        this("oidc");
    }

    Oidc(String name) {
        super(name, "oidc", "OIDC", 99, true, List.of("openid", "email", "profile"), "", "", "");
    }

    @Override
    public final OAuth2Provider create(OAuth2Config config) {
        return new StandardOAuth2Provider(config, this::map) {
            @Override
            protected JsonObject fetchRawUser(OAuth2Token token) throws IOException {
                if (!config.userInfoUrl().isEmpty()) {
                    return super.fetchRawUser(token);
                }
                IdToken idToken = IdToken.decode(IdToken.of(token.raw()))
                        .validate(false, Optional.empty(), Optional.of(config.clientId()))
                        .requireIssuer(issuers(config.extra()));
                String jwksUrl = str(config.extra(), "jwksURL");
                if (!jwksUrl.isEmpty()) {
                    idToken.verifySignature(jwksUrl);
                }
                return idToken.claims();
            }
        };
    }

    @Override
    final AuthUser map(JsonObject raw, OAuth2Token token) {
        return user(raw, token, str(raw, "sub"), str(raw, "name"), str(raw, "preferred_username"),
                truthy(raw, "email_verified") ? str(raw, "email") : "", str(raw, "picture"));
    }

    /** spf13/cast's ToStringSlice: a list, or a string split at white space. */
    private static List<String> issuers(JsonObject extra) {
        if (extra.get("issuers") instanceof JsonString s) {
            return Arrays.stream(s.getString().trim().split("\\s+")).filter(x -> !x.isEmpty()).toList();
        }
        return strings(extra, "issuers");
    }
}
