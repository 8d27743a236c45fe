package io.pb4j.http.internal.ratelimit;

import io.pb4j.core.ApiException;
import io.pb4j.core.Collection;
import io.pb4j.core.PocketBase;
import io.pb4j.core.router.Middleware;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.router.Route;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PocketBase's rate limits ({@code apis/middlewares_rate_limit.go}), configured by the settings' {@code rateLimits}.
 * A global middleware checks the labels {@code "METHOD /path"} and {@code "/path"}; the collection routes instead
 * carry a middleware of the same id (which replaces the global one on them, as in PocketBase) that checks
 * {@code "<collection>:<tag>"}, then {@code "*:<tag>"}, then those two labels. Superusers, excluded IPs and disabled
 * settings are never limited; a limited request gets 429 {@code "Too Many Requests."}. Limiter state is per app and
 * starts afresh whenever the settings are saved ({@code onSettingsReload}) or their {@code rateLimits} change. Thread-safe.
 */
public final class RateLimits {
    static final String ID = "pbRateLimit";
    static final int PRIORITY = -1000;

    /** The tags PocketBase gives its collection routes (record_crud.go, record_auth.go, file.go). */
    private static final Map<String, List<String>> ROUTE_TAGS = Map.ofEntries(
            Map.entry("GET /api/collections/{collection}/records", List.of("list")),
            Map.entry("GET /api/collections/{collection}/records/{id}", List.of("view")),
            Map.entry("POST /api/collections/{collection}/records", List.of("create")),
            Map.entry("PATCH /api/collections/{collection}/records/{id}", List.of("update")),
            Map.entry("DELETE /api/collections/{collection}/records/{id}", List.of("delete")),
            Map.entry("GET /api/collections/{collection}/auth-methods", List.of("listAuthMethods")),
            Map.entry("POST /api/collections/{collection}/auth-refresh", List.of("authRefresh")),
            Map.entry("POST /api/collections/{collection}/auth-with-password", List.of("authWithPassword", "auth")),
            Map.entry("POST /api/collections/{collection}/auth-with-oauth2", List.of("authWithOAuth2", "auth")),
            Map.entry("POST /api/collections/{collection}/request-otp", List.of("requestOTP")),
            Map.entry("POST /api/collections/{collection}/auth-with-otp", List.of("authWithOTP", "auth")),
            Map.entry("POST /api/collections/{collection}/request-password-reset", List.of("requestPasswordReset")),
            Map.entry("POST /api/collections/{collection}/confirm-password-reset", List.of("confirmPasswordReset")),
            Map.entry("POST /api/collections/{collection}/request-verification", List.of("requestVerification")),
            Map.entry("POST /api/collections/{collection}/confirm-verification", List.of("confirmVerification")),
            Map.entry("POST /api/collections/{collection}/request-email-change", List.of("requestEmailChange")),
            Map.entry("POST /api/collections/{collection}/confirm-email-change", List.of("confirmEmailChange")),
            Map.entry("GET /api/files/{collection}/{recordId}/{filename}", List.of("file")));

    private volatile State state = new State(JsonValue.NULL, RateLimitRules.from(JsonValue.EMPTY_JSON_OBJECT));

    private RateLimits() {
    }

    /**
     * Binds the global middleware when {@code app} serves, and the collection middleware on the collection routes
     * registered by then (this hook runs after the route-registering ones of the data API and the auth module).
     */
    public static void register(PocketBase app) {
        RateLimits limits = new RateLimits();
        // as PocketBase, every settings save starts the limiters afresh
        app.onSettingsReload().bind(ID, 0, e -> {
            e.next();
            limits.state = new State(JsonValue.NULL, RateLimitRules.from(JsonValue.EMPTY_JSON_OBJECT));
        });
        app.onServe().bind(ID, 100, se -> {
            se.router().bind(new Middleware(ID, PRIORITY, limits::global));
            for (Route route : se.router().routes()) {
                List<String> tags = ROUTE_TAGS.get(route.method() + " " + route.pattern());
                if (tags != null) {
                    route.bind(new Middleware(ID, PRIORITY, e -> limits.collection(e, route, tags)));
                }
            }
            se.next();
        });
    }

    private void global(RequestEvent e) {
        State s = current(e);
        if (!skip(e, s.rules())) {
            s.rules().find(defaultLabels(e), audiences(e)).ifPresent(rule -> check(e, s, rule.label() + rule.audience(), rule));
        }
        e.next();
    }

    private void collection(RequestEvent e, Route route, List<String> tags) {
        State s = current(e);
        Optional<Collection> c = e.app().findCollection(e.pathParam("collection"));
        // a missing collection is the handler's 404; a view refuses create/update before PocketBase counts the request
        boolean counted = c.isPresent() && !(c.get().isView() && (tags.contains("create") || tags.contains("update")));
        if (counted && !skip(e, s.rules())) {
            List<String> labels = new ArrayList<>();
            tags.forEach(tag -> labels.add(c.get().name() + ":" + tag));
            tags.forEach(tag -> labels.add("*:" + tag));
            labels.addAll(defaultLabels(e));
            String limiterId = c.get().id() + route.method() + " " + route.pattern() + String.join("", tags);
            s.rules().find(labels, audiences(e)).ifPresent(rule -> check(e, s, limiterId + rule.audience(), rule));
        }
        e.next();
    }

    /** Counts the request against the rule's limiter for the client's IP; 429 when its allowance is used up. */
    private static void check(RequestEvent e, State s, String limiterId, RateLimitRules.Rule rule) {
        if (("@guest".equals(rule.audience()) && e.auth().isPresent()) || ("@auth".equals(rule.audience()) && e.auth().isEmpty())) {
            return;
        }
        String client = realIp(e);
        if (client.isEmpty()) {
            return;
        }
        RateLimiter limiter = s.limiters().computeIfAbsent(limiterId, k -> new RateLimiter(rule.maxRequests(), rule.duration()));
        if (!limiter.allow(client)) {
            throw new ApiException(429, "");
        }
    }

    private static boolean skip(RequestEvent e, RateLimitRules rules) {
        return !rules.enabled() || e.isSuperuser() || IpAddresses.inList(rules.excludedIps(), realIp(e));
    }

    private static List<String> defaultLabels(RequestEvent e) {
        return List.of(e.method() + " " + e.path(), e.path());
    }

    private static List<String> audiences(RequestEvent e) {
        return e.auth().isPresent() ? RateLimitRules.AUTH_AUDIENCES : RateLimitRules.GUEST_AUDIENCES;
    }

    /** The limiter state for the current settings, started afresh when their {@code rateLimits} changed. */
    private State current(RequestEvent e) {
        JsonValue config = e.app().settings().getOrDefault("rateLimits", JsonValue.NULL);
        State s = state;
        if (s.config() != config) {
            synchronized (this) {
                s = state;
                if (s.config() != config) {
                    // settings reloads (any collection change) give equal values new identities: keep the limiters then
                    s = s.config().equals(config) ? new State(config, s.rules(), s.limiters())
                            : new State(config, RateLimitRules.from(e.app().settings()));
                    state = s;
                }
            }
        }
        return s;
    }

    /**
     * PocketBase's {@code RealIP}: the first trusted proxy header present (its last value; of its comma-separated IPs the
     * rightmost valid one, or the leftmost with {@code useLeftmostIP}), else the peer's address.
     */
    public static String realIp(RequestEvent e) {
        return e.realIp();
    }

    private record State(JsonValue config, RateLimitRules rules, Map<String, RateLimiter> limiters) {
        State(JsonValue config, RateLimitRules rules) {
            this(config, rules, new ConcurrentHashMap<>());
        }
    }
}
