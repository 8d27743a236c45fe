package io.pb4j.core.internal;

import io.pb4j.core.Record;
import io.pb4j.core.field.PasswordValue;
import io.pb4j.core.internal.security.RandomByRegex;
import io.pb4j.core.spi.SqlSession;
import java.util.List;
import java.util.Objects;

/**
 * PocketBase's side effects of updating an auth record, run inside the update's transaction:
 * <ul>
 *   <li>an upgrade to {@code verified} drops the record's {@code _externalAuths} links and, when there were any,
 *       rotates its {@code tokenKey} (before the write);</li>
 *   <li>a changed {@code tokenKey} deletes the record's {@code _otps} (after the write);</li>
 *   <li>a changed password hash deletes the record's {@code _authOrigins} (after the write);</li>
 *   <li>a deleted auth record takes its rows in {@code _externalAuths}, {@code _mfas}, {@code _otps} and
 *       {@code _authOrigins} with it.</li>
 * </ul>
 */
final class AuthRecordEffects {
    private static final String OWNED = " WHERE collectionRef = ? AND recordRef = ?";

    private AuthRecordEffects() {
    }

    static void beforeUpdate(SqlSession s, Record r) {
        boolean wasVerified = Boolean.TRUE.equals(r.original().get("verified"));
        if (wasVerified || !r.getBool("verified")) {
            return;
        }
        List<Object> owner = List.of(r.collection().id(), r.id());
        if (s.query("SELECT 1 FROM " + s.dialect().quote("_externalAuths") + OWNED + " LIMIT 1", owner).isEmpty()) {
            return;
        }
        s.execute("DELETE FROM " + s.dialect().quote("_externalAuths") + OWNED, owner);
        if (r.tokenKey().equals(String.valueOf(r.original().getOrDefault("tokenKey", "")))) {
            r.setRaw("tokenKey", RandomByRegex.generate("[a-zA-Z0-9]{50}"));
        }
    }

    static void afterUpdate(SqlSession s, Record r) {
        List<Object> owner = List.of(r.collection().id(), r.id());
        if (!r.tokenKey().equals(String.valueOf(r.original().getOrDefault("tokenKey", "")))) {
            s.execute("DELETE FROM " + s.dialect().quote("_otps") + OWNED, owner);
        }
        if (!Objects.equals(hash(r.original().get("password")), hash(r.values().get("password")))) {
            s.execute("DELETE FROM " + s.dialect().quote("_authOrigins") + OWNED, owner);
        }
    }

    static void afterDelete(SqlSession s, Record r) {
        List<Object> owner = List.of(r.collection().id(), r.id());
        for (String table : List.of("_externalAuths", "_mfas", "_otps", "_authOrigins")) {
            s.execute("DELETE FROM " + s.dialect().quote(table) + OWNED, owner);
        }
    }

    private static String hash(Object value) {
        return value instanceof PasswordValue pv ? pv.hash() : "";
    }
}
