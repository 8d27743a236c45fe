package io.pb4j.core;

/**
 * bcrypt password hashes compatible with PocketBase's.
 *
 * @deprecated moved to {@link io.pb4j.core.security.Passwords}; this forwards to it.
 */
@Deprecated(forRemoval = true)
public final class Passwords {
    private Passwords() {
    }

    /** {@link io.pb4j.core.security.Passwords#hash}. */
    public static String hash(String plain, int cost) {
        return io.pb4j.core.security.Passwords.hash(plain, cost);
    }

    /** {@link io.pb4j.core.security.Passwords#verify}. */
    public static boolean verify(String plain, String hash) {
        return io.pb4j.core.security.Passwords.verify(plain, hash);
    }
}
