package io.pb4j.core.router;

/**
 * A middleware with PocketBase's id and priority semantics: lower priority runs first; a middleware bound with an
 * existing id replaces it.
 */
public record Middleware(String id, int priority, Handler handler) {
    /** A middleware with a generated id (on binding) and priority 0. */
    public static Middleware of(Handler handler) {
        return new Middleware("", 0, handler);
    }

    /** This middleware as a handler of the route's {@code Hook<RequestEvent>}. */
    public io.pb4j.core.hook.Hook.Handler<RequestEvent> asHookHandler() {
        return new io.pb4j.core.hook.Hook.Handler<>(id, priority, handler::handle);
    }

    /** PocketBase's default priorities of the built-in global middlewares. */
    public static final int PRIORITY_ERROR_HANDLER = -2_000_000;
    public static final int PRIORITY_CORS = -1_041;
    public static final int PRIORITY_SECURITY_HEADERS = -1_040;
    public static final int PRIORITY_BODY_LIMIT = -990;
    public static final int PRIORITY_LOAD_AUTH_TOKEN = -1_020;
    public static final int PRIORITY_ACTIVITY_LOGGER = -1_040;
}
