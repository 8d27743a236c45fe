package io.pb4j.http;

import static io.pb4j.http.AuthFlows.count;
import static io.pb4j.http.AuthFlows.json;
import static io.pb4j.http.AuthFlows.oauth2;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code auth-with-oauth2} against a fake GitLab on 127.0.0.1: linking, sign-up, errors, one transaction. */
class OAuth2ApiTest {
    private static TestServer server;
    private static FakeOAuth2Provider provider;
    private static String superuser;

    @BeforeAll
    static void start() {
        server = new TestServer();
        provider = FakeOAuth2Provider.start();
        superuser = server.superuserToken();
        AuthFlows.enableGitlab(server, superuser, provider);
    }

    @AfterAll
    static void stop() throws Exception {
        provider.close();
        server.close();
    }

    @Test
    void firstSignInCreatesAVerifiedRecordLinksItAndAnswersMeta() {
        TestServer.Response r = oauth2(server, null, "alice", ",\"createData\":{\"emailVisibility\":true}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonObject body = json(r.body());
        JsonObject record = body.getJsonObject("record");
        assertThat(record.getString("email")).isEqualTo("alice@example.com");
        assertThat(record.getBoolean("verified")).isTrue();
        assertThat(record.getBoolean("emailVisibility")).isTrue();
        assertThat(record.getString("name")).isEqualTo("Name alice");
        assertThat(r.body()).doesNotContain("\"password\"", "tokenKey");
        JsonObject meta = body.getJsonObject("meta");
        assertThat(meta.getBoolean("isNew")).isTrue();
        assertThat(meta.getString("id")).isEqualTo("alice");
        assertThat(meta.getString("email")).isEqualTo("alice@example.com");
        assertThat(meta.getString("accessToken")).isEqualTo("at-alice");
        assertThat(meta.getString("refreshToken")).isEqualTo("rt-alice");
        assertThat(meta.getString("avatarURL")).isEqualTo(meta.getString("avatarUrl")).endsWith("alice.png");
        assertThat(meta.getString("expiry")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        assertThat(meta.getJsonObject("rawUser").getString("username")).isEqualTo("alice");
        assertThat(provider.lastTokenRequest()).containsEntry("code", "alice").containsEntry("code_verifier", "verifier-alice")
                .containsEntry("redirect_uri", "https://app.example.com/cb").containsEntry("grant_type", "authorization_code");
        assertThat(count(server, superuser, "_externalAuths", "provider='gitlab' && providerId='alice' && recordRef='"
                + record.getString("id") + "'")).isEqualTo(1);
    }

    @Test
    void aLinkedAccountSignsInToTheSameRecord() {
        String first = json(oauth2(server, null, "bob", "").body()).getJsonObject("record").getString("id");
        TestServer.Response again = oauth2(server, null, "bob", "");
        assertThat(again.status()).isEqualTo(200);
        assertThat(json(again.body()).getJsonObject("record").getString("id")).isEqualTo(first);
        assertThat(json(again.body()).getJsonObject("meta").getBoolean("isNew")).isFalse();
        assertThat(count(server, superuser, "_externalAuths", "providerId='bob'")).isEqualTo(1);
    }

    @Test
    void anUnverifiedRecordWithTheProvidersEmailIsTakenOverAndItsPasswordReset() {
        String id = AuthFlows.createUser(server, "carol@example.com");
        assertThat(AuthFlows.password(server, "carol@example.com", "").status()).isEqualTo(200);
        TestServer.Response r = oauth2(server, null, "carol", "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonObject record = json(r.body()).getJsonObject("record");
        assertThat(record.getString("id")).isEqualTo(id);
        assertThat(record.getBoolean("verified")).isTrue();
        assertThat(json(r.body()).getJsonObject("meta").getBoolean("isNew")).isFalse();
        // someone who registered the address first must not keep a password to the account
        assertThat(AuthFlows.password(server, "carol@example.com", "").status()).isEqualTo(400);
    }

    @Test
    void aPreRegisteredUnverifiedRecordLosesTheIntrudersLinkWhenTheOwnerSignsIn() {
        // someone signs up first with a provider account whose email is unconfirmed, claiming the victim's address
        TestServer.Response intruder = oauth2(server, null, "unconfirmed-mallory", ",\"createData\":{\"email\":\"victim@example.com\"}");
        assertThat(intruder.status()).as(intruder.body()).isEqualTo(200);
        String id = json(intruder.body()).getJsonObject("record").getString("id");
        assertThat(json(intruder.body()).getJsonObject("record").getBoolean("verified")).isFalse();

        TestServer.Response owner = oauth2(server, null, "victim", "");
        assertThat(owner.status()).as(owner.body()).isEqualTo(200);
        assertThat(json(owner.body()).getJsonObject("record").getString("id")).isEqualTo(id);
        assertThat(json(owner.body()).getJsonObject("record").getBoolean("verified")).isTrue();
        assertThat(count(server, superuser, "_externalAuths", "recordRef='" + id + "' && providerId='unconfirmed-mallory'")).isZero();
        assertThat(count(server, superuser, "_externalAuths", "recordRef='" + id + "' && providerId='victim'")).isEqualTo(1);
    }

    @Test
    void aSignedInRecordLinksTheProviderAccountEvenWithAnotherEmail() {
        String id = AuthFlows.createUser(server, "dave-own@example.com");
        String token = json(AuthFlows.password(server, "dave-own@example.com", "").body()).getString("token");
        TestServer.Response r = oauth2(server, token, "dave", "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(json(r.body()).getJsonObject("record").getString("id")).isEqualTo(id);
        assertThat(json(r.body()).getJsonObject("record").getString("email")).isEqualTo("dave-own@example.com");
        // the signed-in record keeps its password
        assertThat(AuthFlows.password(server, "dave-own@example.com", "").status()).isEqualTo(200);
        assertThat(count(server, superuser, "_externalAuths", "providerId='dave' && recordRef='" + id + "'")).isEqualTo(1);
    }

    @Test
    void anUnconfirmedProviderEmailIsNotUsedAndTheNewRecordStaysUnverified() {
        TestServer.Response r = oauth2(server, null, "unconfirmed-erin", ",\"createData\":{\"email\":\"erin@example.com\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonObject record = json(r.body()).getJsonObject("record");
        assertThat(record.getString("email")).isEqualTo("erin@example.com");
        assertThat(record.getBoolean("verified")).isFalse();
        assertThat(json(r.body()).getJsonObject("meta").getString("email")).isEmpty();
    }

    @Test
    void providerFailuresAnswerPocketBasesMessages() {
        TestServer.Response token = oauth2(server, null, "bad", "");
        assertThat(token.status()).isEqualTo(400);
        assertThat(token.body()).isEqualTo("{\"data\":{},\"message\":\"Failed to fetch OAuth2 token.\",\"status\":400}");
        TestServer.Response user = oauth2(server, null, "nouser", "");
        assertThat(user.status()).isEqualTo(400);
        assertThat(user.body()).isEqualTo("{\"data\":{},\"message\":\"Failed to fetch OAuth2 user.\",\"status\":400}");
    }

    @Test
    void theFormIsValidated() {
        TestServer.Response r = server.send("POST", "/api/collections/users/auth-with-oauth2", null, "{\"provider\":\"github\"}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("\"message\":\"An error occurred while loading the submitted data.\"",
                "\"provider\":{\"code\":\"validation_invalid_provider\",\"message\":\"Provider with name github is missing or is not enabled.\",\"params\":{\"name\":\"github\"}}",
                "\"code\":{\"code\":\"validation_required\"");
        TestServer.Response empty = server.send("POST", "/api/collections/users/auth-with-oauth2", null, "{}");
        assertThat(empty.body()).contains("\"provider\":{\"code\":\"validation_required\"");
        TestServer.Response wrongType = server.send("POST", "/api/collections/users/auth-with-oauth2", null, "{\"provider\":1}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body()).contains("An error occurred while loading the submitted data.");
    }

    @Test
    void collectionsWithoutOAuth2RefuseIt() {
        TestServer.Response r = server.send("POST", "/api/collections/_superusers/auth-with-oauth2", null,
                "{\"provider\":\"gitlab\",\"code\":\"x\"}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("The collection is not configured to allow OAuth2 authentication.");
        assertThat(server.send("POST", "/api/collections/nope/auth-with-oauth2", null, "{}").status()).isEqualTo(404);
    }

    @Test
    void aRefusedSignUpWritesNothing() {
        try (TestServer closed = new TestServer(); FakeOAuth2Provider fake = FakeOAuth2Provider.start()) {
            String su = closed.superuserToken();
            AuthFlows.patchUsers(closed, su, "{\"createRule\":null,\"oauth2\":{\"enabled\":true,\"providers\":["
                    + fake.gitlabEntry() + "]}}");
            TestServer.Response r = oauth2(closed, null, "frank", "");
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.body()).isEqualTo("{\"data\":{},\"message\":\"Only superusers can perform this action.\",\"status\":403}");
            assertThat(count(closed, su, "users", "email='frank@example.com'")).isZero();
            assertThat(count(closed, su, "_externalAuths", "providerId='frank'")).isZero();
            // invalid createData: the record-create validation errors come back, nothing is linked
            AuthFlows.patchUsers(closed, su, "{\"createRule\":\"\"}");
            TestServer.Response invalid = oauth2(closed, null, "frank", ",\"createData\":{\"name\":\"" + "x".repeat(300) + "\"}");
            assertThat(invalid.status()).isEqualTo(400);
            assertThat(invalid.body()).contains("\"message\":\"Failed to create record.\"", "\"name\":{\"code\":\"validation_max_text_constraint\"");
            assertThat(count(closed, su, "_externalAuths", "providerId='frank'")).isZero();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void collectionSavesRejectUnknownAndDuplicatedProviders() {
        TestServer.Response unknown = server.send("PATCH", "/api/collections/users", superuser,
                "{\"oauth2\":{\"enabled\":true,\"providers\":[{\"name\":\"nope\",\"clientId\":\"a\",\"clientSecret\":\"b\"}]}}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"oauth2\":{\"providers\":{\"0\":{\"name\":{\"code\":\"validation_missing_provider\","
                + "\"message\":\"Invalid or missing provider with name nope.\",\"params\":{\"name\":\"nope\"}}}}}");
        TestServer.Response twice = server.send("PATCH", "/api/collections/users", superuser,
                "{\"oauth2\":{\"enabled\":true,\"providers\":[" + provider.gitlabEntry() + "," + provider.gitlabEntry() + "]}}");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.body()).contains("\"1\":{\"name\":{\"code\":\"validation_duplicated_provider\"");
        // a disabled OAuth2 config is not checked, as in PocketBase
        TestServer.Response disabled = server.send("PATCH", "/api/collections/nologin_never", superuser, "{}");
        assertThat(disabled.status()).isEqualTo(404);
    }

    @Test
    void theRedirectEndpointFailsWithoutARealtimeClient() {
        TestServer.Response get = server.send("GET", "/api/oauth2-redirect?state=abc&code=123", null, null);
        assertThat(get.status()).isEqualTo(307);
        assertThat(get.headers().firstValue("Location")).hasValue("../_/#/auth/oauth2-redirect-failure");
        TestServer.Response post = server.sendWith("POST", "/api/oauth2-redirect",
                java.util.Map.of("Content-Type", "application/x-www-form-urlencoded"), "state=abc&code=123");
        assertThat(post.status()).isEqualTo(303);
    }
}
