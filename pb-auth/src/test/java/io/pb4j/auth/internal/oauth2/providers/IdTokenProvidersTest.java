package io.pb4j.auth.internal.oauth2.providers;

import static io.pb4j.auth.internal.oauth2.providers.ProviderTable.CLIENT_ID;
import static io.pb4j.auth.internal.oauth2.providers.TestKeys.now;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pb4j.auth.internal.oauth2.OAuth2Providers;
import io.pb4j.auth.spi.AuthUser;
import io.pb4j.auth.spi.OAuth2Provider;
import io.pb4j.auth.spi.OAuth2ProviderFactory;
import io.pb4j.auth.spi.OAuth2Token;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Apple, OIDC and Microsoft read the user, or its email, from the token answer's id_token. */
class IdTokenProvidersTest {
    private static OAuth2Token tokenWith(String idToken) {
        return new OAuth2Token("access-1", "", "bearer", Optional.empty(),
                Json.createObjectBuilder().add("access_token", "access-1").add("id_token", idToken).build());
    }

    private static OAuth2Provider configured(OAuth2ProviderFactory factory, FakeProvider fake, String userInfoUrl,
                                             JsonObject extra) {
        return factory.create(OAuth2Providers.config(factory, Json.createObjectBuilder()
                .add("clientId", CLIENT_ID).add("authURL", fake.url("/authorize")).add("tokenURL", fake.url("/token"))
                .add("userInfoURL", userInfoUrl).add("extra", extra).build(), "https://app.example.com/cb"));
    }

    private static Map<String, Object> claims(Object... overrides) {
        Map<String, Object> claims = new HashMap<>(Map.of("iss", "https://issuer.example.com", "aud", CLIENT_ID,
                "sub", "user-1", "name", "Jane", "preferred_username", "jane", "email", "jane@example.com",
                "email_verified", true, "iat", now(), "exp", now() + 600));
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                claims.remove((String) overrides[i]);
            } else {
                claims.put((String) overrides[i], overrides[i + 1]);
            }
        }
        return claims;
    }

    // ----- Apple

    private static AuthUser appleUser(String idToken) throws IOException {
        try (FakeProvider fake = new FakeProvider()) {
            fake.json("/jwks", TestKeys.jwks());
            return configured(new Apple(fake.url("/jwks")), fake, "", JsonObject.EMPTY_JSON_OBJECT)
                    .fetchAuthUser(tokenWith(idToken));
        }
    }

    @Test
    void appleTakesTheUserFromASignedIdToken() throws IOException {
        AuthUser user = appleUser(ProviderTable.appleIdToken(Map.of("email_verified", true)));
        assertThat(user.id()).isEqualTo("001234.5678abcd.0910");
        assertThat(user.email()).isEqualTo("jane@privaterelay.appleid.com");
        assertThat(user.rawUser().getString("iss")).isEqualTo("https://appleid.apple.com");
    }

    @Test
    void appleRefusesAnotherIssuerAMissingExpiryAndAnExpiredToken() {
        assertThatThrownBy(() -> appleUser(ProviderTable.appleIdToken(Map.of("iss", "https://evil.example.com"))))
                .hasMessageContaining("invalid issuer");
        Map<String, Object> noExp = new HashMap<>(Map.of("iss", "https://appleid.apple.com", "aud", CLIENT_ID, "sub", "x",
                "iat", now()));
        assertThatThrownBy(() -> appleUser(TestKeys.rs256(TestKeys.RSA, "rsa-1", noExp))).hasMessageContaining("exp");
        long beyondLeeway = now() - IdToken.LEEWAY.toSeconds() - 60;
        assertThatThrownBy(() -> appleUser(ProviderTable.appleIdToken(Map.of("exp", beyondLeeway))))
                .hasMessageContaining("expired");
        assertThatThrownBy(() -> appleUser(ProviderTable.appleIdToken(Map.of("iat", now() + IdToken.LEEWAY.toSeconds() + 60))))
                .hasMessageContaining("used before issued");
    }

    @Test
    void appleRefusesATokenNotSignedByItsKeys() {
        Map<String, Object> claims = new HashMap<>(Map.of("iss", "https://appleid.apple.com", "aud", CLIENT_ID, "sub", "x",
                "iat", now(), "exp", now() + 600));
        assertThatThrownBy(() -> appleUser(TestKeys.rs256(TestKeys.OTHER_RSA, "rsa-1", claims)))
                .hasMessageContaining("signature is invalid");
        assertThatThrownBy(() -> appleUser(TestKeys.rs256(TestKeys.RSA, "unknown", claims)))
                .hasMessageContaining("missing JWK with kid \"unknown\"");
        assertThatThrownBy(() -> appleUser("")).hasMessage("empty id_token");
    }

    // ----- OIDC

    @Test
    void oidcWithoutUserInfoUrlReadsTheIdTokenClaims() throws IOException {
        try (FakeProvider fake = new FakeProvider()) {
            AuthUser user = configured(OAuth2Providers.find("oidc2").orElseThrow(), fake, "", JsonObject.EMPTY_JSON_OBJECT)
                    .fetchAuthUser(tokenWith(TestKeys.unsigned(Json.createObjectBuilder(claims()).build().toString())));
            assertThat(user.id()).isEqualTo("user-1");
            assertThat(user.username()).isEqualTo("jane");
            assertThat(user.email()).isEqualTo("jane@example.com");
            assertThat(fake.requests("/user")).isEmpty();
        }
    }

    @Test
    void oidcChecksAudienceIssuersAndTimes() throws IOException {
        try (FakeProvider fake = new FakeProvider()) {
            OAuth2Provider plain = configured(OAuth2Providers.find("oidc").orElseThrow(), fake, "", JsonObject.EMPTY_JSON_OBJECT);
            assertThatThrownBy(() -> plain.fetchAuthUser(tokenWith(TestKeys.unsigned(
                    Json.createObjectBuilder(claims("aud", "someone-else")).build().toString()))))
                    .hasMessageContaining("invalid audience");
            assertThatThrownBy(() -> plain.fetchAuthUser(tokenWith(TestKeys.unsigned(
                    Json.createObjectBuilder(claims("nbf", now() + 3600)).build().toString()))))
                    .hasMessageContaining("not valid yet");
            long withinLeeway = now() + IdToken.LEEWAY.toSeconds() - 60;
            assertThat(plain.fetchAuthUser(tokenWith(TestKeys.unsigned(
                    Json.createObjectBuilder(claims("iat", withinLeeway, "exp", null)).build().toString()))).id())
                    .isEqualTo("user-1");

            JsonObject issuers = Json.createObjectBuilder()
                    .add("issuers", Json.createArrayBuilder().add("https://a.example.com").add("https://b.example.com")).build();
            OAuth2Provider strict = configured(OAuth2Providers.find("oidc").orElseThrow(), fake, "", issuers);
            assertThatThrownBy(() -> strict.fetchAuthUser(tokenWith(TestKeys.unsigned(
                    Json.createObjectBuilder(claims()).build().toString()))))
                    .hasMessageContaining("iss must be one of");
            assertThat(strict.fetchAuthUser(tokenWith(TestKeys.unsigned(
                    Json.createObjectBuilder(claims("iss", "https://b.example.com")).build().toString()))).id())
                    .isEqualTo("user-1");
        }
    }

    @Test
    void oidcWithAJwksUrlChecksRsaAndEd25519Signatures() throws Exception {
        try (FakeProvider fake = new FakeProvider()) {
            fake.json("/jwks", TestKeys.jwks());
            JsonObject extra = Json.createObjectBuilder().add("jwksURL", fake.url("/jwks")).build();
            OAuth2Provider oidc = configured(OAuth2Providers.find("oidc3").orElseThrow(), fake, "", extra);

            assertThat(oidc.fetchAuthUser(tokenWith(TestKeys.rs256(TestKeys.RSA, "rsa-1", claims()))).id()).isEqualTo("user-1");
            String payload = Json.createObjectBuilder(claims("email_verified", "false")).build().toString();
            AuthUser ed = oidc.fetchAuthUser(tokenWith(TestKeys.edDsa(payload)));
            assertThat(ed.id()).isEqualTo("user-1");
            assertThat(ed.email()).isEmpty();

            String forged = TestKeys.edDsa(payload);
            String tampered = forged.substring(0, forged.indexOf('.') + 1)
                    + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                            Json.createObjectBuilder(claims("sub", "admin")).build().toString().getBytes())
                    + forged.substring(forged.lastIndexOf('.'));
            assertThatThrownBy(() -> oidc.fetchAuthUser(tokenWith(tampered))).hasMessageContaining("signature is invalid");
            assertThatThrownBy(() -> oidc.fetchAuthUser(tokenWith(TestKeys.unsigned(payload))))
                    .hasMessageContaining("missing kid");
        }
    }

    @Test
    void keySetsFollowPocketBasesRules() throws Exception {
        String x = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
        String shortX = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[31]);
        Map<String, String> keySets = Map.of(
                "{\"keys\":[{\"kty\":\"OKP\",\"kid\":\"ed-1\",\"crv\":\"Ed25519\",\"x\":\"" + x + "\"}]}",
                "missing JWK with kid \"ed-1\" and non-empty alg",
                "{\"keys\":[{\"kty\":\"OKP\",\"kid\":\"ed-1\",\"alg\":\"EdDSA\",\"crv\":\"X25519\",\"x\":\"" + x + "\"}]}",
                "unsupported OKP curve",
                "{\"keys\":[{\"kty\":\"OKP\",\"kid\":\"ed-1\",\"alg\":\"EdDSA\",\"crv\":\"Ed25519\",\"x\":\"" + shortX + "\"}]}",
                "invalid Ed25519 key length: 31",
                "{\"keys\":[{\"kty\":\"EC\",\"kid\":\"ed-1\",\"alg\":\"EdDSA\"}]}",
                "unsupported kty");
        String token = TestKeys.edDsa(Json.createObjectBuilder(claims()).build().toString());
        for (var keySet : keySets.entrySet()) {
            try (FakeProvider fake = new FakeProvider()) {
                fake.json("/jwks", keySet.getKey());
                JsonObject extra = Json.createObjectBuilder().add("jwksURL", fake.url("/jwks")).build();
                OAuth2Provider oidc = configured(OAuth2Providers.find("oidc").orElseThrow(), fake, "", extra);
                assertThatThrownBy(() -> oidc.fetchAuthUser(tokenWith(token))).hasMessageContaining(keySet.getValue());
            }
        }
        try (FakeProvider fake = new FakeProvider()) {
            fake.route("/jwks", r -> FakeProvider.Response.status(503, "{}"));
            JsonObject extra = Json.createObjectBuilder().add("jwksURL", fake.url("/jwks")).build();
            OAuth2Provider oidc = configured(OAuth2Providers.find("oidc").orElseThrow(), fake, "", extra);
            assertThatThrownBy(() -> oidc.fetchAuthUser(tokenWith(token)))
                    .hasMessageContaining("failed to fetch JSON Web Key Set from " + fake.url("/jwks") + " (503)");

            fake.json("/jwks", TestKeys.jwks());
            String rs384 = com.auth0.jwt.JWT.create().withKeyId("rsa-1").withPayload(claims())
                    .sign(com.auth0.jwt.algorithms.Algorithm.RSA384(
                            (java.security.interfaces.RSAPublicKey) TestKeys.RSA.getPublic(),
                            (java.security.interfaces.RSAPrivateKey) TestKeys.RSA.getPrivate()));
            assertThatThrownBy(() -> oidc.fetchAuthUser(tokenWith(rs384)))
                    .as("the key's alg is RS256").hasMessageContaining("signing method RS384 is invalid");
        }
    }

    @Test
    void theLeewayComesFromPbIdTokenLeewayInSeconds() {
        assertThat(IdToken.leeway("60")).isEqualTo(Duration.ofSeconds(60));
        assertThat(IdToken.leeway("soon")).isEqualTo(Duration.ofMinutes(5));
        assertThat(IdToken.leeway(null)).isEqualTo(Duration.ofMinutes(5));
    }

    // ----- Microsoft

    private static String microsoftEmail(FakeProvider fake, String strategy, Map<String, Object> idTokenClaims)
            throws IOException {
        fake.json("/me", "{\"id\":\"m-1\",\"displayName\":\"Adele\",\"mail\":\"graph@contoso.com\"}");
        JsonObject extra = strategy.isEmpty() ? JsonObject.EMPTY_JSON_OBJECT
                : Json.createObjectBuilder().add("idTokenEmailClaim", strategy).build();
        OAuth2Provider ms = configured(new Microsoft(), fake, fake.url("/me"), extra);
        return ms.fetchAuthUser(tokenWith(TestKeys.unsigned(Json.createObjectBuilder(idTokenClaims).build().toString())))
                .email();
    }

    @Test
    void microsoftPicksTheEmailByTheConfiguredIdTokenClaim() throws IOException {
        Map<String, Object> both = Map.of("iat", now(), "email", "edov@contoso.com", "xms_edov", true,
                "verified_primary_email", "primary@contoso.com");
        Map<String, Object> edovOnly = Map.of("iat", now(), "email", "edov@contoso.com", "xms_edov", "1");
        Map<String, Object> unverified = Map.of("iat", now(), "email", "plain@contoso.com", "xms_edov", false);
        try (FakeProvider fake = new FakeProvider()) {
            assertThat(microsoftEmail(fake, "", both)).isEqualTo("graph@contoso.com");
            assertThat(microsoftEmail(fake, "verified_primary_email", both)).isEqualTo("primary@contoso.com");
            assertThat(microsoftEmail(fake, "verified_primary_email", edovOnly)).isEmpty();
            assertThat(microsoftEmail(fake, "email_and_xms_edov", edovOnly)).isEqualTo("edov@contoso.com");
            assertThat(microsoftEmail(fake, "email_and_xms_edov", unverified)).isEmpty();
            assertThat(microsoftEmail(fake, "any_verified", both)).isEqualTo("primary@contoso.com");
            assertThat(microsoftEmail(fake, "any_verified", edovOnly)).isEqualTo("edov@contoso.com");
            assertThat(microsoftEmail(fake, "email", unverified)).isEqualTo("plain@contoso.com");
            Map<String, Object> future = Map.of("iat", now() + 3600, "email", "x@contoso.com");
            assertThat(microsoftEmail(fake, "email", future)).as("an id token issued in the future is ignored").isEmpty();
        }
    }

    @Test
    void microsoftAsksForOpenidWhenTheEmailComesFromTheIdToken() throws IOException {
        try (FakeProvider fake = new FakeProvider()) {
            JsonObject extra = Json.createObjectBuilder().add("idTokenEmailClaim", "email").build();
            assertThat(configured(new Microsoft(), fake, "", extra).config().scopes()).containsExactly("User.Read", "openid");
            assertThat(configured(new Microsoft(), fake, "", JsonObject.EMPTY_JSON_OBJECT).config().scopes())
                    .containsExactly("User.Read");
        }
    }
}
