package io.pb4j.core.router;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One route: a method, a path pattern with {@code {name}} segments (a last {@code {name...}} segment takes the
 * rest of the path), its handler and its own middlewares.
 */
public final class Route {
    private final String method;
    private final String pattern;
    private final String[] segments;
    private final Handler handler;
    private volatile List<Middleware> middlewares = List.of();

    Route(String method, String pattern, Handler handler) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("route pattern must start with /: " + pattern);
        }
        this.method = method;
        this.pattern = pattern;
        this.segments = pattern.substring(1).split("/", -1);
        this.handler = handler;
    }

    public String method() {
        return method;
    }

    public String pattern() {
        return pattern;
    }

    Handler handler() {
        return handler;
    }

    List<Middleware> middlewares() {
        return middlewares;
    }

    /** Binds a middleware to this route only. */
    public synchronized Route bind(Middleware middleware) {
        List<Middleware> next = new ArrayList<>(middlewares);
        next.removeIf(m -> m.id().equals(middleware.id()));
        next.add(middleware);
        next.sort(Comparator.comparingInt(Middleware::priority));
        middlewares = List.copyOf(next);
        return this;
    }

    /** Matches a decoded path, filling {@code params}; false (with params in an unspecified state) otherwise. */
    boolean match(String path, java.util.Map<String, String> params) {
        if (!path.startsWith("/")) {
            return false;
        }
        String[] parts = path.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String seg = segments[i];
            boolean wildcard = seg.startsWith("{") && seg.endsWith("}");
            if (wildcard && seg.endsWith("...}") && i == segments.length - 1) {
                if (i > parts.length) {
                    return false;
                }
                params.put(seg.substring(1, seg.length() - 4), String.join("/", java.util.Arrays.copyOfRange(parts, i, parts.length)));
                return true;
            }
            if (i >= parts.length) {
                return false;
            }
            if (wildcard) {
                if (parts[i].isEmpty()) {
                    return false;
                }
                params.put(seg.substring(1, seg.length() - 1), parts[i]);
            } else if (!seg.equals(parts[i])) {
                return false;
            }
        }
        return parts.length == segments.length;
    }
}
