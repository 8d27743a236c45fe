package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/settings/test/email} sending each template through real SMTP (GreenMail), and
 * {@code POST /api/settings/apple/generate-client-secret} checked against the key pair's public key.
 */
class SettingsTestEmailAndAppleTest {
    private static TestMailServer mail;
    private static TestServer server;
    private static String token;

    @BeforeAll
    static void start() {
        mail = new TestMailServer();
        server = new TestServer();
        mail.configure(server);
        token = server.superuserToken();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        mail.close();
    }

    private static TestMailServer.Mail testEmail(String template, String to, String collection) {
        String body = "{\"email\":\"" + to + "\",\"template\":\"" + template + "\"" + (collection == null ? "" : ",\"collection\":\"" + collection + "\"") + "}";
        TestServer.Response r = server.send("POST", "/api/settings/test/email", token, body);
        assertThat(r.status()).as(r.body()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        return mail.await(to);
    }

    @Test
    void eachTemplateIsSentToTheGivenAddress() {
        assertThat(testEmail("verification", "verify@example.com", null).html()).contains("Verify");
        assertThat(testEmail("password-reset", "reset@example.com", null).html()).contains("Reset password");
        assertThat(testEmail("email-change", "change@example.com", null).html()).contains("Confirm new email");
        TestMailServer.Mail otp = testEmail("otp", "otp@example.com", "users");
        assertThat(otp.html()).contains("one-time password", "123456");
        TestMailServer.Mail alert = testEmail("login-alert", "alert@example.com", "users");
        assertThat(alert.html()).contains("TEST_IP TEST_USER_AGENT");
        assertThat(alert.from()).contains("support@example.com");
    }

    @Test
    void theFormIsValidatedAsPocketBaseDoes() {
        TestServer.Response empty = server.send("POST", "/api/settings/test/email", token, "{}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("\"message\":\"Failed to send the test email.\"",
                "\"email\":{\"code\":\"validation_required\"", "\"template\":{\"code\":\"validation_required\"");
        TestServer.Response bad = server.send("POST", "/api/settings/test/email", token,
                "{\"email\":\"nope\",\"template\":\"other\",\"collection\":\"posts_missing\"}");
        assertThat(bad.body()).contains("\"email\":{\"code\":\"validation_is_email\"",
                "\"template\":{\"code\":\"validation_in_invalid\"",
                "\"collection\":{\"code\":\"validation_invalid_auth_collection\",\"message\":\"Must be a valid auth collection id or name.\"}");
        assertThat(server.send("POST", "/api/settings/test/email", token, "{").body())
                .isEqualTo("{\"data\":{},\"message\":\"An error occurred while loading the submitted data.\",\"status\":400}");
    }

    @Test
    void aMailThatCannotBeSentIsARawError() throws Exception {
        try (TestServer noSmtp = new TestServer()) {
            TestServer.Response r = noSmtp.send("POST", "/api/settings/test/email", noSmtp.superuserToken(),
                    "{\"email\":\"x@example.com\",\"template\":\"otp\"}");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains("\"message\":\"Failed to send the test email. Raw error: \\n", "\"data\":{}");
        }
    }

    private static String pem(KeyPair pair) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(pair.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    }

    @Test
    void theAppleClientSecretIsAnEs256JwtSignedWithTheGivenKey() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = gen.generateKeyPair();
        String body = jakarta.json.Json.createObjectBuilder().add("clientId", "com.example.app").add("teamId", "1234567890")
                .add("keyId", "ABCDEFGHIJ").add("privateKey", pem(pair)).add("duration", 3600).build().toString();
        long before = Instant.now().getEpochSecond();
        String secret = CollectionsApiTest.json(server.expect("POST", "/api/settings/apple/generate-client-secret", token, body, 200))
                .getString("secret");
        String[] parts = secret.split("\\.");
        assertThat(parts).hasSize(3);
        Base64.Decoder b64 = Base64.getUrlDecoder();
        assertThat(new String(b64.decode(parts[0]), StandardCharsets.UTF_8)).isEqualTo("{\"alg\":\"ES256\",\"kid\":\"ABCDEFGHIJ\",\"typ\":\"JWT\"}");
        JsonObject claims = CollectionsApiTest.json(new String(b64.decode(parts[1]), StandardCharsets.UTF_8));
        assertThat(claims.getString("iss")).isEqualTo("1234567890");
        assertThat(claims.getString("sub")).isEqualTo("com.example.app");
        assertThat(claims.getJsonArray("aud").getString(0)).isEqualTo("https://appleid.apple.com");
        long iat = claims.getJsonNumber("iat").longValue();
        assertThat(iat).isBetween(before, Instant.now().getEpochSecond());
        assertThat(claims.getJsonNumber("exp").longValue()).isEqualTo(iat + 3600);
        Signature verify = Signature.getInstance("SHA256withECDSAinP1363Format");
        verify.initVerify(pair.getPublic());
        verify.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(b64.decode(parts[2])).hasSize(64);
        assertThat(verify.verify(b64.decode(parts[2]))).isTrue();
    }

    @Test
    void theAppleFormIsValidatedAsPocketBaseDoes() {
        TestServer.Response empty = server.send("POST", "/api/settings/apple/generate-client-secret", token, "{}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("\"message\":\"Invalid client secret data.\"", "\"clientId\":{\"code\":\"validation_required\"",
                "\"teamId\":{\"code\":\"validation_required\"", "\"keyId\":{\"code\":\"validation_required\"",
                "\"privateKey\":{\"code\":\"validation_required\"", "\"duration\":{\"code\":\"validation_required\"");
        TestServer.Response invalid = server.send("POST", "/api/settings/apple/generate-client-secret", token,
                "{\"clientId\":\"\",\"teamId\":\"123456789\",\"keyId\":\"123456789\",\"privateKey\":\"invalid\",\"duration\":-1}");
        assertThat(invalid.body()).contains("\"teamId\":{\"code\":\"validation_length_invalid\",\"message\":\"The length must be exactly 10.\",\"params\":{",
                "\"privateKey\":{\"code\":\"validation_match_invalid\"", "\"duration\":{\"code\":\"validation_min_greater_equal_than_required\"");
        TestServer.Response badKey = server.send("POST", "/api/settings/apple/generate-client-secret", token,
                "{\"clientId\":\"c\",\"teamId\":\"1234567890\",\"keyId\":\"1234567890\",\"duration\":1,"
                        + "\"privateKey\":\"-----BEGIN PRIVATE KEY-----\\nAAAA\\n-----END PRIVATE KEY-----\"}");
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(badKey.body()).contains("\"message\":\"Failed to generate client secret. Raw error: \\n");
    }
}
