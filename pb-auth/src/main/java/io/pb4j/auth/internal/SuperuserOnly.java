package io.pb4j.auth.internal;

import io.pb4j.core.ApiException;
import io.pb4j.core.router.Middleware;

/** PocketBase's {@code RequireSuperuserAuth} for pb-auth's routes: guests get 401, other auth records 403. */
final class SuperuserOnly {
    static final Middleware MIDDLEWARE = new Middleware("pbRequireSuperuserAuth", 0, e -> {
        if (e.auth().isEmpty()) {
            throw ApiException.unauthorized("The request requires valid record authorization token.");
        }
        if (!e.isSuperuser()) {
            throw ApiException.forbidden("The authorized record is not allowed to perform this action.");
        }
        e.next();
    });

    private SuperuserOnly() {
    }
}
