package io.pb4j.core;

import io.pb4j.core.hook.HookEvent;

/** Fired by {@link PocketBase#bootstrap()}; the default action opens the store and loads the schema. */
public final class BootstrapEvent extends HookEvent {
    private final PocketBase app;

    BootstrapEvent(PocketBase app) {
        this.app = app;
    }

    /** The app being bootstrapped. */
    public PocketBase app() {
        return app;
    }
}
