package io.pb4j.auth.internal;

import io.pb4j.core.router.RequestEvent;

/**
 * The global middleware that reads {@code Authorization} (an optional {@code Bearer } prefix is stripped) and sets
 * the request's auth record. A missing, malformed, expired or foreign token leaves the request a guest.
 */
final class LoadAuthToken {
    private LoadAuthToken() {
    }

    static void handle(RequestEvent e) {
        String token = e.header("Authorization");
        if (token.regionMatches(true, 0, "Bearer ", 0, 7)) {
            token = token.substring(7);
        }
        if (!token.isEmpty() && e.auth().isEmpty()) {
            AuthTokens.verify(e.app(), token.strip(), TokenType.AUTH).ifPresent(e::auth);
        }
        e.next();
    }
}
