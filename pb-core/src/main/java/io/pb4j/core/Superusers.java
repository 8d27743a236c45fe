package io.pb4j.core;

import java.util.Map;

/** The {@code superuser} CLI commands' operations on the {@code _superusers} collection. */
public final class Superusers {
    private final PocketBase app;

    Superusers(PocketBase app) {
        this.app = app;
    }

    private Collection collection() {
        return app.findCollection("_superusers").orElseThrow(() -> new IllegalStateException("missing _superusers collection"));
    }

    /** Creates the superuser or, when one has this email, sets its password. */
    public Record upsert(String email, String password) {
        Record r = app.findFirstRecordByData(collection(), "email", email).orElseGet(() -> Record.create(collection()).set("email", email));
        r.setPassword(password);
        return app.save(r);
    }

    /** Creates a superuser; fails when the email is taken. */
    public Record create(String email, String password) {
        Record r = Record.create(collection()).set("email", email);
        r.setPassword(password);
        return app.save(r);
    }

    /** Sets an existing superuser's password. */
    public Record update(String email, String password) {
        Record r = find(email);
        r.setPassword(password);
        return app.save(r);
    }

    /** Deletes the superuser with this email; refuses to delete the last one. */
    public void delete(String email) {
        app.delete(find(email));
    }

    private Record find(String email) {
        return app.findFirstRecordByData(collection(), "email", email).orElseThrow(
                () -> new ApiException(404, "Superuser with email \"" + email + "\" doesn't exist.", Map.of()));
    }
}
