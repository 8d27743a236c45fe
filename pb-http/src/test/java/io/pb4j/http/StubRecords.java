package io.pb4j.http;

import io.pb4j.core.Collection;
import io.pb4j.core.DateTimes;
import io.pb4j.core.Record;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * PocketBase's {@code tests/dynamic_stubs.go} rows, written straight into the store as PocketBase's
 * {@code SaveNoValidate} does (their ids, e.g. {@code user1_0}, would not pass the id field's validation).
 */
final class StubRecords {
    private StubRecords() {
    }

    /** {@code tests.StubMFARecords}. */
    static void mfas(TestServer server) {
        Instant now = Instant.now();
        Instant old = now.minus(Duration.ofHours(1));
        Record superuser2 = byEmail(server, "_superusers", "test2@example.com");
        Record superuser3 = byEmail(server, "_superusers", "test3@example.com");
        Record user1 = byEmail(server, "users", "test@example.com");
        server.app.store().write(s -> {
            insert(s, "superuser2_0", superuser2, "otp", now);
            insert(s, "superuser2_1", superuser2, "otp", old);
            insert(s, "superuser2_2", superuser2, "password", now.minus(Duration.ofMinutes(2)));
            insert(s, "superuser2_3", superuser2, "password", now.minusMillis(1));
            insert(s, "superuser2_4", superuser2, "oauth2", old.minusMillis(1));
            insert(s, "superuser3_0", superuser3, "oauth2", now.minusMillis(3));
            insert(s, "superuser3_1", superuser3, "password", now.minus(Duration.ofMinutes(3)));
            insert(s, "user1_0", user1, "oauth2", old);
            return null;
        });
    }

    /** One {@code _mfas} row created now. */
    static void mfa(TestServer server, String id, String collection, String email, String method) {
        Record record = byEmail(server, collection, email);
        server.app.store().write(s -> {
            insert(s, id, record, method, Instant.now());
            return null;
        });
    }

    /**
     * Sets {@code users.mfa.rule} in the stored options and reloads the schema. Written directly because a save of
     * the fixture's users collection also validates its OAuth2 providers, and google is not in every build.
     */
    static void usersMfaRule(TestServer server, String rule) {
        server.app.store().write(s -> s.execute(
                "UPDATE _collections SET options = json_set(options, '$.mfa.rule', ?) WHERE name = 'users'", List.of(rule)));
        server.app.reloadSchema();
    }

    private static Record byEmail(TestServer server, String collection, String email) {
        Collection c = server.app.findCollection(collection).orElseThrow();
        return server.app.findFirstRecordByData(c, "email", email).orElseThrow();
    }

    private static void insert(io.pb4j.core.spi.SqlSession s, String id, Record record, String method, Instant created) {
        String at = DateTimes.format(created);
        s.execute("INSERT INTO _mfas (id, collectionRef, recordRef, method, created, updated) VALUES (?, ?, ?, ?, ?, ?)",
                List.of(id, record.collection().id(), record.id(), method, at, at));
    }
}
