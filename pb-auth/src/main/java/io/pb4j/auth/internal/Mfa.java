package io.pb4j.auth.internal;

import io.pb4j.core.ApiException;
import io.pb4j.core.AuthOptions;
import io.pb4j.core.Collection;
import io.pb4j.core.DateTimes;
import io.pb4j.core.Record;
import io.pb4j.core.RecordQuery;
import io.pb4j.core.StrictJson;
import io.pb4j.core.router.RequestEvent;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * PocketBase's multi-factor step of the auth response ({@code checkMFA}). When the collection's {@code mfa} is enabled
 * and its {@code mfa.rule} matches the record, the first successful auth method stores a {@code _mfas} row and
 * answers 401 {@code {"mfaId": ...}} (no error envelope); a later auth with a different method that presents that
 * {@code mfaId} (query parameter, else body field) consumes the row and lets the response through.
 */
final class Mfa {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    static final String COLLECTION = "_mfas";

    private Mfa() {
    }

    /**
     * Runs the MFA step for a successful auth with {@code method} ({@code password}, {@code otp}, {@code oauth2};
     * empty for refresh and impersonation, which skip it). Returns true when it wrote the 401 {@code mfaId} answer,
     * so the caller must not respond; throws PocketBase's 400s for a bad {@code mfaId}.
     */
    static boolean pending(RequestEvent e, Record record, String method) {
        Collection c = record.collection();
        AuthOptions.Mfa mfa = c.authOptions().mfa();
        if (method.isEmpty() || !mfa.enabled() || !wanted(e, record, mfa)) {
            return false;
        }
        String mfaId = mfaId(e);
        Collection mfas = e.app().findCollection(COLLECTION).orElseThrow();
        if (mfaId.isEmpty()) {
            Record row = Record.create(mfas);
            row.set("collectionRef", c.id());
            row.set("recordRef", record.id());
            row.set("method", method);
            e.app().save(row);
            e.json(401, JSON.createObjectBuilder().add("mfaId", row.id()).build());
            return true;
        }
        Optional<Record> row = e.app().findRecordById(mfas, mfaId);
        if (row.isEmpty() || expired(row.get(), mfa)) {
            row.ifPresent(r -> e.app().delete(r));
            throw ApiException.badRequest("Invalid or expired MFA session.");
        }
        if (!row.get().getString("recordRef").equals(record.id()) || !row.get().getString("collectionRef").equals(c.id())) {
            throw ApiException.badRequest("Invalid MFA session.");
        }
        if (row.get().getString("method").equals(method)) {
            throw ApiException.badRequest("A different authentication method is required.");
        }
        e.app().delete(row.get());
        return false;
    }

    /** An empty rule asks every record for MFA; a rule that fails to evaluate counts as asking (the safer answer). */
    private static boolean wanted(RequestEvent e, Record record, AuthOptions.Mfa mfa) {
        String rule = mfa.rule();
        if (rule.isBlank()) {
            return true;
        }
        try {
            return !e.app().search(record.collection(), RecordQuery.byId(rule, record.id())
                    .withRequest(e.requestInfo(Map.of()))).items().isEmpty();
        } catch (RuntimeException ruleFailure) {
            throw ApiException.badRequest("Failed to authenticate.");
        }
    }

    private static boolean expired(Record row, AuthOptions.Mfa mfa) {
        Instant created = DateTimes.parse(row.getDateTime("created")).orElse(Instant.EPOCH);
        return created.plus(mfa.duration()).isBefore(Instant.now());
    }

    private static String mfaId(RequestEvent e) {
        String fromQuery = e.queryParam("mfaId");
        if (!fromQuery.isEmpty()) {
            return fromQuery;
        }
        byte[] body = e.body();
        if (body.length == 0) {
            return "";
        }
        return StrictJson.parse(body)
                .filter(v -> v instanceof JsonObject)
                .map(v -> ((JsonObject) v).get("mfaId") instanceof JsonString s ? s.getString() : "")
                .orElse("");
    }
}
