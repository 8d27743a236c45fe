package io.pb4j.http;

import static io.pb4j.http.AuthFlows.count;
import static io.pb4j.http.AuthFlows.json;
import static io.pb4j.http.AuthFlows.oauth2;
import static io.pb4j.http.AuthFlows.password;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** MFA in the shared auth response: password then OAuth2 (and the other way round) with the {@code mfaId}. */
class MfaApiTest {
    private static TestServer server;
    private static FakeOAuth2Provider provider;
    private static String superuser;

    @BeforeAll
    static void start() {
        server = new TestServer();
        provider = FakeOAuth2Provider.start();
        superuser = server.superuserToken();
        AuthFlows.patchUsers(server, superuser, "{\"mfa\":{\"enabled\":true,\"duration\":600,\"rule\":\"email != 'nomfa@example.com'\"},"
                + "\"oauth2\":{\"enabled\":true," + AuthFlows.MAPPED_FIELDS + ",\"providers\":[" + provider.gitlabEntry() + "]}}");
    }

    @AfterAll
    static void stop() throws Exception {
        provider.close();
        server.close();
    }

    /** A verified record with a password and a GitLab link, as OAuth2 sign-up (first step) creates it. */
    private static String linkedUser(String code) {
        TestServer.Response first = oauth2(server, null, code, ",\"createData\":{\"password\":\"1234567890\",\"passwordConfirm\":\"1234567890\"}");
        assertThat(first.status()).as(first.body()).isEqualTo(401);
        return json(first.body()).getString("mfaId");
    }

    @Test
    void thePasswordAloneAnswers401WithAnMfaIdAndTheSecondMethodCompletesIt() {
        linkedUser("mia");
        TestServer.Response first = password(server, "mia@example.com", "");
        assertThat(first.status()).isEqualTo(401);
        String mfaId = json(first.body()).getString("mfaId");
        assertThat(first.body()).isEqualTo("{\"mfaId\":\"" + mfaId + "\"}").doesNotContain("token");
        assertThat(count(server, superuser, "_mfas", "id='" + mfaId + "' && method='password'")).isEqualTo(1);

        TestServer.Response same = password(server, "mia@example.com", "?mfaId=" + mfaId);
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.body()).isEqualTo("{\"data\":{},\"message\":\"A different authentication method is required.\",\"status\":400}");

        TestServer.Response second = oauth2(server, null, "mia", ",\"mfaId\":\"" + mfaId + "\"");
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(json(second.body()).getString("token")).isNotEmpty();
        assertThat(count(server, superuser, "_mfas", "id='" + mfaId + "'")).isZero();

        TestServer.Response reused = oauth2(server, null, "mia", ",\"mfaId\":\"" + mfaId + "\"");
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.body()).isEqualTo("{\"data\":{},\"message\":\"Invalid or expired MFA session.\",\"status\":400}");
    }

    @Test
    void oauth2FirstThenPasswordWithTheMfaIdInTheQuery() {
        String mfaId = linkedUser("noah");
        TestServer.Response second = password(server, "noah@example.com", "?mfaId=" + mfaId);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(json(second.body()).getJsonObject("record").getString("email")).isEqualTo("noah@example.com");
    }

    @Test
    void anMfaIdOfAnotherRecordIsRefused() {
        String otherMfa = linkedUser("olga");
        linkedUser("paul");
        TestServer.Response r = password(server, "paul@example.com", "?mfaId=" + otherMfa);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"data\":{},\"message\":\"Invalid MFA session.\",\"status\":400}");
    }

    @Test
    void anExpiredMfaIsRefusedAndDeleted() {
        String mfaId = linkedUser("quinn");
        server.app.store().write(s -> s.execute("UPDATE _mfas SET created = '2020-01-01 00:00:00.000Z' WHERE id = ?", List.of(mfaId)));
        TestServer.Response r = password(server, "quinn@example.com", "?mfaId=" + mfaId);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("Invalid or expired MFA session.");
        assertThat(count(server, superuser, "_mfas", "id='" + mfaId + "'")).isZero();
    }

    @Test
    void aRecordTheMfaRuleDoesNotMatchSignsInWithOneMethod() {
        AuthFlows.createUser(server, "nomfa@example.com");
        TestServer.Response r = password(server, "nomfa@example.com", "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"token\":\"").doesNotContain("mfaId");
    }

    @Test
    void refreshNeedsNoSecondFactor() {
        String mfaId = linkedUser("rita");
        String token = json(password(server, "rita@example.com", "?mfaId=" + mfaId).body()).getString("token");
        TestServer.Response refreshed = server.send("POST", "/api/collections/users/auth-refresh", token, null);
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.body()).contains("\"token\":\"");
    }
}
