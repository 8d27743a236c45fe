package io.pb4j.auth.internal.oauth2.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pb4j.auth.spi.AuthUser;
import io.pb4j.auth.spi.OAuth2Config;
import io.pb4j.auth.spi.OAuth2Token;
import io.pb4j.auth.spi.StandardOAuth2Provider;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The standard code flow of the SPI, where it follows Go's oauth2 package as PocketBase uses it. */
class StandardCodeFlowTest {
    private static StandardOAuth2Provider provider(FakeProvider fake, String authPath, String secret, List<String> scopes) {
        OAuth2Config config = new OAuth2Config("id", secret, "https://app.example.com/cb", fake.url(authPath),
                fake.url("/token"), fake.url("/user"), "Test", true, scopes, JsonValue.EMPTY_JSON_OBJECT);
        return new StandardOAuth2Provider(config, (raw, token) -> new AuthUser(JsonPath.str(raw, "id"), "", "", "", "",
                token.accessToken(), token.refreshToken(), token.expiry(), raw));
    }

    @Test
    void theConsentUrlHasGoSortedParametersAndLeavesTheRedirectUrlToTheClient() throws IOException {
        try (FakeProvider fake = new FakeProvider()) {
            String url = provider(fake, "/authorize?prompt=consent", "s", List.of("read:user", "user*email~x"))
                    .buildAuthUrl("st", Map.of("code_challenge", "c", "code_challenge_method", "S256"));
            assertThat(url).isEqualTo(fake.url("/authorize?prompt=consent") + "&client_id=id&code_challenge=c"
                    + "&code_challenge_method=S256&response_type=code&scope=read%3Auser+user%2Aemail~x&state=st&redirect_uri=");
        }
    }

    @Test
    void theConsentUrlHasNoScopeWhenThereAreNone() throws IOException {
        try (FakeProvider fake = new FakeProvider()) {
            assertThat(provider(fake, "/authorize", "s", List.of()).buildAuthUrl("st", Map.of()))
                    .isEqualTo(fake.url("/authorize") + "?client_id=id&response_type=code&state=st&redirect_uri=");
        }
    }

    @Test
    void credentialsAcceptedAsBasicAuthorizationAreSentOnce() throws IOException {
        try (FakeProvider fake = new FakeProvider()) {
            fake.json("/token", "{\"access_token\":\"a\",\"token_type\":\"Bearer\",\"expires_in\":\"60\",\"id_token\":\"x\"}");
            OAuth2Token token = provider(fake, "/authorize", "s", List.of()).exchangeCode("c", "");
            assertThat(token.expiry()).isPresent();
            assertThat(token.raw().getString("id_token")).isEqualTo("x");
            assertThat(fake.requests("/token")).hasSize(1);
            assertThat(fake.requests("/token").getFirst().body())
                    .isEqualTo("code=c&grant_type=authorization_code&redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb");
        }
    }

    @Test
    void anEmptySecretIsNotSentAsAFormParameter() throws IOException {
        try (FakeProvider fake = new FakeProvider()) {
            fake.route("/token", r -> r.basicCredentials().isPresent()
                    ? FakeProvider.Response.status(400, "{\"error\":\"invalid_client\"}")
                    : new FakeProvider.Response(200, "text/plain; charset=utf-8", "access_token=a&token_type=bearer&scope=x+y"));
            OAuth2Token token = provider(fake, "/authorize", "", List.of()).exchangeCode("c", "v");
            assertThat(token.accessToken()).isEqualTo("a");
            assertThat(token.expiry()).isEmpty();
            assertThat(token.raw().getString("scope")).isEqualTo("x y");
            assertThat(fake.requests("/token").get(1).form()).containsEntry("client_id", "id")
                    .containsEntry("code_verifier", "v").doesNotContainKey("client_secret");
        }
    }

    @Test
    void anErrorAnswerOrAMissingAccessTokenFailsTheExchange() throws IOException {
        try (FakeProvider fake = new FakeProvider()) {
            fake.json("/token", "{\"error\":\"invalid_grant\",\"error_description\":\"bad code\"}");
            assertThatThrownBy(() -> provider(fake, "/authorize", "s", List.of()).exchangeCode("c", ""))
                    .isInstanceOf(IOException.class).hasMessageContaining("invalid_grant");
            assertThat(fake.requests("/token")).hasSize(2);

            fake.json("/token", "{\"token_type\":\"bearer\"}");
            assertThatThrownBy(() -> provider(fake, "/authorize", "s", List.of()).exchangeCode("c", ""))
                    .isInstanceOf(IOException.class).hasMessageContaining("no access_token");

            fake.route("/token", r -> FakeProvider.Response.status(500, "down"));
            assertThatThrownBy(() -> provider(fake, "/authorize", "s", List.of()).exchangeCode("c", ""))
                    .isInstanceOf(IOException.class).hasMessageContaining("(500)");
        }
    }

    @Test
    void theUserRequestCarriesTheTokenTypeAndAFailedOneFails() throws IOException {
        try (FakeProvider fake = new FakeProvider()) {
            fake.json("/user", "{\"id\":7}");
            var provider = provider(fake, "/authorize", "s", List.of());
            AuthUser user = provider.fetchAuthUser(new OAuth2Token("t", "", "mac", Optional.empty(),
                    JsonValue.EMPTY_JSON_OBJECT));
            assertThat(user.id()).isEqualTo("7");
            assertThat(fake.requests("/user").getFirst().header("Authorization")).isEqualTo("MAC t");

            fake.route("/user", r -> FakeProvider.Response.status(401, "{\"message\":\"bad token\"}"));
            assertThatThrownBy(() -> provider.fetchAuthUser(new OAuth2Token("t", "", "", Optional.empty(),
                    JsonValue.EMPTY_JSON_OBJECT)))
                    .isInstanceOf(IOException.class)
                    .hasMessage("failed to fetch OAuth2 user profile via " + fake.url("/user") + " (401):\n{\"message\":\"bad token\"}");
        }
    }
}
