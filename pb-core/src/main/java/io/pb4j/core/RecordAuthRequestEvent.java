package io.pb4j.core;

import io.pb4j.core.hook.Tagged;
import io.pb4j.core.router.RequestEvent;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * PocketBase's {@code RecordAuthRequestEvent}, {@code onRecordAuthRequest}: fired for every auth answer (password,
 * OTP, OAuth2, auth-refresh, impersonate) once the record passed its collection's authRule, before the MFA step. The
 * default action asks for the MFA step when due, sends the login alert, and answers
 * {@code {"meta"?, "record", "token"}} with what the event holds then: a handler may replace the token or the meta,
 * or answer itself without {@code next()}. {@link #authMethod()} is {@code password}, {@code otp}, {@code oauth2}, or
 * empty for a refresh or an impersonation. Tagged with the collection's id and name. Per request, not thread-safe.
 */
public final class RecordAuthRequestEvent extends RequestHookEvent implements Tagged {
    private final Record record;
    private final String authMethod;
    private String token;
    private JsonObject meta;

    /** Creates the event; the endpoint that fires the hook does this, apps receive it. */
    public RecordAuthRequestEvent(RequestEvent request, Record record, String token, String authMethod, Optional<JsonObject> meta) {
        super(request);
        this.record = Objects.requireNonNull(record, "record");
        this.token = Objects.requireNonNull(token, "token");
        this.authMethod = Objects.requireNonNull(authMethod, "authMethod");
        this.meta = meta.orElse(null);
    }

    /** The collection the event is about. */
    public Collection collection() {
        return record.collection();
    }

    /** The signed-in record. */
    public Record record() {
        return record;
    }

    /** The auth token the default action will answer with. */
    public String token() {
        return token;
    }

    /** Replaces the token answered. */
    public void token(String token) {
        this.token = Objects.requireNonNull(token, "token");
    }

    /** The answer's {@code meta} (OAuth2's provider data), empty for none. */
    public Optional<JsonObject> meta() {
        return Optional.ofNullable(meta);
    }

    /** Replaces the answer's {@code meta} (empty: none). */
    public void meta(Optional<JsonObject> meta) {
        this.meta = meta.orElse(null);
    }

    /** How the record signed in: {@code password}, {@code oauth2}, {@code otp} …. */
    public String authMethod() {
        return authMethod;
    }

    @Override
    public List<String> tags() {
        return List.of(record.collection().id(), record.collection().name());
    }
}
