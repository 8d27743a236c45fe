package io.pb4j.core.security;

import io.pb4j.core.internal.security.Bcrypt;

/**
 * bcrypt password hashes compatible with PocketBase's ({@code $2a$}, any cost), as its password field stores them.
 * Records hash their own ({@link io.pb4j.core.Record#setPassword}); this is for passwords an app keeps itself.
 * Thread-safe.
 */
public final class Passwords {
    private Passwords() {
    }

    /** A bcrypt hash of {@code plain} with {@code cost} (4–31; PocketBase's default is 10). */
    public static String hash(String plain, int cost) {
        return Bcrypt.hash(plain, cost);
    }

    /** False for a wrong password or a malformed hash; never throws. */
    public static boolean verify(String plain, String hash) {
        return Bcrypt.verify(plain, hash);
    }
}
