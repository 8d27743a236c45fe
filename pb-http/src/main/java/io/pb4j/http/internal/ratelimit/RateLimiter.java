package io.pb4j.http.internal.ratelimit;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PocketBase's fixed-window limiter for one rule: each client (IP) gets {@code maxRequests} per window of
 * {@code duration} whole seconds, the window starting at its first request. Clients idle for half an hour past
 * their window are dropped now and then. Thread-safe.
 */
final class RateLimiter {
    /** PocketBase's minDeleteInterval: how long past its window an idle client is kept. */
    private static final long IDLE_SECONDS = 1800;
    /** PocketBase cleans hourly (by cron); here the first request after an hour does. */
    private static final long CLEAN_EVERY_SECONDS = 3600;

    private final int maxRequests;
    private final long duration;
    private final Map<String, Window> clients = new ConcurrentHashMap<>();
    private volatile long lastClean = nowSeconds();

    RateLimiter(int maxRequests, long duration) {
        this.maxRequests = maxRequests;
        this.duration = duration;
    }

    /** Takes one request from the client's allowance; false when the allowance of the current window is used up. */
    boolean allow(String client) {
        long now = nowSeconds();
        if (now - lastClean >= CLEAN_EVERY_SECONDS) {
            lastClean = now;
            clean(now);
        }
        return clients.computeIfAbsent(client, k -> new Window()).consume(now);
    }

    private void clean(long now) {
        for (Iterator<Window> it = clients.values().iterator(); it.hasNext(); ) {
            if (it.next().expired(now)) {
                it.remove();
            }
        }
    }

    private static long nowSeconds() {
        return System.currentTimeMillis() / 1000;
    }

    private final class Window {
        private long start;
        private int available;

        synchronized boolean consume(long now) {
            if (now - start >= duration) {
                available = maxRequests;
                start = now;
            }
            if (available > 0) {
                available--;
                return true;
            }
            return false;
        }

        synchronized boolean expired(long now) {
            return now - (start + duration) > IDLE_SECONDS;
        }
    }
}
