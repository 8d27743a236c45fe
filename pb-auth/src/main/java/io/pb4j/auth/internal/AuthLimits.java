package io.pb4j.auth.internal;

import io.pb4j.core.PocketBase;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory limits of the mail flows, per app (PocketBase keeps them in {@code app.Store()}): the 2-minute
 * resend locks of verification and password-reset mails, and the fixed attempt window of auth-with-otp.
 * Thread-safe; nothing survives a restart, as in PocketBase.
 */
final class AuthLimits {
    private static final Map<PocketBase, AuthLimits> PER_APP = Collections.synchronizedMap(new WeakHashMap<>());

    private record Window(Instant resetAt, int used) {
    }

    private final Map<String, Instant> locks = new ConcurrentHashMap<>();
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private AuthLimits() {
    }

    static AuthLimits of(PocketBase app) {
        return PER_APP.computeIfAbsent(app, a -> new AuthLimits());
    }

    boolean isLocked(String key) {
        Instant until = locks.get(key);
        if (until != null && until.isBefore(Instant.now())) {
            locks.remove(key, until);
            return false;
        }
        return until != null;
    }

    void lock(String key, Duration duration) {
        locks.put(key, Instant.now().plus(duration));
    }

    void unlock(String key) {
        locks.remove(key);
    }

    /** Counts one attempt in {@code key}'s window; false once {@code max} attempts were made within {@code window}. */
    boolean tryAttempt(String key, int max, Duration window) {
        Instant now = Instant.now();
        Window w = windows.compute(key, (k, old) -> old == null || !old.resetAt().isAfter(now)
                ? new Window(now.plus(window), 1)
                : new Window(old.resetAt(), old.used() + 1));
        return w.used() <= max;
    }
}
