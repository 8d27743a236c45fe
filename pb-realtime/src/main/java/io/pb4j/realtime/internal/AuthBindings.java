package io.pb4j.realtime.internal;

import io.pb4j.core.Record;
import java.util.Optional;

/**
 * Keeps the auth bound to live clients in step with the auth records (PocketBase's {@code realtimeUpdateClientsAuth}
 * and {@code realtimeUnsetClientsAuthByRecordModelOrProxy}): an updated record replaces the bound copy, unless its
 * {@code tokenKey} changed (a password or email change), which makes its clients guests; a deleted one too.
 */
final class AuthBindings {
    private final Broker broker;

    AuthBindings(Broker broker) {
        this.broker = broker;
    }

    void updated(Record record) {
        for (Client c : broker.registered()) {
            Optional<Record> bound = c.auth();
            if (bound.isPresent() && same(bound.get(), record)) {
                c.auth(bound.get().tokenKey().equals(record.tokenKey()) ? Optional.of(record) : Optional.empty());
            }
        }
    }

    void deleted(Record record) {
        for (Client c : broker.registered()) {
            if (c.auth().filter(bound -> same(bound, record)).isPresent()) {
                c.auth(Optional.empty());
            }
        }
    }

    private static boolean same(Record a, Record b) {
        return a.id().equals(b.id()) && a.collection().name().equals(b.collection().name());
    }
}
