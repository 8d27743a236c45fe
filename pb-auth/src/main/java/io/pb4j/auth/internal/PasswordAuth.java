package io.pb4j.auth.internal;

import io.pb4j.core.Collection;
import io.pb4j.core.Passwords;
import io.pb4j.core.Record;
import io.pb4j.core.field.PasswordValue;
import jakarta.json.JsonObject;
import java.security.SecureRandom;

/** The password-related bits the mail flows share: is password auth on, and PocketBase's random password. */
final class PasswordAuth {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private PasswordAuth() {
    }

    static boolean enabled(Collection c) {
        JsonObject passwordAuth = c.options().getJsonObject("passwordAuth");
        return passwordAuth != null && passwordAuth.getBoolean("enabled", false);
    }

    /**
     * PocketBase's {@code SetRandomPassword}: the hash of a random 30-character password nobody knows, set directly
     * (the field's plain-value rules do not apply), and a new {@code tokenKey}, which invalidates every token issued
     * before.
     */
    static void randomize(Record record) {
        int cost = record.collection().field("password").map(f -> f.toJson().getInt("cost", 0)).orElse(0);
        record.setRaw("password", new PasswordValue(Passwords.hash(random(30), cost > 0 ? cost : 10), ""));
        record.setRaw("tokenKey", random(50));
    }

    private static String random(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
