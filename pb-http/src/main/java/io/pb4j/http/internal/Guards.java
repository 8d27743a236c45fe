package io.pb4j.http.internal;

import io.pb4j.core.ApiException;
import io.pb4j.core.router.Middleware;

/** PocketBase's route guards. */
public final class Guards {
    private Guards() {
    }

    /** Guests get 401, non-superusers 403. */
    public static Middleware requireSuperuser() {
        return new Middleware("pbRequireSuperuserAuth", 0, e -> {
            if (e.auth().isEmpty()) {
                throw ApiException.unauthorized("The request requires valid record authorization token.");
            }
            if (!e.isSuperuser()) {
                throw ApiException.forbidden("The authorized record is not allowed to perform this action.");
            }
            e.next();
        });
    }
}
