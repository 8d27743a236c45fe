package io.pb4j.auth.internal;

import io.pb4j.core.Collection;
import io.pb4j.core.security.Passwords;
import io.pb4j.core.Record;
import io.pb4j.core.field.PasswordValue;
import io.pb4j.core.security.RandomStrings;

/** The password-related bits the mail flows share: is password auth on, and PocketBase's random password. */
final class PasswordAuth {

    private PasswordAuth() {
    }

    static boolean enabled(Collection c) {
        return c.authOptions().passwordAuth().enabled();
    }

    /**
     * PocketBase's {@code SetRandomPassword}: the hash of a random 30-character password nobody knows, set directly
     * (the field's plain-value rules do not apply), and a new {@code tokenKey}, which invalidates every token issued
     * before.
     */
    static void randomize(Record record) {
        int cost = record.collection().field("password").map(f -> f.toJson().getInt("cost", 0)).orElse(0);
        record.setRaw("password", new PasswordValue(Passwords.hash(RandomStrings.alphanumeric(30), cost > 0 ? cost : 10), ""));
        record.setRaw("tokenKey", RandomStrings.alphanumeric(50));
    }
}
