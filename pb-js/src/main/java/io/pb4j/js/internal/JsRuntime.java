package io.pb4j.js.internal;

import io.pb4j.core.ApiException;
import io.pb4j.core.PocketBase;
import io.pb4j.core.hook.Hook;
import io.pb4j.core.hook.HookEvent;
import io.pb4j.core.hook.Tagged;
import io.pb4j.core.router.Middleware;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.router.Route;
import io.pb4j.core.router.Router;
import io.pb4j.js.JsHooksOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.graalvm.polyglot.Engine;

/**
 * The app's JavaScript hooks: loads a {@link Generation} on bootstrap, binds what it registered (hooks, crons
 * right away; routes and router middlewares once the app serves), and on a change of the files loads a new one,
 * swaps it in and unbinds the old one's bindings. A reload that fails keeps the hooks that run and logs the error.
 */
public final class JsRuntime {
    private static final System.Logger LOG = System.getLogger(JsRuntime.class.getName());

    private final PocketBase app;
    private final JsHooksOptions options;
    private Engine engine;
    private final Map<String, Slot> routes = new ConcurrentHashMap<>();
    private final List<Runnable> unbinders = new ArrayList<>();
    private volatile Generation current;
    private volatile Router router;
    private Watcher watcher;

    /** A route bound to the router: its handler reads the slot, so a reload can point it at another function. */
    private static final class Slot {
        volatile Generation generation;
        volatile int index = -1;
        /** A route added in a JS {@code onServe}: its function, pinned to the context that made it. */
        volatile java.util.function.Function<Object[], org.graalvm.polyglot.Value> fn;
        Route route;
    }

    private final Map<String, io.pb4j.core.router.RouterGroup> servedGroups = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger servedIds = new java.util.concurrent.atomic.AtomicInteger();

    private JsRuntime(PocketBase app, JsHooksOptions options) {
        this.app = app;
        this.options = options;
    }

    /**
     * The shared GraalJS engine (parsed code is cached across its contexts), created on first use: an app whose
     * folders hold no scripts pays nothing for the module.
     */
    private synchronized Engine engine() {
        if (engine == null) {
            engine = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build();
        }
        return engine;
    }

    /** Binds the runtime to the app's life: load on bootstrap, routes on serve, stop on terminate. */
    public static void register(PocketBase app, Supplier<JsHooksOptions> options) {
        JsRuntime[] holder = new JsRuntime[1];
        app.onBootstrap().bind("pbJsvm", 0, e -> {
            e.next();
            JsHooksOptions o = options.get();
            JsRuntime rt = new JsRuntime(app, o);
            holder[0] = rt;
            JsMigrations.register(app, rt::engine, o.migrationsDir());
            if (!Generation.hookFiles(o.hooksDir()).isEmpty()) {
                TypesFile.write(app.config().dataDir());
                rt.loadOrFail();
            }
        });
        app.onServe().bind("pbJsvm", 0, se -> {
            JsRuntime rt = holder[0];
            if (rt != null) {
                rt.router = se.router();
                synchronized (rt) {
                    rt.bindRoutes(rt.current);
                }
                if (rt.options.watch() && java.nio.file.Files.isDirectory(rt.options.hooksDir())) {
                    rt.watcher = new Watcher(rt.options.hooksDir(), rt::reload);
                    rt.watcher.start();
                }
            }
            se.next();
        });
        app.onTerminate().bind("pbJsvm", 0, te -> {
            JsRuntime rt = holder[0];
            if (rt != null) {
                rt.close();
            }
            te.next();
        });
    }

    private synchronized void loadOrFail() {
        Generation g = new Generation(app, engine(), options.hooksDir(), Generation.hookFiles(options.hooksDir()), options.poolSize());
        current = g;
        bindHooks(g);
    }

    /** Loads the files again; on success swaps the new generation in, else logs and keeps the running one. */
    synchronized void reload() {
        Generation g;
        try {
            g = new Generation(app, engine(), options.hooksDir(), Generation.hookFiles(options.hooksDir()), options.poolSize());
        } catch (RuntimeException ex) {
            LOG.log(System.Logger.Level.ERROR, "failed to reload the JS hooks: " + ex.getMessage());
            app.logger().error("Failed to reload the JS hooks", "error", ex.getMessage());
            return;
        }
        TypesFile.write(app.config().dataDir());
        Generation old = current;
        for (Runnable r : unbinders) {
            r.run();
        }
        unbinders.clear();
        current = g;
        bindHooks(g);
        if (router != null) {
            bindRoutes(g);
            serveAgain(g);
        }
        if (old != null) {
            old.close();
        }
        LOG.log(System.Logger.Level.INFO, "reloaded the JS hooks");
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void bindHooks(Generation g) {
        Map<String, Hook<?>> hooks = app.hooksByName();
        for (Registration r : g.registrations()) {
            switch (r) {
                case Registration.HookHandler h -> {
                    Hook hook = hooks.get(h.hook());
                    if (hook == null) {
                        LOG.log(System.Logger.Level.WARNING, "no hook " + h.hook() + " in this app; its JS handler is ignored");
                        continue;
                    }
                    String id = hook.bind(new Hook.Handler<HookEvent>("", 0, ev -> runHook(g, h, ev)));
                    unbinders.add(() -> hook.unbind(id));
                }
                case Registration.CronAdd c -> {
                    app.cron().add(c.id(), c.expression(), () -> g.call(c.index()));
                    unbinders.add(() -> app.cron().remove(c.id()));
                }
                case Registration.CronRemove c -> app.cron().remove(c.id());
                default -> { }
            }
        }
    }

    private void runHook(Generation g, Registration.HookHandler h, HookEvent ev) {
        if (!h.tags().isEmpty() && ev instanceof Tagged t && t.tags().stream().noneMatch(h.tags()::contains)) {
            ev.next();
            return;
        }
        if (h.style() == 2) {
            ev.next();
        }
        Object arg = ev instanceof io.pb4j.core.ServeEvent se
                ? new GoView(new JsServeRouter.JsServeEvent(new JsServeRouter(this, se.router()), app, java.util.Optional.of(se)), java.util.Optional.of(se))
                : Convert.toJs(ev);
        g.call(h.index(), arg);
        if (h.style() == 1) {
            ev.next();
        }
    }

    private void bindRoutes(Generation g) {
        Router r = router;
        if (r == null || g == null) {
            return;
        }
        for (Slot s : routes.values()) {
            s.index = -1;
        }
        int n = 0;
        for (Registration reg : g.registrations()) {
            switch (reg) {
                case Registration.Route route -> {
                    String key = route.method() + " " + route.path();
                    Slot slot = routes.computeIfAbsent(key, k -> {
                        Slot s = new Slot();
                        s.route = r.add(route.method(), route.path(), e -> runRoute(key, e));
                        return s;
                    });
                    slot.generation = g;
                    slot.index = route.index();
                    List<String> ids = new ArrayList<>();
                    for (Registration.Mw mw : route.middlewares()) {
                        Hook.Handler<RequestEvent> handler = handler(g, mw, "pbJsRoute" + (n++));
                        slot.route.bind(handler);
                        ids.add(handler.id());
                    }
                    Route bound = slot.route;
                    unbinders.add(() -> bound.unbind(ids.toArray(String[]::new)));
                }
                case Registration.Use use -> {
                    List<String> ids = new ArrayList<>();
                    for (Registration.Mw mw : use.middlewares()) {
                        Hook.Handler<RequestEvent> handler = handler(g, mw, "pbJsUse" + (n++));
                        r.bind(handler);
                        ids.add(handler.id());
                    }
                    unbinders.add(() -> r.unbind(ids.toArray(String[]::new)));
                }
                default -> { }
            }
        }
    }

    private static Hook.Handler<RequestEvent> handler(Generation g, Registration.Mw mw, String generatedId) {
        return switch (mw) {
            case Registration.JavaMw j -> {
                Middleware m = j.middleware();
                yield new Hook.Handler<>(m.id().isEmpty() ? generatedId : m.id(), m.priority(), m.handler()::handle);
            }
            case Registration.ScriptMw s -> new Hook.Handler<>(s.id().isEmpty() ? generatedId : s.id(), s.priority(),
                    e -> runMiddleware(g, s.index(), e));
        };
    }

    /** Runs a middleware of either style: {@code (e) => e.next()} or {@code (next) => (c) => next(c)}. */
    private static void runMiddleware(Generation g, int index, RequestEvent e) {
        Hybrid view = Hybrid.of(new JsRequestEvent(e));
        g.with(c -> {
            org.graalvm.polyglot.Value result = g.call(index, view);
            if (result != null && result.canExecute()) {
                try {
                    result.execute(view);
                } catch (org.graalvm.polyglot.PolyglotException pe) {
                    throw ScriptError.translate(pe);
                }
            }
            return null;
        });
    }

    private void runRoute(String key, RequestEvent e) {
        Slot s = routes.get(key);
        var fn = s == null ? null : s.fn;
        if (fn != null) {
            fn.apply(new Object[] {Convert.toJs(e)});
            return;
        }
        if (s == null || s.index < 0) {
            throw ApiException.notFound();
        }
        s.generation.call(s.index, Hybrid.of(new JsRequestEvent(e)));
    }

    /**
     * After a reload, the new files' {@code onServe} handlers run again (the app serves already, so its
     * {@code onServe} does not fire): their routes replace the old functions, and routes no longer added answer 404.
     */
    private void serveAgain(Generation g) {
        for (Slot s : routes.values()) {
            s.fn = null;
        }
        for (Registration reg : g.registrations()) {
            if (reg instanceof Registration.HookHandler h && h.hook().equals("OnServe")) {
                try {
                    g.call(h.index(), new GoView(new JsServeRouter.JsServeEvent(new JsServeRouter(this, router), app, java.util.Optional.empty())));
                } catch (RuntimeException ex) {
                    LOG.log(System.Logger.Level.ERROR, "a reloaded JS onServe handler failed: " + ex.getMessage());
                    app.logger().error("A reloaded JS onServe handler failed", "error", String.valueOf(ex.getMessage()));
                }
            }
        }
    }

    /** A route a JS {@code onServe} adds: bound once per method and path, pointed at the newest function. */
    Route servedRoute(io.pb4j.core.router.RouterGroup group, String method, String path,
                      java.util.function.Function<Object[], org.graalvm.polyglot.Value> fn) {
        String key = "serve " + method + " " + group.prefix() + path;
        Slot slot = routes.computeIfAbsent(key, k -> {
            Slot s = new Slot();
            s.route = group.add(method, path, e -> runRoute(key, e));
            return s;
        });
        slot.fn = fn;
        return slot.route;
    }

    /** A group a JS {@code onServe} makes: the same prefix gives the same group after a reload. */
    io.pb4j.core.router.RouterGroup servedGroup(io.pb4j.core.router.RouterGroup parent, String prefix) {
        return servedGroups.computeIfAbsent(parent.prefix() + prefix, k -> parent.group(prefix));
    }

    /** Binds a middleware a JS {@code onServe} gave; it is unbound when the files are reloaded. */
    void bindServed(java.util.function.Consumer<Hook.Handler<RequestEvent>> bind, java.util.function.Consumer<String[]> unbind,
                    org.graalvm.polyglot.Value middleware) {
        Hook.Handler<RequestEvent> h = JsServeRouter.handler(middleware, "pbJsServe" + servedIds.incrementAndGet());
        bind.accept(h);
        synchronized (this) {
            unbinders.add(() -> unbind.accept(new String[] {h.id()}));
        }
    }

    private synchronized void close() {
        if (watcher != null) {
            watcher.stop();
        }
        if (current != null) {
            current.close();
        }
        if (engine != null) {
            engine.close(true);
        }
    }
}
