package io.pb4j.auth.internal;

import io.pb4j.core.Collection;
import io.pb4j.core.DateTimes;
import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code _otps} system collection: one-time passwords (bcrypt-hashed) of auth records. */
final class Otps {
    static final String COLLECTION = "_otps";

    private Otps() {
    }

    static Collection collection(PocketBase app) {
        return app.findCollection(COLLECTION).orElseThrow(() -> new IllegalStateException("the _otps system collection is missing"));
    }

    static Optional<Record> findById(PocketBase app, String id) {
        return app.findRecordById(collection(app), id);
    }

    /** The record's OTPs, newest first. */
    static List<Record> ofRecord(PocketBase app, Record owner) {
        Collection otps = collection(app);
        return app.store().read(s -> s.query("SELECT * FROM " + s.dialect().quote(COLLECTION)
                        + " WHERE collectionRef = ? AND recordRef = ? ORDER BY created DESC",
                List.<Object>of(owner.collection().id(), owner.id()))).stream()
                .map(row -> Record.fromRow(otps, row))
                .toList();
    }

    static Record create(PocketBase app, Record owner, String password) {
        Record otp = Record.create(collection(app));
        otp.set("collectionRef", owner.collection().id());
        otp.set("recordRef", owner.id());
        otp.set("password", password);
        return app.save(otp);
    }

    /** Whether more than {@code maxAge} passed since the OTP was created. */
    static boolean expired(Record otp, Duration maxAge) {
        Instant created = DateTimes.parse(otp.getString("created")).orElse(Instant.EPOCH);
        return Duration.between(created, Instant.now()).compareTo(maxAge) > 0;
    }
}
