package io.pb4j.http.internal.ratelimit;

import io.pb4j.core.Collection;
import io.pb4j.core.router.RequestEvent;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PocketBase's randomized throttle against filter timing probes ({@code listTimingRateLimitRule} in
 * {@code apis/record_crud.go}): a list rule acts as a filter in the same query as the client's filter, so a client
 * could time empty results to learn hidden values. When a non-superuser's filtered list of a collection with a
 * non-empty list rule comes back empty more than 3 times in 3 seconds from one IP, each further such answer is
 * delayed by a random 0–500 ms. Thread-safe.
 */
public final class ListTimingThrottle {
    private static final int MAX_REQUESTS = 3;
    private static final long DURATION_SECONDS = 3;
    private static final int SOFT_MAX_MILLIS = 500;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** One limiter per collection id, as PocketBase's {@code @pb_list_timing_check_<id>}. */
    private static final Map<String, RateLimiter> LIMITERS = new ConcurrentHashMap<>();

    private ListTimingThrottle() {
    }

    /** Sleeps the request's virtual thread for a random while when the client probes too often; else returns at once. */
    public static void afterList(RequestEvent e, Collection c, boolean empty) {
        if (!empty || e.isSuperuser() || c.listRule().orElse("").isEmpty() || e.queryParam("filter").isEmpty()) {
            return;
        }
        String client = RateLimits.realIp(e);
        RateLimiter limiter = LIMITERS.computeIfAbsent(c.id(), id -> new RateLimiter(MAX_REQUESTS, DURATION_SECONDS));
        if (client.isEmpty() || limiter.allow(client)) {
            return;
        }
        try {
            Thread.sleep(RANDOM.nextInt(SOFT_MAX_MILLIS));
        } catch (InterruptedException gone) {
            Thread.currentThread().interrupt();
        }
    }
}
