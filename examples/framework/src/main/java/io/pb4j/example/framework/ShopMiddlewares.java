package io.pb4j.example.framework;

import io.pb4j.core.ApiException;
import io.pb4j.core.router.Cors;
import io.pb4j.core.router.Middleware;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.router.Router;
import io.pb4j.core.router.RouterGroup;
import jakarta.json.Json;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The middleware set of PocketBase's docs: a request logger with timing, CORS for one origin, and under
 * {@code /api/v1} a request id, panic recovery, content-type validation and a rate limit on one route.
 */
final class ShopMiddlewares {
    /** Requests per client IP and minute on {@code /api/v1/limited}. */
    static final int LIMIT_PER_MINUTE = 3;

    private ShopMiddlewares() {
    }

    static void bind(Router router) {
        // the whole router: time every request; the status is the real one even when the handler throws
        router.bind(new Middleware("shopRequestLogger", -10, e -> {
            long start = System.nanoTime();
            try {
                e.next();
            } finally {
                e.app().logger().info("shop request", "method", e.method(), "path", e.path(),
                        "status", e.responseStatus(), "micros", (System.nanoTime() - start) / 1000);
            }
        }));
        // replaces the default CORS middleware (same id, pbCors): only the shop's front end may call from a browser
        router.bind(Cors.middleware(List.of("https://shop.example.com")));

        RouterGroup v1 = router.group("/api/v1");
        v1.bind(new Middleware("requestId", 1, ShopMiddlewares::requestId));
        v1.bind(new Middleware("recover", 2, ShopMiddlewares::recover));
        v1.bind(new Middleware("jsonOnly", 3, ShopMiddlewares::jsonOnly));

        v1.get("/ping", e -> e.json(200, Json.createObjectBuilder().add("pong", true)
                .add("requestId", String.valueOf(e.get("requestId").orElse(""))).build()));
        v1.post("/echo", e -> {
            Map<?, ?> body = e.bindBody(Map.class);
            e.json(200, Json.createObjectBuilder().add("echo", String.valueOf(body.get("text"))).build());
        });
        v1.get("/boom", e -> {
            throw new IllegalStateException("a bug in a handler");
        });
        v1.get("/limited", e -> e.json(200, Json.createObjectBuilder().add("ok", true).build()))
                .bind(rateLimit(LIMIT_PER_MINUTE));
    }

    /** A request id for the logs and the client: the caller's {@code X-Request-Id} or a new one, kept with e.set. */
    private static void requestId(RequestEvent e) {
        String id = e.header("X-Request-Id").isEmpty() ? UUID.randomUUID().toString() : e.header("X-Request-Id");
        e.set("requestId", id);
        e.setHeader("X-Request-Id", id);
        e.next();
    }

    /** An unexpected exception becomes a 500 that names the request id; API errors pass through as they are. */
    private static void recover(RequestEvent e) {
        try {
            e.next();
        } catch (ApiException expected) {
            throw expected;
        } catch (RuntimeException bug) {
            e.app().logger().error("handler failed", "requestId", e.get("requestId").orElse(""), "error", bug);
            e.json(500, Json.createObjectBuilder().add("status", 500)
                    .add("message", "Something went wrong; quote " + e.get("requestId").orElse("") + " when you ask us.")
                    .add("data", Json.createObjectBuilder()).build());
        }
    }

    /** Writes must send JSON. */
    private static void jsonOnly(RequestEvent e) {
        boolean write = List.of("POST", "PUT", "PATCH").contains(e.method());
        if (write && !e.header("Content-Type").startsWith("application/json")) {
            throw e.error(415, "Send the body as application/json.", Map.of());
        }
        e.next();
    }

    /** A fixed one-minute window per client IP. */
    private static Middleware rateLimit(int perMinute) {
        Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
        return new Middleware("shopRateLimit", 0, e -> {
            String key = e.realIp() + "@" + System.currentTimeMillis() / 60_000;
            if (hits.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() > perMinute) {
                throw e.tooManyRequestsError("Too many requests, try again in a minute.", Map.of());
            }
            e.next();
        });
    }
}
