package io.pb4j.core.internal.security;

/** Placeholder so this branch compiles; the real implementation replaces this file on merge. */
public final class Bcrypt {
    private Bcrypt() {
    }

    public static String hash(String password, int cost) {
        throw new IllegalStateException("replaced by the real Bcrypt");
    }

    public static boolean verify(String password, String hash) {
        throw new IllegalStateException("replaced by the real Bcrypt");
    }
}
