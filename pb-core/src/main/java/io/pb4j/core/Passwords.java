package io.pb4j.core;

import io.pb4j.core.internal.security.Bcrypt;

/** bcrypt password hashes compatible with PocketBase's ({@code $2a$}, any cost). Thread-safe. */
public final class Passwords {
    private Passwords() {
    }

    /** A bcrypt hash of {@code plain} with {@code cost}, as PocketBase stores passwords. */
    public static String hash(String plain, int cost) {
        return Bcrypt.hash(plain, cost);
    }

    /** False for a wrong password or a malformed hash; never throws. */
    public static boolean verify(String plain, String hash) {
        return Bcrypt.verify(plain, hash);
    }
}
