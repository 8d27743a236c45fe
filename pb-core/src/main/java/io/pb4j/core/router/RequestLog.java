package io.pb4j.core.router;

/**
 * How routes talk to the request (activity) logger, PocketBase's {@code pbActivityLogger}: it stores one
 * {@code _logs} entry per request unless the route opted out of logging its successes.
 */
public final class RequestLog {
    /** Request-store key of extra data stored with the request's log entry under {@code meta} (PocketBase's {@code pbLogMeta}). */
    public static final String META = "pbLogMeta";
    /** Request-store key set by {@link #skipSuccess()}. */
    public static final String SKIP_SUCCESS = "__skipSuccessActivityLogger";

    private RequestLog() {
    }

    /**
     * PocketBase's {@code SkipSuccessActivityLog()}: a route middleware ({@code pbSkipSuccessActivityLog}) after which
     * the request is logged only if it fails (as the logs API, realtime and static files do).
     */
    public static Middleware skipSuccess() {
        return new Middleware("pbSkipSuccessActivityLog", 0, e -> {
            e.store().put(SKIP_SUCCESS, Boolean.TRUE);
            e.next();
        });
    }
}
