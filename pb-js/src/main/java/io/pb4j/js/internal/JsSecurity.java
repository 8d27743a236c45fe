package io.pb4j.js.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import io.pb4j.core.security.RandomStrings;
import javax.crypto.spec.SecretKeySpec;
import org.graalvm.polyglot.Value;

/** PocketBase's {@code $security}: random strings, hashes, HMACs, HS256 JWTs and AES-GCM encryption. */
public final class JsSecurity {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private static final SecureRandom RANDOM = new SecureRandom();

    public String randomString(int length) {
        return RandomStrings.alphanumeric(length);
    }

    public String randomStringWithAlphabet(int length, String alphabet) {
        return RandomStrings.fromAlphabet(length, alphabet);
    }

    /** A random string matching {@code pattern} (Go's regexp syntax); {@code flags} as Go's {@code syntax.Flags}. */
    public String randomStringByRegex(String pattern, Value... flags) {
        int f = 0;
        for (Value v : flags) {
            f |= v.asInt();
        }
        return RandomByRegex.generate(pattern, flags.length == 0 ? 212 : f);
    }

    public String pseudorandomString(int length) {
        return RandomStrings.pseudorandom(length, RandomStrings.ALPHANUMERIC);
    }

    public String pseudorandomStringWithAlphabet(int length, String alphabet) {
        return RandomStrings.pseudorandom(length, alphabet);
    }

    public String md5(String text) {
        return digest("MD5", text);
    }

    public String sha256(String text) {
        return digest("SHA-256", text);
    }

    public String sha512(String text) {
        return digest("SHA-512", text);
    }

    public String hs256(String text, String secret) {
        return HexFormat.of().formatHex(hmac("HmacSHA256", text, secret));
    }

    public String hs512(String text, String secret) {
        return HexFormat.of().formatHex(hmac("HmacSHA512", text, secret));
    }

    public boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** An HS256 JWT of {@code payload} with {@code exp} {@code durationSeconds} from now (0: no {@code exp}). */
    public String createJWT(Value payload, String secret, long durationSeconds) {
        Map<String, Object> claims = new LinkedHashMap<>();
        if (payload != null && payload.hasMembers()) {
            for (String k : payload.getMemberKeys()) {
                claims.put(k, Convert.toJava(payload.getMember(k)));
            }
        }
        if (durationSeconds > 0) {
            claims.put("exp", System.currentTimeMillis() / 1000 + durationSeconds);
        }
        Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
        String head = enc.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String body = enc.encodeToString(Convert.javaToJson(claims).toString().getBytes(StandardCharsets.UTF_8));
        String signed = head + "." + body;
        return signed + "." + enc.encodeToString(hmac("HmacSHA256", signed, secret));
    }

    /** The claims of a JWT without checking its signature. */
    public Map<String, Object> parseUnverifiedJWT(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("token is malformed");
        }
        String json = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        @SuppressWarnings("unchecked")
        Map<String, Object> claims = (Map<String, Object>) Plain.of(JSON.createReader(new java.io.StringReader(json)).readObject());
        return claims;
    }

    /** The claims of an HS256 JWT signed with {@code secret} and not expired; throws otherwise. */
    public Map<String, Object> parseJWT(String token, String secret) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("token is malformed");
        }
        byte[] expected = hmac("HmacSHA256", parts[0] + "." + parts[1], secret);
        if (!MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]))) {
            throw new IllegalArgumentException("token signature is invalid");
        }
        Map<String, Object> claims = parseUnverifiedJWT(token);
        if (claims.get("exp") instanceof Number exp && exp.longValue() < System.currentTimeMillis() / 1000) {
            throw new IllegalArgumentException("token has invalid claims: token is expired");
        }
        return claims;
    }

    /** AES-256-GCM of {@code data} with a 32-character key, as PocketBase's: base64(nonce ‖ ciphertext). */
    public String encrypt(String data, String key) throws GeneralSecurityException {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "AES"), new GCMParameterSpec(128, nonce));
        byte[] sealed = c.doFinal(data.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[nonce.length + sealed.length];
        System.arraycopy(nonce, 0, out, 0, nonce.length);
        System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
        return Base64.getEncoder().encodeToString(out);
    }

    public String decrypt(String cipherText, String key) throws GeneralSecurityException {
        byte[] raw = Base64.getDecoder().decode(cipherText);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "AES"), new GCMParameterSpec(128, raw, 0, 12));
        return new String(c.doFinal(raw, 12, raw.length - 12), StandardCharsets.UTF_8);
    }

    private static String digest(String algorithm, String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static byte[] hmac(String algorithm, String text, String secret) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
