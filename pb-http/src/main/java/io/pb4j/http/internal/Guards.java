package io.pb4j.http.internal;

import io.pb4j.core.router.Middleware;
import io.pb4j.core.router.Middlewares;

/** PocketBase's route guards. */
public final class Guards {
    private Guards() {
    }

    /** Guests get 401, non-superusers 403 ({@link Middlewares#requireSuperuserAuth()}). */
    public static Middleware requireSuperuser() {
        return Middlewares.requireSuperuserAuth();
    }
}
