package io.pb4j.core.router;

import io.pb4j.core.ApiException;
import io.pb4j.core.PocketBase;
import io.pb4j.core.ValidationError;
import io.pb4j.core.internal.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The app's routes and global middlewares, independent of any HTTP server. {@link #dispatch} runs one request
 * through the global middlewares (by priority), the matched route's middlewares and its handler, and turns every
 * error into PocketBase's envelope in this one place. Binding is thread-safe.
 */
public final class Router {
    private static final System.Logger LOG = System.getLogger(Router.class.getName());

    private volatile List<Route> routes = List.of();
    private volatile List<Middleware> globals = List.of();

    public Router() {
        bind(Cors.middleware(List.of("*")));
        bind(new Middleware("pbSecurityHeaders", Middleware.PRIORITY_SECURITY_HEADERS, Router::securityHeaders));
    }

    public Route get(String pattern, Handler handler) {
        return add("GET", pattern, handler);
    }

    public Route post(String pattern, Handler handler) {
        return add("POST", pattern, handler);
    }

    public Route patch(String pattern, Handler handler) {
        return add("PATCH", pattern, handler);
    }

    public Route put(String pattern, Handler handler) {
        return add("PUT", pattern, handler);
    }

    public Route delete(String pattern, Handler handler) {
        return add("DELETE", pattern, handler);
    }

    /** Adds a route; {@code GET} routes also answer {@code HEAD}. */
    public synchronized Route add(String method, String pattern, Handler handler) {
        Route route = new Route(method, pattern, handler);
        List<Route> next = new ArrayList<>(routes);
        next.add(route);
        routes = List.copyOf(next);
        return route;
    }

    /** Binds a global middleware (PocketBase's {@code routerUse}); the same id replaces the earlier one. */
    public synchronized void bind(Middleware middleware) {
        List<Middleware> next = new ArrayList<>(globals);
        next.removeIf(m -> m.id().equals(middleware.id()));
        next.add(middleware);
        next.sort(Comparator.comparingInt(Middleware::priority));
        globals = List.copyOf(next);
    }

    public synchronized void unbind(String middlewareId) {
        List<Middleware> next = new ArrayList<>(globals);
        next.removeIf(m -> m.id().equals(middlewareId));
        globals = List.copyOf(next);
    }

    public List<Route> routes() {
        return routes;
    }

    /** Runs one request and returns the event holding the response; never throws. */
    public RequestEvent dispatch(PocketBase app, HttpRequest request) {
        return run(app, request, globals, e -> { });
    }

    /**
     * Runs an internal request (PocketBase's batch sub-requests) through the matched route's own middlewares and
     * handler only: no global middlewares, so {@code prepare} sets what they would (auth, context). Errors become the
     * envelope as in {@link #dispatch}; a path no route matches answers 404. Never throws.
     */
    public RequestEvent dispatchRoute(PocketBase app, HttpRequest request, java.util.function.Consumer<RequestEvent> prepare) {
        return run(app, request, List.of(), prepare);
    }

    /** The given global middlewares, then the matched route's middlewares and handler (or a 404). */
    private RequestEvent run(PocketBase app, HttpRequest request, List<Middleware> globalMiddlewares,
                             java.util.function.Consumer<RequestEvent> prepare) {
        RequestEvent e = new RequestEvent(app, request);
        Route route = match(e);
        List<Handler> chain = new ArrayList<>();
        // as in PocketBase, a route middleware replaces the global middleware of the same id
        List<Middleware> own = route == null ? List.of() : route.middlewares();
        for (Middleware m : globalMiddlewares) {
            if (own.stream().noneMatch(r -> r.id().equals(m.id()))) {
                chain.add(m.handler());
            }
        }
        if (route != null) {
            for (Middleware m : route.middlewares()) {
                chain.add(m.handler());
            }
            chain.add(route.handler());
        } else {
            chain.add(ev -> {
                throw ApiException.notFound();
            });
        }
        try {
            prepare.accept(e);
            e.run(chain);
        } catch (Throwable t) {
            writeError(e, t);
        } finally {
            e.finish();
        }
        if (!e.written()) {
            e.noContent();
        }
        return e;
    }

    private Route match(RequestEvent e) {
        String method = e.method();
        String path = e.path();
        for (Route r : routes) {
            boolean methodOk = r.method().equals(method) || ("HEAD".equals(method) && "GET".equals(r.method()));
            if (methodOk) {
                e.pathParams().clear();
                if (r.match(path, e.pathParams())) {
                    return r;
                }
            }
        }
        e.pathParams().clear();
        return null;
    }

    /** Writes PocketBase's error envelope; unexpected errors are logged and never leak their message. */
    static void writeError(RequestEvent e, Throwable t) {
        ApiException api = ApiException.from(t);
        if (api.status() == 500 && api != t) {
            LOG.log(Level.ERROR, "unexpected error in " + e.method() + " " + e.path(), t);
        }
        if (e.written()) {
            LOG.log(Level.DEBUG, "error after the response was written: " + api.getMessage());
            return;
        }
        e.reset();
        JsonObjectBuilder body = jakarta.json.Json.createObjectBuilder()
                .add("data", errorData(api.data()))
                .add("message", ApiException.sentenize(api.getMessage()))
                .add("status", api.status());
        e.json(api.status(), body.build());
    }

    private static JsonObject errorData(Map<String, Object> data) {
        JsonObjectBuilder b = jakarta.json.Json.createObjectBuilder();
        for (Map.Entry<String, Object> entry : data.entrySet()) {
            Object v = entry.getValue();
            if (v instanceof ValidationError err) {
                JsonObjectBuilder item = jakarta.json.Json.createObjectBuilder()
                        .add("code", err.code())
                        .add("message", ApiException.sentenize(err.message()));
                if (!err.params().isEmpty()) {
                    item.add("params", Json.toJson(err.params()));
                }
                b.add(entry.getKey(), item);
            } else if (v instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) nested;
                b.add(entry.getKey(), errorData(m));
            } else {
                b.add(entry.getKey(), Json.toJson(v));
            }
        }
        return b.build();
    }

    private static void securityHeaders(RequestEvent e) {
        e.setHeader("X-XSS-Protection", "1; mode=block");
        e.setHeader("X-Content-Type-Options", "nosniff");
        e.setHeader("X-Frame-Options", "SAMEORIGIN");
        // PocketBase v0.40's addition
        e.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        e.next();
    }
}
