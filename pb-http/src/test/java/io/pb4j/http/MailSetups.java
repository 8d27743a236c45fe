package io.pb4j.http;

import io.pb4j.core.Collection;
import io.pb4j.core.DateTimes;
import io.pb4j.core.security.Passwords;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The BeforeTestFunc of PocketBase's mail endpoint scenarios, on the fixture: {@code users} options, the
 * {@code test@example.com} user ({@code 4q1xlclmfloku33}) and {@code _otps} rows written directly (as PocketBase's
 * tests save OTPs with ids such as {@code otp_0}).
 */
final class MailSetups {
    static final String USER_ID = "4q1xlclmfloku33";
    static final String USERS_ID = "_pb_users_auth_";
    /** {@code clients} / {@code test@example.com}. */
    static final String CLIENT_ID = "gk390qegs4y47wn";
    static final String CLIENTS_ID = "v851q4r790rhknl";

    private MailSetups() {
    }

    /** Sets {@code users.options[key].enabled}. */
    static void usersOption(TestServer server, String key, boolean enabled) {
        Collection users = server.app.findCollection("users").orElseThrow();
        JsonObject option = Json.createObjectBuilder(users.options().getJsonObject(key)).add("enabled", enabled).build();
        server.app.save(users.toBuilder().options(Json.createObjectBuilder(users.options()).add(key, option).build()).build());
    }

    /** An OTP row with the given id, owner, password, age and sentTo. */
    static void otp(TestServer server, String id, String collectionId, String recordId, String password, Duration age, String sentTo) {
        String created = DateTimes.format(Instant.now().minus(age));
        server.app.store().write(s -> {
            s.execute("INSERT INTO _otps (id, collectionRef, recordRef, password, sentTo, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    List.of(id, collectionId, recordId, Passwords.hash(password, 8), sentTo, created, created));
            return null;
        });
    }

    /** {@code otp_0} … {@code otp_<n-1>} for the test user, the last {@code expired} of them 3 years old, newest last. */
    static void otps(TestServer server, int n, int expired) {
        for (int i = 0; i < n; i++) {
            Duration age = i >= n - expired ? Duration.ofDays(3 * 365) : Duration.ofSeconds(n - i);
            otp(server, "otp_" + i, USERS_ID, USER_ID, "123456", age, "");
        }
    }

    /**
     * PocketBase's {@code tests.StubOTPRecords}: {@code superuser2_0..4} (test2@example.com; two of them an hour old),
     * {@code superuser3_0..1} (test3@example.com) and {@code user1_0} (users/test@example.com, an hour old), password
     * test123.
     */
    static void stubOtps(TestServer server) {
        String superusers = "pbc_3142635823";
        Duration hour = Duration.ofHours(1);
        List<Duration> superuser2 = List.of(Duration.ZERO, Duration.ofMillis(1), hour, Duration.ofMillis(2), hour.plusMillis(1));
        for (int i = 0; i < superuser2.size(); i++) {
            otp(server, "superuser2_" + i, superusers, "sbmbsdb40jyxf7h", "test123", superuser2.get(i), "");
        }
        List<Duration> superuser3 = List.of(Duration.ofMillis(3), Duration.ofMinutes(2));
        for (int i = 0; i < superuser3.size(); i++) {
            otp(server, "superuser3_" + i, superusers, "9q2trqumvlyr3bd", "test123", superuser3.get(i), "");
        }
        otp(server, "user1_0", USERS_ID, USER_ID, "test123", hour, "");
    }

    /** Sets the test user's columns without the side effects of a save (PocketBase's tests keep the old tokenKey). */
    static void userColumn(TestServer server, String column, Object value) {
        server.app.store().write(s -> {
            s.execute("UPDATE users SET " + s.dialect().quote(column) + " = ? WHERE id = ?", List.of(value, USER_ID));
            return null;
        });
    }
}
