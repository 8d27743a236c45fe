package io.pb4j.js.internal;

import io.pb4j.core.PocketBase;
import io.pb4j.core.ServeEvent;
import io.pb4j.core.hook.Hook;
import io.pb4j.core.router.Middleware;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.router.Route;
import io.pb4j.core.router.RouterGroup;
import java.util.Optional;
import org.graalvm.polyglot.Value;

/**
 * The router a JS {@code onServe} handler sees as {@code e.router}: its routes go to the runtime's slots (so a hot
 * reload, which runs the new files' {@code onServe} handlers again, points the same route at the new function and
 * a route the new files no longer add answers 404), and its script middlewares are unbound on the next reload.
 * Anything else ({@code routes()}, …) is the app's router.
 */
public final class JsServeRouter {
    private final JsRuntime runtime;
    private final RouterGroup group;

    JsServeRouter(JsRuntime runtime, RouterGroup group) {
        this.runtime = runtime;
        this.group = group;
    }

    public JsServeRoute get(String path, Value fn) {
        return add("GET", path, fn);
    }

    public JsServeRoute post(String path, Value fn) {
        return add("POST", path, fn);
    }

    public JsServeRoute put(String path, Value fn) {
        return add("PUT", path, fn);
    }

    public JsServeRoute patch(String path, Value fn) {
        return add("PATCH", path, fn);
    }

    public JsServeRoute delete(String path, Value fn) {
        return add("DELETE", path, fn);
    }

    public JsServeRoute add(String method, String path, Value fn) {
        return new JsServeRoute(runtime, runtime.servedRoute(group, method.toUpperCase(java.util.Locale.ROOT),
                Registrar.routePath(path), Generation.pinned(fn)));
    }

    /** A nested group; the same prefix is the same group across reloads. */
    public JsServeRouter group(String prefix) {
        return new JsServeRouter(runtime, runtime.servedGroup(group, prefix));
    }

    public JsServeRouter bind(Value middleware) {
        runtime.bindServed(group::bind, group::unbind, middleware);
        return this;
    }

    public JsServeRouter bindFunc(Value... funcs) {
        for (Value f : funcs) {
            runtime.bindServed(group::bind, group::unbind, f);
        }
        return this;
    }

    public JsServeRouter unbind(String... ids) {
        group.unbind(ids);
        return this;
    }

    public String prefix() {
        return group.prefix();
    }

    /** A route added in {@code onServe}: its middlewares are the generation's, as the router's. */
    public static final class JsServeRoute {
        private final JsRuntime runtime;
        private final Route route;

        JsServeRoute(JsRuntime runtime, Route route) {
            this.runtime = runtime;
            this.route = route;
        }

        public JsServeRoute bind(Value middleware) {
            runtime.bindServed(route::bind, route::unbind, middleware);
            return this;
        }

        public JsServeRoute bindFunc(Value... funcs) {
            for (Value f : funcs) {
                runtime.bindServed(route::bind, route::unbind, f);
            }
            return this;
        }

        public JsServeRoute unbind(String... ids) {
            route.unbind(ids);
            return this;
        }
    }

    /** {@code e} of a JS {@code onServe}: {@code e.router} is ours; {@code next()} continues the real event, if any. */
    public static final class JsServeEvent {
        public final JsServeRouter router;
        public final PocketBase app;
        private final Optional<ServeEvent> event;

        JsServeEvent(JsServeRouter router, PocketBase app, Optional<ServeEvent> event) {
            this.router = router;
            this.app = app;
            this.event = event;
        }

        public void next() {
            event.ifPresent(ServeEvent::next);
        }
    }

    /** What a script gave to {@code bind}: one of {@code $apis}' middlewares, or a function. */
    static Hook.Handler<RequestEvent> handler(Value middleware, String generatedId) {
        Object java = Convert.toJava(middleware);
        if (java instanceof Middleware m) {
            return m.asHookHandler();
        }
        Value fn = middleware;
        String id = generatedId;
        int priority = 0;
        if (!middleware.canExecute() && middleware.hasMember("func")) {
            fn = middleware.getMember("func");
            id = middleware.hasMember("id") && middleware.getMember("id").isString() ? middleware.getMember("id").asString() : generatedId;
            priority = middleware.hasMember("priority") && middleware.getMember("priority").isNumber() ? middleware.getMember("priority").asInt() : 0;
        }
        var call = Generation.pinned(fn);
        return new Hook.Handler<>(id, priority, e -> call.apply(new Object[] {Convert.toJs(e)}));
    }
}
