package io.pb4j.http;

import static io.pb4j.http.AuthFlows.json;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /api/collections/{c}/auth-methods}. */
class AuthMethodsApiTest {
    private static TestServer server;
    private static FakeOAuth2Provider provider;
    private static String superuser;

    @BeforeAll
    static void start() {
        server = new TestServer();
        provider = FakeOAuth2Provider.start();
        superuser = server.superuserToken();
    }

    @AfterAll
    static void stop() throws Exception {
        provider.close();
        server.close();
    }

    @Test
    void aNewAuthCollectionOffersPasswordOnly() {
        TestServer.Response r = server.send("GET", "/api/collections/users/auth-methods", null, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"password\":{\"identityFields\":[\"email\"],\"enabled\":true},"
                + "\"oauth2\":{\"providers\":[],\"enabled\":false},\"mfa\":{\"enabled\":false,\"duration\":0},"
                + "\"otp\":{\"enabled\":false,\"duration\":0},\"authProviders\":null,\"usernamePassword\":false,\"emailPassword\":true}");
    }

    @Test
    void enabledProvidersComeWithStatePkceAndAConsentUrl() throws Exception {
        try (TestServer s = new TestServer(); FakeOAuth2Provider fake = FakeOAuth2Provider.start()) {
            String su = s.superuserToken();
            AuthFlows.patchUsers(s, su, "{\"passwordAuth\":{\"enabled\":false,\"identityFields\":[\"email\"]},"
                    + "\"otp\":{\"enabled\":true,\"duration\":120,\"length\":8},\"mfa\":{\"enabled\":true,\"duration\":900,\"rule\":\"\"},"
                    + "\"oauth2\":{\"enabled\":true,\"providers\":[" + fake.gitlabEntry() + "]}}");
            TestServer.Response r = s.send("GET", "/api/collections/users/auth-methods", null, null);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonObject body = json(r.body());
            assertThat(body.getJsonObject("password").toString()).isEqualTo("{\"identityFields\":[],\"enabled\":false}");
            assertThat(body.getJsonObject("otp").toString()).isEqualTo("{\"enabled\":true,\"duration\":120}");
            assertThat(body.getJsonObject("mfa").toString()).isEqualTo("{\"enabled\":true,\"duration\":900}");
            assertThat(body.getBoolean("emailPassword")).isFalse();
            JsonObject gitlab = body.getJsonObject("oauth2").getJsonArray("providers").getJsonObject(0);
            assertThat(gitlab.getString("name")).isEqualTo("gitlab");
            assertThat(gitlab.getString("displayName")).isEqualTo("GitLab");
            assertThat(gitlab.getString("state")).matches("[A-Za-z0-9]{30}");
            String verifier = gitlab.getString("codeVerifier");
            assertThat(verifier).matches("[A-Za-z0-9]{43}");
            String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            assertThat(gitlab.getString("codeChallenge")).isEqualTo(challenge);
            assertThat(gitlab.getString("codeChallengeMethod")).isEqualTo("S256");
            String url = gitlab.getString("authURL");
            assertThat(url).startsWith(fake.url() + "/authorize?").contains("client_id=test-client", "response_type=code",
                    "state=" + gitlab.getString("state"), "code_challenge=" + challenge, "code_challenge_method=S256",
                    "scope=read_user").endsWith("&redirect_uri=");
            assertThat(gitlab.getString("authUrl")).isEqualTo(url);
            JsonObject legacy = body.getJsonArray("authProviders").getJsonObject(0);
            assertThat(legacy.getString("logo")).isEmpty();
            assertThat(legacy.getString("state")).isEqualTo(gitlab.getString("state"));
            // every call gets a fresh state and verifier; the server keeps none
            JsonObject again = json(s.send("GET", "/api/collections/users/auth-methods", null, null).body())
                    .getJsonObject("oauth2").getJsonArray("providers").getJsonObject(0);
            assertThat(again.getString("state")).isNotEqualTo(gitlab.getString("state"));
            assertThat(again.getString("codeVerifier")).isNotEqualTo(verifier);
            // pkce switched off in the collection: the three PKCE values are empty
            AuthFlows.patchUsers(s, su, "{\"oauth2\":{\"enabled\":true,\"providers\":[" + fake.gitlabEntry().replace("}", ",\"pkce\":false,\"displayName\":\"My Lab\"}") + "]}}");
            JsonObject noPkce = json(s.send("GET", "/api/collections/users/auth-methods", null, null).body())
                    .getJsonObject("oauth2").getJsonArray("providers").getJsonObject(0);
            assertThat(noPkce.getString("codeVerifier")).isEmpty();
            assertThat(noPkce.getString("codeChallengeMethod")).isEmpty();
            assertThat(noPkce.getString("displayName")).isEqualTo("My Lab");
            assertThat(noPkce.getString("authURL")).doesNotContain("code_challenge");
        }
    }

    @Test
    void onlyAuthCollectionsHaveAuthMethods() {
        TestServer.Response missing = server.send("GET", "/api/collections/nope/auth-methods", null, null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("Missing or invalid collection context.");
        server.expect("POST", "/api/collections", superuser, "{\"name\":\"plain\",\"type\":\"base\"}", 200);
        TestServer.Response base = server.send("GET", "/api/collections/plain/auth-methods", null, null);
        assertThat(base.status()).isEqualTo(404);
        assertThat(base.body()).contains("Missing or invalid auth collection context.");
    }
}
