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

    ServeEvent(PocketBase app, Router router) {
        this.app = app;
        this.router = router;
    }

    /** The app about to serve. */
    public PocketBase app() {
        return app;
    }

    /** The router to add routes and middlewares to. */
    public Router router() {
        return router;
    }
}
