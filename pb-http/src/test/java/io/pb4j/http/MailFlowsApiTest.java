package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.Collection;
import io.pb4j.core.Record;
import io.pb4j.core.mail.MailMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mail-driven auth flows end to end: a real SMTP server (GreenMail) receives PocketBase's mails, and the tests
 * follow their links, tokens and codes through the real HTTP API.
 */
class MailFlowsApiTest {
    private static final String PASSWORD = "1234567890";
    private static final String USERS = "/api/collections/users";
    private static TestMailServer mail;

    @BeforeAll
    static void startMail() {
        mail = new TestMailServer();
    }

    @AfterAll
    static void stopMail() {
        mail.close();
    }

    private static TestServer server() {
        TestServer server = new TestServer();
        mail.configure(server);
        return server;
    }

    private static String newUser(TestServer server, String email) {
        String body = server.expect("POST", USERS + "/records", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"passwordConfirm\":\"" + PASSWORD + "\"}", 200);
        return CollectionsApiTest.json(body).getString("id");
    }

    private static Record user(TestServer server, String id) {
        Collection users = server.app.findCollection("users").orElseThrow();
        return server.app.findRecordById(users, id).orElseThrow();
    }

    private static void usersOptions(TestServer server, String key, JsonObject value) {
        Collection users = server.app.findCollection("users").orElseThrow();
        JsonObject options = Json.createObjectBuilder(users.options()).add(key, value).build();
        server.app.save(users.toBuilder().options(options).build());
    }

    private static void enableOtp(TestServer server) {
        Collection users = server.app.findCollection("users").orElseThrow();
        usersOptions(server, "otp", Json.createObjectBuilder(users.options().getJsonObject("otp")).add("enabled", true).build());
    }

    @Test
    void verificationMailCarriesATokenThatVerifiesTheUser() throws Exception {
        try (TestServer server = server()) {
            String id = newUser(server, "verify@example.com");
            server.expect("POST", USERS + "/request-verification", null, "{\"email\":\"verify@example.com\"}", 204);
            TestMailServer.Mail m = mail.await("verify@example.com");
            assertThat(m.subject()).isEqualTo("Verify your Acme email");
            assertThat(m.from()).contains("Support <support@example.com>");
            assertThat(m.messageId()).matches("<[a-zA-Z0-9]{15}@example.com>");
            assertThat(m.html()).contains("<!DOCTYPE html PUBLIC").contains("Thank you for joining us at Acme.");
            assertThat(m.text()).contains("Thank you for joining us at Acme.");
            String token = m.find("http://localhost:8090/_/#/auth/confirm-verification/([\\w.-]+)\"");

            assertThat(user(server, id).getBool("verified")).isFalse();
            server.expect("POST", USERS + "/confirm-verification", null, "{\"token\":\"" + token + "\"}", 204);
            assertThat(user(server, id).getBool("verified")).isTrue();
            // a verified user gets no further verification mail, and the answer does not tell
            server.expect("POST", USERS + "/request-verification", null, "{\"email\":\"verify@example.com\"}", 204);
            mail.assertNoMail("verify@example.com", Duration.ofMillis(500));
        }
    }

    @Test
    void templatesResolvePocketBasePlaceholders() throws Exception {
        try (TestServer server = server()) {
            usersOptions(server, "verificationTemplate", Json.createObjectBuilder()
                    .add("subject", "Hi {RECORD:name} from {APP_NAME}")
                    .add("body", "<p>{RECORD:name}|{RECORD:verified}|{RECORD:email}|{APP_URL}|{TOKEN}|{RECORD:password}</p>").build());
            enableOtp(server);
            Collection users = server.app.findCollection("users").orElseThrow();
            usersOptions(server, "otp", Json.createObjectBuilder(users.options().getJsonObject("otp")).add("emailTemplate",
                    Json.createObjectBuilder().add("subject", "Code {OTP}").add("body", "<p>{OTP_ID}:{OTP}</p>")).build());
            String body = server.expect("POST", USERS + "/records", null, "{\"email\":\"tpl@example.com\",\"name\":\"<Bob & Co>\","
                    + "\"password\":\"" + PASSWORD + "\",\"passwordConfirm\":\"" + PASSWORD + "\"}", 200);
            assertThat(CollectionsApiTest.json(body).getString("name")).isEqualTo("<Bob & Co>");

            server.expect("POST", USERS + "/request-verification", null, "{\"email\":\"tpl@example.com\"}", 204);
            TestMailServer.Mail m = mail.await("tpl@example.com");
            assertThat(m.subject()).isEqualTo("Hi &lt;Bob &amp; Co&gt; from Acme");
            assertThat(m.html()).containsPattern(
                    "<p>&lt;Bob &amp; Co&gt;\\|false\\|tpl@example.com\\|http://localhost:8090\\|eyJ[\\w.-]+\\|\\{RECORD:password}</p>");

            String otpId = requestOtp(server, "tpl@example.com");
            TestMailServer.Mail otp = mail.await("tpl@example.com");
            assertThat(otp.subject()).matches("Code \\d{8}");
            assertThat(otp.html()).contains("<p>" + otpId + ":" + otp.subject().substring(5) + "</p>");
        }
    }

    @Test
    void verificationResendIsLockedForTwoMinutes() throws Exception {
        try (TestServer server = server()) {
            newUser(server, "lock@example.com");
            server.expect("POST", USERS + "/request-verification", null, "{\"email\":\"lock@example.com\"}", 204);
            mail.await("lock@example.com");
            server.expect("POST", USERS + "/request-verification", null, "{\"email\":\"lock@example.com\"}", 204);
            mail.assertNoMail("lock@example.com", Duration.ofMillis(500));
        }
    }

    @Test
    void passwordResetMailSetsANewPasswordAndItsTokenWorksOnce() throws Exception {
        try (TestServer server = server()) {
            String id = newUser(server, "reset@example.com");
            String oldAuth = AuthLogin.token(server, "users", "reset@example.com", PASSWORD);
            server.expect("POST", USERS + "/request-password-reset", null, "{\"email\":\"reset@example.com\"}", 204);
            TestMailServer.Mail m = mail.await("reset@example.com");
            assertThat(m.subject()).isEqualTo("Reset your Acme password");
            String token = m.find("/_/#/auth/confirm-password-reset/([\\w.-]+)\"");

            String confirm = "{\"token\":\"" + token + "\",\"password\":\"new-password-1\",\"passwordConfirm\":\"new-password-1\"}";
            server.expect("POST", USERS + "/confirm-password-reset", null, confirm, 204);
            AuthLogin.token(server, "users", "reset@example.com", "new-password-1");
            server.expect("POST", USERS + "/auth-with-password", null,
                    "{\"identity\":\"reset@example.com\",\"password\":\"" + PASSWORD + "\"}", 400);
            // the reset verified the address it was mailed to
            assertThat(user(server, id).getBool("verified")).isTrue();
            // the new password rotated the tokenKey: the reset token and old auth tokens are dead
            String replay = server.expect("POST", USERS + "/confirm-password-reset", null, confirm, 400);
            assertThat(replay).contains("\"token\":{\"code\":\"validation_invalid_token\"");
            server.expect("POST", USERS + "/auth-refresh", oldAuth, null, 401);
        }
    }

    @Test
    void passwordResetResendIsLockedAfterASuccessfulSend() throws Exception {
        try (TestServer server = server()) {
            newUser(server, "relock@example.com");
            server.expect("POST", USERS + "/request-password-reset", null, "{\"email\":\"relock@example.com\"}", 204);
            mail.await("relock@example.com");
            Thread.sleep(200); // the lock is set right after the background send returns
            server.expect("POST", USERS + "/request-password-reset", null, "{\"email\":\"relock@example.com\"}", 204);
            mail.assertNoMail("relock@example.com", Duration.ofMillis(500));
        }
    }

    @Test
    void verifyingDropsOAuth2LinksAndRotatesTheTokenKey() throws Exception {
        // PocketBase's fixture: users/test@example.com is unverified with two _externalAuths links
        String token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsImV4cCI6MjUyNDYwNDQ2MSwidHlwZSI6InZlcmlmaWNhdGlvbiIs"
                + "ImNvbGxlY3Rpb25JZCI6Il9wYl91c2Vyc19hdXRoXyIsImVtYWlsIjoidGVzdEBleGFtcGxlLmNvbSJ9.SetHpu2H-x-q4TIUz-xiQjwi7MNwLCLvSs4O0hUSp0E";
        try (TestServer server = TestServer.onFixture()) {
            String before = user(server, "4q1xlclmfloku33").tokenKey();
            assertThat(externalAuths(server)).isEqualTo(2);
            server.expect("POST", USERS + "/confirm-verification", null, "{\"token\":\"" + token + "\"}", 204);
            assertThat(externalAuths(server)).isZero();
            assertThat(user(server, "4q1xlclmfloku33").getBool("verified")).isTrue();
            assertThat(user(server, "4q1xlclmfloku33").tokenKey()).isNotEqualTo(before);
            server.expect("POST", USERS + "/auth-refresh", PocketBaseScenarios.USER, null, 401);
        }
    }

    @Test
    void deletingAUserDeletesItsOtpsAndAuthOrigins() throws Exception {
        try (TestServer server = server()) {
            enableOtp(server);
            String id = newUser(server, "gone@example.com");
            AuthLogin.token(server, "users", "gone@example.com", PASSWORD);
            server.expect("POST", USERS + "/request-otp", null, "{\"email\":\"gone@example.com\"}", 200);
            mail.await("gone@example.com");
            assertThat(rows(server, "_otps", id)).isEqualTo(1);
            assertThat(rows(server, "_authOrigins", id)).isEqualTo(1);
            server.expect("DELETE", USERS + "/records/" + id, server.superuserToken(), null, 204);
            assertThat(rows(server, "_otps", id)).isZero();
            assertThat(rows(server, "_authOrigins", id)).isZero();
        }
    }

    private static long rows(TestServer server, String table, String recordId) {
        return ((Number) server.app.store().read(s -> s.query(
                "SELECT COUNT(*) AS n FROM " + table + " WHERE recordRef = ?", List.of(recordId))).get(0).get("n")).longValue();
    }

    private static long externalAuths(TestServer server) {
        return ((Number) server.app.store().read(s -> s.query(
                "SELECT COUNT(*) AS n FROM _externalAuths WHERE recordRef = ?", List.of("4q1xlclmfloku33"))).get(0).get("n")).longValue();
    }

    @Test
    void passwordResetConfirmationValidatesTheForm() throws Exception {
        try (TestServer server = server()) {
            newUser(server, "form@example.com");
            server.expect("POST", USERS + "/request-password-reset", null, "{\"email\":\"form@example.com\"}", 204);
            String token = mail.await("form@example.com").find("/confirm-password-reset/([\\w.-]+)\"");
            String body = server.expect("POST", USERS + "/confirm-password-reset", null,
                    "{\"token\":\"" + token + "\",\"password\":\"short\",\"passwordConfirm\":\"other\"}", 400);
            assertThat(body).contains("\"message\":\"An error occurred while validating the submitted data.\"",
                    "\"password\":{\"code\":\"validation_length_out_of_range\"",
                    "\"passwordConfirm\":{\"code\":\"validation_values_mismatch\",\"message\":\"Values don't match.\"}");
        }
    }

    @Test
    void emailChangeIsMailedToTheNewAddressAndConfirmedWithThePassword() throws Exception {
        try (TestServer server = server()) {
            String id = newUser(server, "old@example.com");
            String auth = AuthLogin.token(server, "users", "old@example.com", PASSWORD);
            server.expect("POST", USERS + "/request-email-change", auth, "{\"newEmail\":\"new@example.com\"}", 204);
            TestMailServer.Mail m = mail.await("new@example.com");
            assertThat(m.subject()).isEqualTo("Confirm your Acme new email address");
            String token = m.find("/_/#/auth/confirm-email-change/([\\w.-]+)\"");

            String wrong = server.expect("POST", USERS + "/confirm-email-change", null,
                    "{\"token\":\"" + token + "\",\"password\":\"wrong-password\"}", 400);
            assertThat(wrong).contains("\"password\":{\"code\":\"validation_invalid_password\","
                    + "\"message\":\"Missing or invalid auth record password.\"}");
            server.expect("POST", USERS + "/confirm-email-change", null,
                    "{\"token\":\"" + token + "\",\"password\":\"" + PASSWORD + "\"}", 204);
            assertThat(user(server, id).email()).isEqualTo("new@example.com");
            assertThat(user(server, id).getBool("verified")).isTrue();
            AuthLogin.token(server, "users", "new@example.com", PASSWORD);
            server.expect("POST", USERS + "/auth-refresh", auth, null, 401);
            server.expect("POST", USERS + "/confirm-email-change", null,
                    "{\"token\":\"" + token + "\",\"password\":\"" + PASSWORD + "\"}", 400);
        }
    }

    @Test
    void otpMailSignsInOnceAndVerifiesTheAddress() throws Exception {
        try (TestServer server = server()) {
            enableOtp(server);
            String id = newUser(server, "otp@example.com");
            String otpId = requestOtp(server, "otp@example.com");
            TestMailServer.Mail m = mail.await("otp@example.com");
            assertThat(m.subject()).isEqualTo("OTP for Acme");
            String otp = m.find("<strong>(\\d{8})</strong>");
            awaitSentTo(server, otpId);

            String body = server.expect("POST", USERS + "/auth-with-otp", null,
                    "{\"otpId\":\"" + otpId + "\",\"password\":\"" + otp + "\"}", 200);
            assertThat(CollectionsApiTest.json(body).getJsonObject("record").getString("id")).isEqualTo(id);
            assertThat(user(server, id).getBool("verified")).isTrue();
            // the OTP sign-in replaced the password (pre-hijacking protection) and the OTP is gone
            server.expect("POST", USERS + "/auth-with-password", null,
                    "{\"identity\":\"otp@example.com\",\"password\":\"" + PASSWORD + "\"}", 400);
            String replay = server.expect("POST", USERS + "/auth-with-otp", null,
                    "{\"otpId\":\"" + otpId + "\",\"password\":\"" + otp + "\"}", 400);
            assertThat(replay).contains("\"message\":\"Invalid or expired OTP.\"");
        }
    }

    @Test
    void expiredOtpIsRefused() throws Exception {
        try (TestServer server = server()) {
            enableOtp(server);
            newUser(server, "expired@example.com");
            String otpId = requestOtp(server, "expired@example.com");
            String otp = mail.await("expired@example.com").find("<strong>(\\d{8})</strong>");
            server.app.store().write(s -> {
                s.execute("UPDATE _otps SET created = '2020-01-01 00:00:00.000Z' WHERE id = ?", List.of(otpId));
                return null;
            });
            String body = server.expect("POST", USERS + "/auth-with-otp", null,
                    "{\"otpId\":\"" + otpId + "\",\"password\":\"" + otp + "\"}", 400);
            assertThat(body).contains("\"message\":\"Invalid or expired OTP.\"");
        }
    }

    @Test
    void wrongOtpsPastTheLimitLockEvenTheRightOne() throws Exception {
        try (TestServer server = server()) {
            enableOtp(server);
            newUser(server, "guess@example.com");
            String otpId = requestOtp(server, "guess@example.com");
            String otp = mail.await("guess@example.com").find("<strong>(\\d{8})</strong>");
            for (int i = 0; i < 5; i++) {
                server.expect("POST", USERS + "/auth-with-otp", null, "{\"otpId\":\"" + otpId + "\",\"password\":\"00000000\"}", 400);
            }
            String body = server.expect("POST", USERS + "/auth-with-otp", null,
                    "{\"otpId\":\"" + otpId + "\",\"password\":\"" + otp + "\"}", 429);
            assertThat(body).contains("\"message\":\"Too many attempts, please try again later with a new OTP.\"");
        }
    }

    @Test
    void unknownEmailsAnswerExactlyLikeKnownOnes() throws Exception {
        try (TestServer server = server()) {
            enableOtp(server);
            newUser(server, "known@example.com");
            for (String path : List.of("/request-verification", "/request-password-reset")) {
                TestServer.Response known = server.send("POST", USERS + path, null, "{\"email\":\"known@example.com\"}");
                TestServer.Response unknown = server.send("POST", USERS + path, null, "{\"email\":\"nobody@example.com\"}");
                assertThat(unknown.status()).isEqualTo(known.status()).isEqualTo(204);
                assertThat(unknown.body()).isEqualTo(known.body()).isEmpty();
            }
            TestServer.Response known = server.send("POST", USERS + "/request-otp", null, "{\"email\":\"known@example.com\"}");
            TestServer.Response unknown = server.send("POST", USERS + "/request-otp", null, "{\"email\":\"nobody@example.com\"}");
            assertThat(unknown.status()).isEqualTo(known.status()).isEqualTo(200);
            assertThat(unknown.body()).matches("\\{\"otpId\":\"[a-z0-9]{15}\"}");
            assertThat(known.body()).matches("\\{\"otpId\":\"[a-z0-9]{15}\"}");
            // nothing is stored or sent for the unknown address, and its otpId leads nowhere
            String fakeId = CollectionsApiTest.json(unknown.body()).getString("otpId");
            server.expect("POST", USERS + "/auth-with-otp", null, "{\"otpId\":\"" + fakeId + "\",\"password\":\"12345678\"}", 400);
            mail.assertNoMail("nobody@example.com", Duration.ofMillis(500));
        }
    }

    @Test
    void aTokenOfAnotherTypeIsRefused() throws Exception {
        try (TestServer server = server()) {
            newUser(server, "types@example.com");
            server.expect("POST", USERS + "/request-verification", null, "{\"email\":\"types@example.com\"}", 204);
            String verification = mail.await("types@example.com").find("/confirm-verification/([\\w.-]+)\"");
            String reset = server.expect("POST", USERS + "/confirm-password-reset", null,
                    "{\"token\":\"" + verification + "\",\"password\":\"12345678\",\"passwordConfirm\":\"12345678\"}", 400);
            assertThat(reset).contains("\"token\":{\"code\":\"validation_invalid_token\"");
            String auth = AuthLogin.token(server, "users", "types@example.com", PASSWORD);
            String verify = server.expect("POST", USERS + "/confirm-verification", null, "{\"token\":\"" + auth + "\"}", 400);
            assertThat(verify).contains("\"token\":{\"code\":\"validation_invalid_token_claims\"");
            String change = server.expect("POST", USERS + "/confirm-email-change", null,
                    "{\"token\":\"" + verification + "\",\"password\":\"" + PASSWORD + "\"}", 400);
            assertThat(change).contains("\"token\":{\"code\":\"validation_invalid_token_payload\"");
        }
    }

    @Test
    void aLoginFromANewOriginSendsAnAlert() throws Exception {
        try (TestServer server = server()) {
            newUser(server, "alert@example.com");
            String login = "{\"identity\":\"alert@example.com\",\"password\":\"" + PASSWORD + "\"}";
            server.sendWith("POST", USERS + "/auth-with-password", Map.of("Content-Type", "application/json", "User-Agent", "first"), login);
            server.sendWith("POST", USERS + "/auth-with-password", Map.of("Content-Type", "application/json", "User-Agent", "first"), login);
            mail.assertNoMail("alert@example.com", Duration.ofMillis(300));
            TestServer.Response r = server.sendWith("POST", USERS + "/auth-with-password",
                    Map.of("Content-Type", "application/json", "User-Agent", "second <browser>"), login);
            assertThat(r.status()).isEqualTo(200);
            TestMailServer.Mail m = mail.await("alert@example.com");
            assertThat(m.subject()).isEqualTo("Login from a new location");
            assertThat(m.html()).contains("127.0.0.1 second &lt;browser&gt;");
            long origins = server.app.store().read(s -> s.query("SELECT COUNT(*) AS n FROM _authOrigins", List.of()))
                    .get(0).values().stream().mapToLong(v -> ((Number) v).longValue()).sum();
            assertThat(origins).isEqualTo(2);
        }
    }

    @Test
    void withoutSmtpTheEmailChangeFailsAndTheOtpIsDropped() throws Exception {
        try (TestServer server = new TestServer()) {
            enableOtp(server);
            newUser(server, "nosmtp@example.com");
            String auth = AuthLogin.token(server, "users", "nosmtp@example.com", PASSWORD);
            String body = server.expect("POST", USERS + "/request-email-change", auth, "{\"newEmail\":\"x@example.com\"}", 400);
            assertThat(body).contains("\"message\":\"Failed to request email change.\"");
            String otpId = requestOtp(server, "nosmtp@example.com");
            awaitGone(server, otpId);
        }
    }

    @Test
    void onMailerSendCanReplaceTheMessage() throws Exception {
        try (TestServer server = server()) {
            server.app.onMailerSend().bind(e -> {
                e.message(e.message().withSubject("[test] " + e.message().subject()));
                e.next();
            });
            newUser(server, "hook@example.com");
            server.expect("POST", USERS + "/request-password-reset", null, "{\"email\":\"hook@example.com\"}", 204);
            assertThat(mail.await("hook@example.com").subject()).isEqualTo("[test] Reset your Acme password");
            server.app.newMailClient().send(MailMessage.html(io.pb4j.core.mail.MailAddress.of("app@example.com"),
                    io.pb4j.core.mail.MailAddress.of("direct@example.com"), "Direct", "<p>Hi</p>"));
            TestMailServer.Mail direct = mail.await("direct@example.com");
            assertThat(direct.subject()).isEqualTo("[test] Direct");
            assertThat(direct.text()).isEqualTo("Hi");
        }
    }

    private static void awaitSentTo(TestServer server, String otpId) {
        Collection otps = server.app.findCollection("_otps").orElseThrow();
        for (int i = 0; i < 100; i++) {
            if (server.app.findRecordById(otps, otpId).map(r -> !r.getString("sentTo").isEmpty()).orElse(false)) {
                return;
            }
            sleep();
        }
        throw new AssertionError("sentTo of OTP " + otpId + " was never set");
    }

    private static void awaitGone(TestServer server, String otpId) {
        Collection otps = server.app.findCollection("_otps").orElseThrow();
        for (int i = 0; i < 100; i++) {
            if (server.app.findRecordById(otps, otpId).isEmpty()) {
                return;
            }
            sleep();
        }
        throw new AssertionError("OTP " + otpId + " was not deleted after the failed send");
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Requests an OTP for {@code email} (which must answer 200) and returns its {@code otpId}. */
    private static String requestOtp(TestServer server, String email) {
        return CollectionsApiTest.json(server.expect("POST", USERS + "/request-otp", null,
                "{\"email\":\"" + email + "\"}", 200)).getString("otpId");
    }

}
