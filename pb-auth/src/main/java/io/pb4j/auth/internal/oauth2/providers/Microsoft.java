package io.pb4j.auth.internal.oauth2.providers;

import static io.pb4j.auth.internal.oauth2.providers.JsonPath.*;

import io.pb4j.auth.spi.AuthUser;
import io.pb4j.auth.spi.OAuth2Config;
import io.pb4j.auth.spi.OAuth2Provider;
import io.pb4j.auth.spi.OAuth2Token;
import io.pb4j.auth.spi.StandardOAuth2Provider;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Microsoft (Entra ID, tenant {@code common}): the Graph {@code mail} by default. With {@code extra.idTokenEmailClaim}
 * the email comes from the id token instead ({@code openid} is then requested too): {@code verified_primary_email},
 * {@code email_and_xms_edov} (the email when {@code xms_edov} is true), {@code any_verified} (the first, else the
 * second) or {@code email} as it is. The id token comes straight from the token endpoint, so its signature is not checked.
 */
public final class Microsoft extends BuiltInProvider {
    public Microsoft() {
        super("microsoft", "Microsoft", 3, true, List.of("User.Read"),
                "https://login.microsoftonline.com/common/oauth2/v2.0/authorize",
                "https://login.microsoftonline.com/common/oauth2/v2.0/token", "https://graph.microsoft.com/v1.0/me");
    }

    @Override
    public OAuth2Provider create(OAuth2Config config) {
        String claim = str(config.extra(), "idTokenEmailClaim");
        if (!claim.isEmpty() && !config.scopes().contains("openid")) {
            List<String> scopes = new ArrayList<>(config.scopes());
            scopes.add("openid");
            config = new OAuth2Config(config.clientId(), config.clientSecret(), config.redirectUrl(), config.authUrl(),
                    config.tokenUrl(), config.userInfoUrl(), config.displayName(), config.pkce(), scopes, config.extra());
        }
        return new StandardOAuth2Provider(config, (raw, token) -> map(raw, token, claim));
    }

    @Override
    AuthUser map(JsonObject raw, OAuth2Token token) {
        return map(raw, token, "");
    }

    private static AuthUser map(JsonObject raw, OAuth2Token token, String emailClaim) {
        String email = switch (emailClaim) {
            case "any_verified" -> {
                String primary = verifiedPrimaryEmail(token);
                yield primary.isEmpty() ? xmsEdovEmail(token) : primary;
            }
            case "verified_primary_email" -> verifiedPrimaryEmail(token);
            case "email_and_xms_edov" -> xmsEdovEmail(token);
            case "email" -> str(claims(token), "email");
            default -> str(raw, "mail");
        };
        return user(raw, token, str(raw, "id"), str(raw, "displayName"), "", email, "");
    }

    private static String verifiedPrimaryEmail(OAuth2Token token) {
        return at(claims(token), "verified_primary_email") instanceof jakarta.json.JsonString s ? s.getString() : "";
    }

    private static String xmsEdovEmail(OAuth2Token token) {
        JsonObject claims = claims(token);
        return truthy(claims, "xms_edov") ? str(claims, "email") : "";
    }

    /** The id token claims, or none when it is missing or fails the time checks (PocketBase ignores the error). */
    private static JsonObject claims(OAuth2Token token) {
        try {
            return IdToken.decode(IdToken.of(token.raw())).validate(false, Optional.empty(), Optional.empty()).claims();
        } catch (IOException e) {
            return JsonObject.EMPTY_JSON_OBJECT;
        }
    }
}
