package io.pb4j.auth.internal;

import io.pb4j.core.router.Middleware;
import io.pb4j.core.router.Middlewares;

/** PocketBase's {@code RequireSuperuserAuth} for pb-auth's routes: guests get 401, other auth records 403. */
final class SuperuserOnly {
    static final Middleware MIDDLEWARE = Middlewares.requireSuperuserAuth();

    private SuperuserOnly() {
    }
}
