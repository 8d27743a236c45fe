package io.pb4j.core.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * PocketBase's {@code security.RandomString} family: random strings from a cryptographically secure source (ids, token
 * keys, secrets, OTP codes), and {@code PseudorandomString} where unpredictability does not matter. Thread-safe.
 *
 * <pre>{@code
 * String secret = RandomStrings.alphanumeric(50);
 * String code = RandomStrings.fromAlphabet(6, RandomStrings.DIGITS);
 * }</pre>
 */
public final class RandomStrings {
    /** {@code [A-Za-z0-9]}, PocketBase's default alphabet. */
    public static final String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    /** {@code [a-z0-9]}, the alphabet of record ids. */
    public static final String LOWER_ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";
    /** {@code [0-9]}, the alphabet of OTP codes. */
    public static final String DIGITS = "0123456789";

    private static final SecureRandom SECURE = new SecureRandom();

    private RandomStrings() {
    }

    /** {@code length} characters of {@link #ALPHANUMERIC} from a secure source. */
    public static String alphanumeric(int length) {
        return fromAlphabet(length, ALPHANUMERIC);
    }

    /** {@code length} characters of {@code alphabet} (not empty) from a secure source, each equally likely. */
    public static String fromAlphabet(int length, String alphabet) {
        if (alphabet.isEmpty()) {
            throw new IllegalArgumentException("empty alphabet");
        }
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet.charAt(SECURE.nextInt(alphabet.length()));
        }
        return new String(out);
    }

    /** {@code length} characters of {@code alphabet} from a fast, predictable source: never for secrets. */
    public static String pseudorandom(int length, String alphabet) {
        char[] out = new char[length];
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < length; i++) {
            out[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(out);
    }

    /** The PKCE S256 challenge of an OAuth2 code verifier: unpadded base64url of its SHA-256. */
    public static String s256Challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
