package io.pb4j.core;

import io.pb4j.core.hook.HookEvent;
import io.pb4j.core.router.Router;

/**
 * Fired by {@link PocketBase#serve}: handlers add routes and middlewares to {@link #router()} and call
 * {@code next()}; the default action starts the HTTP server.
 */
public final class ServeEvent extends HookEvent {
    private final PocketBase app;
    private final Router router;
    private final String host;
    private final java.util.List<UIExtension> uiExtensions = new java.util.ArrayList<>();

    ServeEvent(PocketBase app, Router router, String host) {
        this.app = app;
        this.router = router;
        this.host = host;
    }

    /** The app about to serve. */
    public PocketBase app() {
        return app;
    }

    /** The router to add routes and middlewares to. */
    public Router router() {
        return router;
    }

    /**
     * The server's base URL, e.g. {@code http://127.0.0.1:8090} (a wildcard host such as {@code 0.0.0.0} as
     * {@code 127.0.0.1}), for links printed at start. Valid only after {@code next()} returned: the server listens then.
     */
    public String baseUrl() {
        String h = host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        return "http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + app.port();
    }

    /**
     * The superuser dashboard's extensions (PocketBase's {@code ServeEvent.UIExtensions}), a list handlers add to
     * before {@code next()}; served by the dashboard module, read after every other serve handler ran.
     */
    public java.util.List<UIExtension> uiExtensions() {
        return uiExtensions;
    }
}
