package io.pb4j.auth.internal.oauth2.providers;

import static io.pb4j.auth.internal.oauth2.providers.JsonPath.*;

import io.pb4j.auth.spi.AuthUser;
import io.pb4j.auth.spi.OAuth2Config;
import io.pb4j.auth.spi.OAuth2Provider;
import io.pb4j.auth.spi.OAuth2Token;
import io.pb4j.auth.spi.StandardOAuth2Provider;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Sign in with Apple: the user is the claims of the {@code id_token}, which must expire, be issued by
 * {@code https://appleid.apple.com} for the client id and be signed by one of Apple's keys. The email only when
 * {@code email_verified} (a bool or a string).
 */
public final class Apple extends BuiltInProvider {
    private final String jwksUrl;

    public Apple() {
        this("https://appleid.apple.com/auth/keys");
    }

    /** With another key set (PocketBase's is fixed; tests point it at a local server). */
    Apple(String jwksUrl) {
        super("apple", "Apple", 1, true, List.of("name", "email"), "https://appleid.apple.com/auth/authorize",
                "https://appleid.apple.com/auth/token", "");
        this.jwksUrl = jwksUrl;
    }

    @Override
    public OAuth2Provider create(OAuth2Config config) {
        return new StandardOAuth2Provider(config, this::map) {
            @Override
            protected JsonObject fetchRawUser(OAuth2Token token) throws IOException {
                return IdToken.decode(IdToken.of(token.raw()))
                        .validate(true, Optional.of("https://appleid.apple.com"), Optional.of(config.clientId()))
                        .verifySignature(jwksUrl)
                        .claims();
            }
        };
    }

    @Override
    AuthUser map(JsonObject raw, OAuth2Token token) {
        return user(raw, token, str(raw, "sub"), str(raw, "name"), "", truthy(raw, "email_verified") ? str(raw, "email") : "",
                "");
    }
}
