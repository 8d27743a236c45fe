package io.pb4j.core.router;

import io.pb4j.core.ApiException;
import io.pb4j.core.PocketBase;
import io.pb4j.core.ValidationError;
import io.pb4j.core.internal.Json;
import io.pb4j.core.hook.Hook;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The app's routes and middlewares, independent of any HTTP server: the root {@link RouterGroup} (prefix {@code ""}),
 * whose middlewares are PocketBase's global ones ({@code pbCors}, {@code pbSecurityHeaders}, and what the modules
 * bind: {@code pbLoadAuthToken}, {@code pbActivityLogger}, {@code pbBodyLimit}, {@code pbRateLimit} …).
 * {@link #dispatch} runs one request through the matched route's chain (every middleware of the router, its groups
 * and the route in one {@link Hook} ordered by priority, then the route's handler) and turns every error into
 * PocketBase's envelope in this one place. Binding is thread-safe.
 */
public final class Router extends RouterGroup {
    private static final System.Logger LOG = System.getLogger(Router.class.getName());

    /** One route with its chains, compiled from the tree on the first request after a change. */
    private record Compiled(Route route, Hook<RequestEvent> chain, Hook<RequestEvent> own) {
    }

    private record Table(List<Compiled> routes, Hook<RequestEvent> notFound) {
    }

    private volatile Table table;

    /** A router with PocketBase's default middlewares (CORS for {@code *}, security headers). */
    public Router() {
        super(null, "");
        bind(Cors.middleware(List.of("*")));
        bind(new Middleware("pbSecurityHeaders", Middleware.PRIORITY_SECURITY_HEADERS, Router::securityHeaders));
        bind(Middlewares.bodyLimit(RequestEvent.DEFAULT_BODY_LIMIT));
    }

    /** Drops the compiled table; the next request compiles the tree again. Called with the router's lock held. */
    void changed() {
        table = null;
    }

    /** Every route of the tree, in the order they were added (groups in place). */
    public List<Route> routes() {
        return table().routes().stream().map(Compiled::route).toList();
    }

    /** Runs one request and returns the event holding the response; never throws. */
    public RequestEvent dispatch(PocketBase app, HttpRequest request) {
        return run(app, request, false, e -> { });
    }

    /**
     * Runs an internal request (PocketBase's batch sub-requests) through the matched route's own chain only: the
     * middlewares of the route and its groups, not the router's global ones, so {@code prepare} sets what they would
     * (auth, context). Errors become the envelope as in {@link #dispatch}; a path no route matches answers 404. Never
     * throws.
     */
    public RequestEvent dispatchRoute(PocketBase app, HttpRequest request, java.util.function.Consumer<RequestEvent> prepare) {
        return run(app, request, true, prepare);
    }

    private RequestEvent run(PocketBase app, HttpRequest request, boolean ownOnly,
                             java.util.function.Consumer<RequestEvent> prepare) {
        RequestEvent e = new RequestEvent(app, request);
        Table t = table();
        Compiled route = match(t, e);
        try {
            prepare.accept(e);
            if (route == null) {
                Hook<RequestEvent> chain = ownOnly ? new Hook<>() : t.notFound();
                chain.trigger(e, ev -> {
                    throw ApiException.notFound();
                });
            } else {
                Handler action = route.route().handler();
                (ownOnly ? route.own() : route.chain()).trigger(e, action::handle);
            }
        } catch (Throwable failure) {
            writeError(e, failure);
        } finally {
            e.finish();
        }
        if (!e.written()) {
            e.noContent();
        }
        return e;
    }

    private Table table() {
        Table t = table;
        if (t == null) {
            synchronized (this) {
                t = table;
                if (t == null) {
                    t = compile();
                    table = t;
                }
            }
        }
        return t;
    }

    private Table compile() {
        List<Compiled> out = new ArrayList<>();
        compile(this, new ArrayList<>(), out);
        Hook<RequestEvent> notFound = new Hook<>();
        for (Hook.Handler<RequestEvent> m : bindings.middlewares) {
            if (!bindings.excluded.contains(m.id())) {
                notFound.bind(m);
            }
        }
        return new Table(List.copyOf(out), notFound);
    }

    private static void compile(RouterGroup group, List<RouterGroup> parents, List<Compiled> out) {
        List<RouterGroup> path = new ArrayList<>(parents);
        path.add(group);
        for (Object child : group.children) {
            if (child instanceof RouterGroup g) {
                compile(g, path, out);
            } else if (child instanceof Route r) {
                out.add(new Compiled(r, chain(path, r, 0), chain(path, r, 1)));
            }
        }
    }

    /** The middlewares of {@code groups.subList(from, …)} and of the route, less the ids excluded on the way down. */
    private static Hook<RequestEvent> chain(List<RouterGroup> groups, Route route, int from) {
        Hook<RequestEvent> hook = new Hook<>();
        for (int i = from; i < groups.size(); i++) {
            for (Hook.Handler<RequestEvent> m : groups.get(i).bindings.middlewares) {
                if (!excludedBelow(groups, i, route, m.id())) {
                    hook.bind(m);
                }
            }
        }
        for (Hook.Handler<RequestEvent> m : route.bindings().middlewares) {
            if (!route.bindings().excluded.contains(m.id())) {
                hook.bind(m);
            }
        }
        return hook;
    }

    private static boolean excludedBelow(List<RouterGroup> groups, int from, Route route, String id) {
        if (route.bindings().excluded.contains(id)) {
            return true;
        }
        for (int i = from; i < groups.size(); i++) {
            if (groups.get(i).bindings.excluded.contains(id)) {
                return true;
            }
        }
        return false;
    }

    private static Compiled match(Table t, RequestEvent e) {
        String method = e.method();
        String path = e.path();
        // split once for every route: a hundred routes each splitting the path cost more than the rest of /api/health
        String[] parts = path.startsWith("/") ? path.substring(1).split("/", -1) : null;
        for (Compiled c : t.routes()) {
            Route r = c.route();
            boolean methodOk = r.method().equals(method) || ("HEAD".equals(method) && "GET".equals(r.method()));
            if (methodOk && parts != null) {
                e.pathParams().clear();
                if (r.match(parts, e.pathParams())) {
                    return c;
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
        // nothing is sent before dispatch returns, so an error after a handler wrote its answer still wins: as in
        // PocketBase, where a handler running in a request hook's transaction defers its answer to the commit
        e.reset();
        JsonObjectBuilder body = Json.PROVIDER.createObjectBuilder()
                .add("data", errorData(api.data()))
                .add("message", ApiException.sentenize(api.getMessage()))
                .add("status", api.status());
        e.json(api.status(), body.build());
    }

    private static JsonObject errorData(Map<String, Object> data) {
        JsonObjectBuilder b = Json.PROVIDER.createObjectBuilder();
        for (Map.Entry<String, Object> entry : data.entrySet()) {
            Object v = entry.getValue();
            if (v instanceof ValidationError err) {
                JsonObjectBuilder item = Json.PROVIDER.createObjectBuilder()
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
