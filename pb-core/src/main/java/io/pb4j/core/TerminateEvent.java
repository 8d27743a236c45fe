package io.pb4j.core;

import io.pb4j.core.hook.HookEvent;

/**
 * PocketBase's {@code OnTerminate}: fired by {@link PocketBase#close()}; the default action stops the cron, the HTTP
 * server, the log writer and the store. {@link #isRestart()} is PocketBase's flag for a restart (pb4j restarts only
 * after a restore, in place, without closing: it is always false here).
 */
public final class TerminateEvent extends HookEvent {
    private final PocketBase app;
    private final boolean restart;

    TerminateEvent(PocketBase app, boolean restart) {
        this.app = app;
        this.restart = restart;
    }

    /** The app the event belongs to. */
    public PocketBase app() {
        return app;
    }

    /** Whether the app terminates to restart. */
    public boolean isRestart() {
        return restart;
    }
}
