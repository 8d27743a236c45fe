package io.pb4j.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokensTest {
    // From PocketBase's own test data (fixtures/pocketbase-test-data): user test@example.com of "users".
    private static final String FIXTURE_TOKEN_KEY = "tfYe7rCTX4D2KuWQY3pJjBifgsrMbecyXBatEPjrSfGEGS2jh6";
    private static final String FIXTURE_AUTH_SECRET = "PjVU4hAV7CZIWbCByJHkDcMUlSEWCLI6M5aWSZOpEq0a3rYxKT";
    private static final String FIXTURE_SIGNING_KEY = FIXTURE_TOKEN_KEY + FIXTURE_AUTH_SECRET;
    private static final String SECRET = "k".repeat(50) + "s".repeat(50);

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private static Map<String, Object> authClaims() {
        return Map.of("id", "4q1xlclmfloku33", "collectionId", "_pb_users_auth_", "type", TokenType.AUTH.claim(),
                "refreshable", true);
    }

    private static String json(String[] parts, int index) {
        return new String(Base64.getUrlDecoder().decode(parts[index]), StandardCharsets.UTF_8);
    }

    /** What golang-jwt does: base64url(header) "." base64url(payload) "." base64url(HMAC-SHA256). */
    private static String handSigned(String headerJson, String payloadJson, String key, String macAlgorithm)
            throws Exception {
        String signingInput = B64.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance(macAlgorithm);
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), macAlgorithm));
        return signingInput + "." + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void signedTokenVerifiesWithItsSecret() {
        String token = Tokens.sign(authClaims(), SECRET, Duration.ofMinutes(5));
        assertThat(Tokens.verify(token, SECRET)).isTrue();
    }

    @Test
    void authTokenHasPocketBaseHeaderAndExactlyItsClaims() {
        long before = Instant.now().getEpochSecond();
        String token = Tokens.sign(authClaims(), SECRET, Duration.ofSeconds(432_000));
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        assertThat(json(parts, 0)).isEqualTo("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
        assertThat(json(parts, 1)).startsWith("{\"collectionId\":\"_pb_users_auth_\",\"exp\":")
                .endsWith(",\"id\":\"4q1xlclmfloku33\",\"refreshable\":true,\"type\":\"auth\"}");

        Map<String, Object> claims = Tokens.parseUnverified(token).orElseThrow();
        assertThat(claims).containsOnlyKeys("collectionId", "exp", "id", "refreshable", "type");
        assertThat((Long) claims.get("exp")).isBetween(before + 432_000, before + 432_001 + 5);
        assertThat(claims).containsEntry("refreshable", true).containsEntry("type", "auth");
    }

    @Test
    void tokenBuiltLikePocketBaseWithTheFixtureSecretIsAcceptedAndReproducedByteForByte() throws Exception {
        String payload = "{\"collectionId\":\"_pb_users_auth_\",\"exp\":2524604461,\"id\":\"4q1xlclmfloku33\","
                + "\"refreshable\":true,\"type\":\"auth\"}";
        String pocketBaseStyle = handSigned("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", payload, FIXTURE_SIGNING_KEY,
                "HmacSHA256");

        assertThat(Tokens.verify(pocketBaseStyle, FIXTURE_SIGNING_KEY)).isTrue();
        assertThat(Tokens.verify(pocketBaseStyle, FIXTURE_AUTH_SECRET)).isFalse(); // the tokenKey is part of the key
        assertThat(Tokens.parseUnverified(pocketBaseStyle).orElseThrow()).isEqualTo(Map.of(
                "collectionId", "_pb_users_auth_", "exp", 2524604461L, "id", "4q1xlclmfloku33",
                "refreshable", true, "type", "auth"));
        assertThat(Tokens.sign(authClaims(), FIXTURE_SIGNING_KEY, Instant.ofEpochSecond(2524604461L)))
                .isEqualTo(pocketBaseStyle);
    }

    @Test
    void wrongSecretIsRejected() {
        String token = Tokens.sign(authClaims(), SECRET, Duration.ofMinutes(5));
        assertThat(Tokens.verify(token, SECRET + "x")).isFalse();
        assertThat(Tokens.verify(token, "")).isFalse();
    }

    @Test
    void tamperedPayloadIsRejected() {
        String[] parts = Tokens.sign(authClaims(), SECRET, Duration.ofMinutes(5)).split("\\.");
        String forged = json(parts, 1).replace("4q1xlclmfloku33", "oap640cot4yru2s");
        String token = parts[0] + "." + B64.encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(Tokens.parseUnverified(token).orElseThrow()).containsEntry("id", "oap640cot4yru2s");
        assertThat(Tokens.verify(token, SECRET)).isFalse();
    }

    @Test
    void algNoneIsRejected() {
        String payload = "{\"collectionId\":\"_pb_users_auth_\",\"exp\":2524604461,\"id\":\"4q1xlclmfloku33\","
                + "\"refreshable\":true,\"type\":\"auth\"}";
        String unsigned = B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
        assertThat(Tokens.parseUnverified(unsigned)).isPresent();
        assertThat(Tokens.verify(unsigned, SECRET)).isFalse();
    }

    @Test
    void tokenWithAnHs256SignatureButAnotherAlgInTheHeaderIsRejected() throws Exception {
        String payload = "{\"exp\":2524604461,\"id\":\"4q1xlclmfloku33\",\"type\":\"auth\"}";
        String token = handSigned("{\"alg\":\"HS384\",\"typ\":\"JWT\"}", payload, SECRET, "HmacSHA256");
        assertThat(Tokens.verify(token, SECRET)).isFalse();
    }

    @Test
    void hs512SignedTokenIsRejected() throws Exception {
        String payload = "{\"exp\":2524604461,\"id\":\"4q1xlclmfloku33\",\"type\":\"auth\"}";
        String token = handSigned("{\"alg\":\"HS512\",\"typ\":\"JWT\"}", payload, SECRET, "HmacSHA512");
        assertThat(Tokens.verify(token, SECRET)).isFalse();
        // the same claims under HS256 pass, so it is the algorithm that is refused
        assertThat(Tokens.verify(handSigned("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", payload, SECRET, "HmacSHA256"),
                SECRET)).isTrue();
    }

    @Test
    void expiredTokenIsRejectedButStillParses() {
        String token = Tokens.sign(authClaims(), SECRET, Duration.ofSeconds(-5));
        assertThat(Tokens.verify(token, SECRET)).isFalse();
        assertThat(Tokens.parseUnverified(token)).isPresent();
    }

    @Test
    void issuedInTheFutureIsRejected() throws Exception {
        String payload = "{\"exp\":2524604461,\"iat\":2524600000,\"id\":\"x\"}";
        assertThat(Tokens.verify(handSigned("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", payload, SECRET, "HmacSHA256"),
                SECRET)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "a.b", "a.b.c", "e30.e30", "!!!.e30.sig", "e30.bm90IGpzb24.sig"})
    void malformedTokensNeitherParseNorVerify(String token) {
        assertThat(Tokens.parseUnverified(token)).isEmpty();
        assertThat(Tokens.verify(token, SECRET)).isFalse();
    }

    @Test
    void nullsNeitherParseNorVerify() {
        assertThat(Tokens.parseUnverified(null)).isEmpty();
        assertThat(Tokens.verify(null, SECRET)).isFalse();
        assertThat(Tokens.verify("a.b.c", null)).isFalse();
    }

    @Test
    void claimsComeBackAsPlainJavaValues() {
        Map<String, Object> claims = Map.of("id", "x", "newEmail", "new@example.com", "count", 3,
                "ratio", 0.5, "list", List.of(1, "two"), "nested", Map.of("n", 7));
        Map<String, Object> parsed = Tokens.parseUnverified(Tokens.sign(claims, SECRET, Duration.ofMinutes(1)))
                .orElseThrow();
        assertThat(parsed).containsEntry("count", 3L).containsEntry("ratio", 0.5)
                .containsEntry("list", List.of(1L, "two")).containsEntry("nested", Map.of("n", 7L));
    }

    @Test
    void tokenTypesNameTheirClaimAndOptionsKey() {
        assertThat(TokenType.PASSWORD_RESET.claim()).isEqualTo("passwordReset");
        assertThat(TokenType.PASSWORD_RESET.optionsKey()).isEqualTo("passwordResetToken");
        assertThat(TokenType.EMAIL_CHANGE.optionsKey()).isEqualTo("emailChangeToken");
        assertThat(TokenType.fromClaim("verification")).contains(TokenType.VERIFICATION);
        assertThat(TokenType.fromClaim("AUTH")).isEmpty();
        assertThat(TokenType.FILE.defaultDuration()).isEqualTo(Duration.ofSeconds(180));
    }

    @Test
    void tokensRunInsideTheAuthModuleWhichKeepsThemInternal() {
        Module module = Tokens.class.getModule();
        assertThat(module.getName()).isEqualTo("io.pb4j.auth");
        assertThat(module.getDescriptor().exports()).extracting(ModuleDescriptor.Exports::source)
                .containsExactly("io.pb4j.auth.spi");
        assertThat(JWT.class.getModule().getName()).isEqualTo("com.auth0.jwt"); // java-jwt on the module path
    }

    @Test
    void verificationThroughputIsPrinted() {
        String token = Tokens.sign(authClaims(), FIXTURE_SIGNING_KEY, Duration.ofMinutes(5));
        int n = 50_000;
        for (int i = 0; i < n; i++) { // warm-up
            Tokens.verify(token, FIXTURE_SIGNING_KEY);
        }
        long start = System.nanoTime();
        int ok = 0;
        for (int i = 0; i < n; i++) {
            ok += Tokens.verify(token, FIXTURE_SIGNING_KEY) ? 1 : 0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Tokens.verify, one secret (cached verifier): %.0f verifications/s%n", n / seconds);
        assertThat(ok).isEqualTo(n);

        String[] secrets = new String[2_000]; // more than the cache holds: the verifier is rebuilt now and then
        String[] tokens = new String[secrets.length];
        for (int i = 0; i < secrets.length; i++) {
            secrets[i] = SECRET + i;
            tokens[i] = Tokens.sign(authClaims(), secrets[i], Duration.ofMinutes(5));
        }
        start = System.nanoTime();
        ok = 0;
        for (int i = 0; i < n; i++) {
            int k = i % secrets.length;
            ok += Tokens.verify(tokens[k], secrets[k]) ? 1 : 0;
        }
        seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Tokens.verify, 2000 rotating secrets: %.0f verifications/s%n", n / seconds);
        assertThat(ok).isEqualTo(n);
    }
}
