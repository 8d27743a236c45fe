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
 * resend locks of verification and password-reset mails, and the fixed attempt window of auth-with-otp. On a shared
 * store every change is also sent to the other nodes ({@code app.cluster()}), so a client behind a load balancer meets
 * the same lock and the same attempt count on whichever node it reaches. Thread-safe; nothing survives a restart of
 * every node, as in PocketBase.
 */
final class AuthLimits {
    private static final Map<PocketBase, AuthLimits> PER_APP = Collections.synchronizedMap(new WeakHashMap<>());
    /** Cluster topic: {@code lock <until epoch ms> <key>}, {@code unlock 0 <key>}, {@code attempt <window ms> <key>}. */
    private static final String TOPIC = "pb4j.auth.limits";

    private record Window(Instant resetAt, int used) {
    }

    /** Weak: {@link #PER_APP} holds this strongly, and a value that held its key would keep every closed app alive. */
    private final java.lang.ref.WeakReference<PocketBase> app;
    private final Map<String, Instant> locks = new ConcurrentHashMap<>();
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private AuthLimits(PocketBase app) {
        this.app = new java.lang.ref.WeakReference<>(app);
        app.cluster().subscribe(TOPIC, this::received);
    }

    /** The app's limits; called once when the plugin registers, so a node hears the others from its start. */
    static AuthLimits of(PocketBase app) {
        return PER_APP.computeIfAbsent(app, AuthLimits::new);
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
        Instant until = Instant.now().plus(duration);
        locks.put(key, until);
        publish("lock " + until.toEpochMilli() + " " + key);
    }

    void unlock(String key) {
        locks.remove(key);
        publish("unlock 0 " + key);
    }

    /** Counts one attempt in {@code key}'s window; false once {@code max} attempts were made within {@code window}. */
    boolean tryAttempt(String key, int max, Duration window) {
        boolean allowed = attempt(key, window).used() <= max;
        publish("attempt " + window.toMillis() + " " + key);
        return allowed;
    }

    private void publish(String message) {
        PocketBase a = app.get();
        if (a != null) {
            a.cluster().publish(TOPIC, message);
        }
    }

    private Window attempt(String key, Duration window) {
        Instant now = Instant.now();
        return windows.compute(key, (k, old) -> old == null || !old.resetAt().isAfter(now)
                ? new Window(now.plus(window), 1)
                : new Window(old.resetAt(), old.used() + 1));
    }

    /** Another node's change, applied here as if made here. */
    private void received(String payload) {
        String[] parts = payload.split(" ", 3);
        if (parts.length != 3) {
            return;
        }
        long n = Long.parseLong(parts[1]);
        switch (parts[0]) {
            case "lock" -> locks.put(parts[2], Instant.ofEpochMilli(n));
            case "unlock" -> locks.remove(parts[2]);
            case "attempt" -> attempt(parts[2], Duration.ofMillis(n));
            default -> {
                // a newer node's kind of limit: nothing to apply here
            }
        }
    }
}
