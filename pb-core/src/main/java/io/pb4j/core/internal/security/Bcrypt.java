package io.pb4j.core.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * OpenBSD bcrypt ("eksblowfish"), as used by PocketBase through Go's {@code golang.org/x/crypto/bcrypt}.
 *
 * <p>Hashes are written as {@code $2a$NN$<22 salt chars><31 hash chars>}; {@code $2a$}, {@code $2b$} and
 * {@code $2y$} hashes are accepted on verify (they differ only in bugs of other implementations that cannot be
 * triggered with at most 72 key bytes). The key is the UTF-8 password followed by a NUL byte, of which the first 72
 * bytes are used. Cost is the base-2 logarithm of the number of key expansion rounds, 4 to 31.
 *
 * <p>Thread-safe: every call works on its own copy of the Blowfish state.
 */
public final class Bcrypt {
    public static final int MIN_COST = 4;
    public static final int MAX_COST = 31;

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 23;
    private static final int SALT_CHARS = 22;
    private static final int HASH_CHARS = 31;
    private static final int MAX_KEY_BYTES = 72;
    /** "OrpheanBeholderScryDoubt", the 24-byte plaintext bcrypt encrypts 64 times. */
    private static final int[] MAGIC = {0x4f727068, 0x65616e42, 0x65686f6c, 0x64657253, 0x63727944, 0x6f756274};

    private static final SecureRandom RANDOM = new SecureRandom();

    private Bcrypt() {
    }

    /** The longest password bcrypt reads whole, in UTF-8 bytes. */
    public static final int MAX_PASSWORD_BYTES = 72;

    /**
     * Hashes {@code password} with a fresh random salt. Throws {@link IllegalArgumentException} for a bad cost and,
     * as Go's {@code GenerateFromPassword}, for a password over {@value #MAX_PASSWORD_BYTES} UTF-8 bytes, which
     * bcrypt would silently cut.
     */
    public static String hash(String password, int cost) {
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new IllegalArgumentException("bcrypt: password length exceeds 72 bytes");
        }
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        return hash(password, cost, salt);
    }

    /** Hashes with the given 16-byte salt; for tests and for re-computing a stored hash. */
    static String hash(String password, int cost, byte[] salt) {
        if (cost < MIN_COST || cost > MAX_COST) {
            throw new IllegalArgumentException("bcrypt cost must be between 4 and 31, got " + cost);
        }
        if (salt.length != SALT_BYTES) {
            throw new IllegalArgumentException("bcrypt salt must be 16 bytes, got " + salt.length);
        }
        byte[] digest = digest(key(password), salt, cost);
        StringBuilder out = new StringBuilder(60).append("$2a$");
        if (cost < 10) {
            out.append('0');
        }
        out.append(cost).append('$');
        BcryptBase64.encode(salt, out);
        BcryptBase64.encode(digest, out);
        return out.toString();
    }

    /**
     * Whether {@code password} matches {@code hash}. Never throws: a null or malformed hash (wrong prefix, cost out
     * of range, wrong length, characters outside bcrypt's alphabet) simply does not match.
     */
    public static boolean verify(String password, String hash) {
        if (password == null || hash == null || hash.length() != 7 + SALT_CHARS + HASH_CHARS) {
            return false;
        }
        if (hash.charAt(0) != '$' || hash.charAt(1) != '2' || hash.charAt(3) != '$' || hash.charAt(6) != '$') {
            return false;
        }
        char minor = hash.charAt(2);
        if (minor != 'a' && minor != 'b' && minor != 'y') {
            return false;
        }
        char tens = hash.charAt(4);
        char units = hash.charAt(5);
        if (tens < '0' || tens > '9' || units < '0' || units > '9') {
            return false;
        }
        int cost = (tens - '0') * 10 + (units - '0');
        if (cost < MIN_COST || cost > MAX_COST) {
            return false;
        }
        byte[] salt = BcryptBase64.decode(hash, 7, SALT_CHARS, SALT_BYTES);
        byte[] expected = BcryptBase64.decode(hash, 7 + SALT_CHARS, HASH_CHARS, HASH_BYTES);
        if (salt == null || expected == null) {
            return false;
        }
        byte[] actual = digest(key(password), salt, cost);
        return MessageDigest.isEqual(actual, expected);
    }

    private static byte[] key(String password) {
        byte[] utf8 = password.getBytes(StandardCharsets.UTF_8);
        byte[] key = Arrays.copyOf(utf8, Math.min(utf8.length + 1, MAX_KEY_BYTES)); // the NUL comes from copyOf
        Arrays.fill(utf8, (byte) 0);
        return key;
    }

    private static byte[] digest(byte[] key, byte[] salt, int cost) {
        Blowfish state = new Blowfish();
        state.expandKey(key, salt);
        long rounds = 1L << cost;
        for (long i = 0; i < rounds; i++) {
            state.expandKey(key);
            state.expandKey(salt);
        }
        int[] block = MAGIC.clone();
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < block.length; j += 2) {
                state.encipher(block, j);
            }
        }
        byte[] out = new byte[HASH_BYTES];
        for (int i = 0; i < HASH_BYTES; i++) {
            out[i] = (byte) (block[i >> 2] >>> (24 - 8 * (i & 3)));
        }
        Arrays.fill(key, (byte) 0);
        return out;
    }
}
