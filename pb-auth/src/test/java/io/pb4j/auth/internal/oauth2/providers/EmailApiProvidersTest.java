package io.pb4j.auth.internal.oauth2.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pb4j.auth.internal.oauth2.OAuth2Providers;
import io.pb4j.auth.spi.AuthUser;
import io.pb4j.auth.spi.OAuth2ProviderFactory;
import io.pb4j.auth.spi.OAuth2Token;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** GitHub, Gitea, Bitbucket and Gitee ask a second API for the email; PocketBase tolerates some of its failures. */
class EmailApiProvidersTest {
    private static final OAuth2Token TOKEN = new OAuth2Token("access-1", "", "bearer", Optional.empty(),
            JsonValue.EMPTY_JSON_OBJECT);

    private static AuthUser signIn(OAuth2ProviderFactory factory, FakeProvider fake) throws IOException {
        return factory.create(OAuth2Providers.config(factory, Json.createObjectBuilder()
                .add("clientId", "id").add("userInfoURL", fake.url("/user")).build(), "")).fetchAuthUser(TOKEN);
    }

    @Test
    void githubAndGiteaWithoutAccessToTheEmailsApiHaveNoEmail() throws IOException {
        for (String name : new String[] {"github", "gitea"}) {
            try (FakeProvider fake = new FakeProvider()) {
                fake.json("/user", "{\"id\":1,\"login\":\"u\",\"active\":true}");
                fake.route("/user/emails", r -> FakeProvider.Response.status(403, "{}"));
                assertThat(signIn(OAuth2Providers.find(name).orElseThrow(), fake).email()).as(name).isEmpty();
                assertThat(fake.requests("/user/emails").getFirst().header("Authorization")).isEqualTo("Bearer access-1");
            }
        }
    }

    @Test
    void githubFailsOnAnEmailsAnswerThatIsNoList() throws IOException {
        try (FakeProvider fake = new FakeProvider()) {
            fake.json("/user", "{\"id\":1,\"login\":\"u\"}");
            fake.route("/user/emails", r -> FakeProvider.Response.status(500, "{\"message\":\"oops\"}"));
            assertThatThrownBy(() -> signIn(OAuth2Providers.find("github").orElseThrow(), fake))
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void bitbucketIgnoresAFailedEmailsRequest() throws IOException {
        try (FakeProvider fake = new FakeProvider()) {
            fake.json("/user", "{\"uuid\":\"{1}\",\"account_status\":\"active\"}");
            fake.route("/user/emails", r -> FakeProvider.Response.status(500, "{}"));
            assertThat(signIn(OAuth2Providers.find("bitbucket").orElseThrow(), fake).email()).isEmpty();
        }
    }

    @Test
    void giteeAsksTheEmailsApiOnlyWhenTheProfileHasNoWellFormedEmail() throws IOException {
        try (FakeProvider fake = new FakeProvider()) {
            fake.json("/user", "{\"id\":1,\"login\":\"u\",\"email\":\"u@gitee.example.com\"}");
            assertThat(signIn(new Gitee(fake.url("/emails")), fake).email()).isEqualTo("u@gitee.example.com");
            assertThat(fake.requests("/emails")).isEmpty();

            fake.json("/user", "{\"id\":1,\"login\":\"u\",\"email\":\"not-an-email\"}");
            fake.json("/emails", "[{\"email\":\"second@gitee.example.com\",\"state\":\"confirmed\",\"scope\":[\"committed\"]},"
                    + "{\"email\":\"main@gitee.example.com\",\"state\":\"confirmed\",\"scope\":[\"committed\",\"primary\"]}]");
            assertThat(signIn(new Gitee(fake.url("/emails")), fake).email()).isEqualTo("main@gitee.example.com");

            fake.route("/emails", r -> FakeProvider.Response.status(500, "<html>oops</html>"));
            assertThat(signIn(new Gitee(fake.url("/emails")), fake).email()).isEmpty();
        }
    }
}
