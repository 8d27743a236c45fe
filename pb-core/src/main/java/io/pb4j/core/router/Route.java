package io.pb4j.core.router;

import io.pb4j.core.hook.Hook;
import java.util.Arrays;
import java.util.Map;

/**
 * One route: a method, a path pattern with {@code {name}} segments (a last {@code {name...}} segment takes the
 * rest of the path) including its groups' prefixes, its handler and its own middlewares. Binding is thread-safe.
 */
public final class Route {
    private final Router owner;
    private final String method;
    private final String pattern;
    private final String[] segments;
    /** The parameter name of each {@code {name}} segment, null for a literal one. */
    private final String[] names;
    /** Whether the last segment is {@code {name...}}, which takes the rest of the path. */
    private final boolean rest;
    private final Handler handler;
    private final Bindings bindings = new Bindings();

    Route(Router owner, String method, String pattern, Handler handler) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("route pattern must start with /: " + pattern);
        }
        this.owner = owner;
        this.method = method;
        this.pattern = pattern;
        this.segments = pattern.substring(1).split("/", -1);
        this.names = new String[segments.length];
        String tail = segments[segments.length - 1];
        this.rest = tail.startsWith("{") && tail.endsWith("...}");
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i];
            if (seg.startsWith("{") && seg.endsWith("}")) {
                names[i] = seg.substring(1, seg.length() - (rest && i == segments.length - 1 ? 4 : 1));
            }
        }
        this.handler = handler;
    }

    /** The HTTP method, upper case. */
    public String method() {
        return method;
    }

    /** The full pattern, group prefixes included. */
    public String pattern() {
        return pattern;
    }

    Handler handler() {
        return handler;
    }

    /** Binds a middleware to this route only; it replaces a group's or the router's middleware of the same id. */
    public Route bind(Middleware middleware) {
        return bind(middleware.asHookHandler());
    }

    /** Binds a middleware on this route only (a handler with the same id replaces it). */
    public Route bind(Hook.Handler<RequestEvent> middleware) {
        synchronized (owner) {
            bindings.bind(middleware);
            owner.changed();
        }
        return this;
    }

    /** Binds middlewares with generated ids and priority 0. */
    public Route bindFunc(Handler... funcs) {
        for (Handler f : funcs) {
            bind(Hook.Handler.of(f::handle));
        }
        return this;
    }

    /** Removes middlewares by id from this route, including the router's and its groups' (e.g. {@code pbBodyLimit}). */
    public Route unbind(String... ids) {
        synchronized (owner) {
            for (String id : ids) {
                bindings.unbind(id);
            }
            owner.changed();
        }
        return this;
    }

    Bindings bindings() {
        return bindings;
    }

    /** Matches a decoded path, filling {@code params}; false (with params in an unspecified state) otherwise. */
    boolean match(String path, Map<String, String> params) {
        return path.startsWith("/") && match(path.substring(1).split("/", -1), params);
    }

    /**
     * Matches the segments of a decoded path (split at {@code /} after its leading one), filling {@code params}; false
     * (with params in an unspecified state) otherwise.
     */
    boolean match(String[] parts, Map<String, String> params) {
        int last = segments.length - 1;
        if (parts.length != segments.length && !(rest && parts.length >= last)) {
            return false; // most routes fail here, on the count of segments alone
        }
        for (int i = 0; i < segments.length; i++) {
            String name = names[i];
            if (rest && i == last) {
                params.put(name, String.join("/", Arrays.copyOfRange(parts, i, parts.length)));
                return true;
            }
            if (name == null) {
                if (!segments[i].equals(parts[i])) {
                    return false;
                }
            } else if (parts[i].isEmpty()) {
                return false;
            } else {
                params.put(name, parts[i]);
            }
        }
        return true;
    }
}
