package io.pb4j.core;

import io.pb4j.core.hook.HookEvent;
import io.pb4j.core.router.RequestEvent;
import java.util.Objects;

/**
 * PocketBase's {@code OnFileTokenRequest}: fired by {@code POST /api/files/token} once a file token is made for the
 * authenticated record. A handler may replace the token ({@link #token(String)}), answer itself, or stop the chain;
 * the default action answers {@code {"token": token()}}. Per request, not thread-safe.
 */
public final class FileTokenRequestEvent extends HookEvent {
    private final RequestEvent request;
    private final Record record;
    private String token;

    /** Creates the event; the endpoint that fires the hook does this, apps receive it. */
    public FileTokenRequestEvent(RequestEvent request, Record record, String token) {
        this.request = Objects.requireNonNull(request, "request");
        this.record = Objects.requireNonNull(record, "record");
        this.token = Objects.requireNonNull(token, "token");
    }

    /** The HTTP request this event is part of. */
    public RequestEvent request() {
        return request;
    }

    /** The authenticated record the token is for. */
    public Record record() {
        return record;
    }

    /** The file token to answer with. */
    public String token() {
        return token;
    }

    /** Replaces the token the default action will answer with. */
    public void token(String token) {
        this.token = Objects.requireNonNull(token, "token");
    }
}
