package io.pb4j.core;

import io.pb4j.core.hook.HookEvent;

/**
 * PocketBase's {@code OnSettingsReload}: fired when the app (re)loads its settings, at bootstrap and after every save.
 * The default action swaps in the stored settings, so before {@code next()} a handler sees the old ones through
 * {@link PocketBase#settings()} and after it the new ones. Not thread-safe: one event per reload.
 */
public final class SettingsReloadEvent extends HookEvent {
    private final PocketBase app;

    SettingsReloadEvent(PocketBase app) {
        this.app = app;
    }

    /** The app whose settings are reloaded. */
    public PocketBase app() {
        return app;
    }
}
