package io.pb4j.core.router;

import io.pb4j.core.hook.Hook;
import java.util.ArrayList;
import java.util.List;

/**
 * PocketBase's {@code RouterGroup}: routes and nested groups under a path prefix, with middlewares that apply to
 * all of them. A route's chain is every middleware of its groups (outermost first) and its own, in one
 * {@link Hook} ordered by priority, where a later binding of an id replaces an earlier one; an id unbound on a group
 * or route is left out of that group's or route's chains. Binding is thread-safe; requests see the change at once.
 */
public class RouterGroup {
    final Router owner;
    private final String prefix;
    final List<Object> children = new ArrayList<>();
    final Bindings bindings = new Bindings();

    RouterGroup(Router owner, String prefix) {
        this.owner = owner == null ? (Router) this : owner;
        this.prefix = prefix;
    }

    /** The full prefix, outer groups' prefixes included. */
    public String prefix() {
        return prefix;
    }

    /** A nested group: {@code router.group("/api/v1").group("/admin")} holds routes under {@code /api/v1/admin}. */
    public RouterGroup group(String subPrefix) {
        synchronized (owner) {
            RouterGroup g = new RouterGroup(owner, prefix + subPrefix);
            children.add(g);
            owner.changed();
            return g;
        }
    }

    /** Adds a {@code GET} route; {@code {name}} segments are path parameters. */
    public Route get(String path, Handler handler) {
        return add("GET", path, handler);
    }

    /** Adds a {@code POST} route. */
    public Route post(String path, Handler handler) {
        return add("POST", path, handler);
    }

    /** Adds a {@code PATCH} route. */
    public Route patch(String path, Handler handler) {
        return add("PATCH", path, handler);
    }

    /** Adds a {@code PUT} route. */
    public Route put(String path, Handler handler) {
        return add("PUT", path, handler);
    }

    /** Adds a {@code DELETE} route. */
    public Route delete(String path, Handler handler) {
        return add("DELETE", path, handler);
    }

    /** Adds a route under this group's prefix; {@code GET} routes also answer {@code HEAD}. */
    public Route add(String method, String path, Handler handler) {
        synchronized (owner) {
            Route route = new Route(owner, method, prefix + path, handler);
            children.add(route);
            owner.changed();
            return route;
        }
    }

    /** Binds a middleware to every route of this group (PocketBase's {@code Bind}); the same id replaces the earlier one. */
    public RouterGroup bind(Middleware middleware) {
        return bind(middleware.asHookHandler());
    }

    /** Binds a middleware on every route of this group (a handler with the same id replaces it). */
    public RouterGroup bind(Hook.Handler<RequestEvent> middleware) {
        synchronized (owner) {
            bindings.bind(middleware);
            owner.changed();
        }
        return this;
    }

    /** Binds middlewares with generated ids and priority 0 (PocketBase's {@code BindFunc}). */
    public RouterGroup bindFunc(Handler... funcs) {
        for (Handler f : funcs) {
            bind(Hook.Handler.of(f::handle));
        }
        return this;
    }

    /**
     * Removes middlewares by id from this group and everything under it, including ones bound on outer groups or
     * the router (e.g. {@code unbind("pbBodyLimit")}); a later {@code bind} of the id here brings it back.
     */
    public RouterGroup unbind(String... ids) {
        synchronized (owner) {
            for (String id : ids) {
                if (!bindings.unbind(id)) {
                    continue;
                }
                for (Object child : children) {
                    if (child instanceof RouterGroup g) {
                        g.unbind(id);
                    } else if (child instanceof Route r) {
                        r.unbind(id);
                    }
                }
            }
            owner.changed();
        }
        return this;
    }
}
