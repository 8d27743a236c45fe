package io.pb4j.auth.internal.oauth2.providers;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/** Signing keys for id tokens in tests, and their JSON Web Key Set. */
final class TestKeys {
    static final KeyPair RSA = generate("RSA");
    static final KeyPair OTHER_RSA = generate("RSA");
    static final KeyPair ED25519 = generate("Ed25519");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private TestKeys() {
    }

    /** The set with the RSA key as kid "rsa-1" (RS256) and the Ed25519 key as "ed-1" (EdDSA). */
    static String jwks() {
        RSAPublicKey rsa = (RSAPublicKey) RSA.getPublic();
        byte[] ed = ED25519.getPublic().getEncoded(); // X.509: a 12-byte prefix, then the 32-byte key
        return """
                {"keys":[
                  {"kty":"RSA","kid":"rsa-1","use":"sig","alg":"RS256","n":"%s","e":"%s"},
                  {"kty":"OKP","kid":"ed-1","use":"sig","alg":"EdDSA","crv":"Ed25519","x":"%s"}
                ]}""".formatted(B64.encodeToString(unsigned(rsa.getModulus().toByteArray())),
                B64.encodeToString(unsigned(rsa.getPublicExponent().toByteArray())),
                B64.encodeToString(Arrays.copyOfRange(ed, ed.length - 32, ed.length)));
    }

    /** An RS256 token signed by {@code key} with header kid {@code kid}. */
    static String rs256(KeyPair key, String kid, Map<String, ?> claims) {
        return JWT.create().withKeyId(kid).withPayload(claims)
                .sign(Algorithm.RSA256((RSAPublicKey) key.getPublic(), (RSAPrivateKey) key.getPrivate()));
    }

    /** An EdDSA token signed by the Ed25519 key, kid "ed-1". */
    static String edDsa(String payloadJson) throws Exception {
        String input = B64.encodeToString("{\"alg\":\"EdDSA\",\"kid\":\"ed-1\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + B64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("Ed25519");
        s.initSign(ED25519.getPrivate());
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + B64.encodeToString(s.sign());
    }

    /** An unsigned-looking token: any signature, for providers that do not check it. */
    static String unsigned(String payloadJson) {
        return B64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + ".c2ln";
    }

    static long now() {
        return Instant.now().getEpochSecond();
    }

    private static byte[] unsigned(byte[] twosComplement) {
        return twosComplement.length > 1 && twosComplement[0] == 0
                ? Arrays.copyOfRange(twosComplement, 1, twosComplement.length) : twosComplement;
    }

    private static KeyPair generate(String algorithm) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
            if (algorithm.equals("RSA")) {
                g.initialize(2048);
            }
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
