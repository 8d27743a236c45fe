package io.pb4j.js.internal;

import io.pb4j.core.PocketBase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

/**
 * One load of the hook files: a pool of contexts that each ran them (the first at load, so a script error fails the
 * load; the others when calls overlap, up to the pool size: start-up pays for one context, not fifteen), and what
 * the first one registered. A handler borrows an idle
 * context for its call (a nested call on the same thread reuses the one it holds), so no context is ever used by two
 * threads at once.
 */
final class Generation implements AutoCloseable {
    private static final ThreadLocal<JsContext> CURRENT = new ThreadLocal<>();
    private static final String PRELUDE = prelude();

    private final PocketBase app;
    private final Engine engine;
    private final Path hooksDir;
    private final List<Source> sources;
    private final BlockingQueue<JsContext> idle = new LinkedBlockingQueue<>();
    private final List<JsContext> all = new CopyOnWriteArrayList<>();
    private final List<Registration> registrations;
    private volatile boolean closed;
    private final int poolSize;
    /** Contexts made so far: the first at load, the others when a call finds none idle (up to the pool size). */
    private final java.util.concurrent.atomic.AtomicInteger created = new java.util.concurrent.atomic.AtomicInteger(1);

    /** Loads {@code files} into the first context; throws {@link ScriptError} naming the file and line on failure. */
    Generation(PocketBase app, Engine engine, Path hooksDir, List<Path> files, int poolSize) {
        this.app = app;
        this.engine = engine;
        this.hooksDir = hooksDir;
        this.sources = files.stream().map(Generation::source).toList();
        this.poolSize = poolSize;
        JsContext first = create();
        this.registrations = List.copyOf(first.registrations);
        all.add(first);
        idle.add(first);
    }

    List<Registration> registrations() {
        return registrations;
    }

    int size() {
        return all.size();
    }

    private static Source source(Path file) {
        try {
            return Source.newBuilder("js", file.toFile()).name(file.getFileName().toString()).build();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private JsContext create() {
        Context context = newContext(engine, hooksDir);
        JsContext c = new JsContext(context);
        c.owner = this;
        try {
            context.getBindings("js").putMember("__pb", new GoView(new Registrar(app, c, hooksDir.toString())));
            context.eval(Source.newBuilder("js", PRELUDE, "pb4j-prelude.js").cached(true).buildLiteral());
            for (Source s : sources) {
                context.eval(s);
            }
            return c;
        } catch (PolyglotException pe) {
            c.close();
            throw new ScriptError(ScriptError.describe(pe));
        }
    }

    static Context newContext(Engine engine, Path hooksDir) {
        return Context.newBuilder("js").engine(engine)
                .allowIO(IOAccess.ALL)
                .allowExperimentalOptions(true)
                .option("js.commonjs-require", "true")
                .option("js.commonjs-require-cwd", hooksDir.toAbsolutePath().toString())
                .option("js.ecmascript-version", "2022")
                .build();
    }

    /** Runs {@code work} with this thread's context of this generation, borrowing an idle one when it holds none. */
    <T> T with(Function<JsContext, T> work) {
        JsContext held = CURRENT.get();
        if (held != null && all.contains(held)) {
            return work.apply(held);
        }
        return holding(borrow(), held, () -> work.apply(CURRENT.get()));
    }

    /** Runs {@code work} holding {@code c} (taken from the pool), then gives it back, or closes it after a reload. */
    private <T> T holding(JsContext c, JsContext held, java.util.function.Supplier<T> work) {
        CURRENT.set(c);
        try {
            return work.get();
        } finally {
            CURRENT.set(held);
            if (closed) {
                c.close();
            } else {
                idle.add(c);
            }
        }
    }

    /**
     * An idle context; when there is none and the pool is not full, a new one made on this thread (so start-up
     * loads the files once, and a quiet app never pays for contexts it does not use); else waits for one.
     */
    private JsContext borrow() {
        JsContext c = idle.poll();
        if (c != null) {
            return c;
        }
        for (int n = created.get(); n < poolSize; n = created.get()) {
            if (created.compareAndSet(n, n + 1)) {
                try {
                    JsContext made = create();
                    all.add(made);
                    return made;
                } catch (RuntimeException ex) {
                    created.decrementAndGet();
                    throw ex;
                }
            }
        }
        try {
            return idle.take();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a JS context", ex);
        }
    }

    /**
     * A function a script made at run time (a route added in {@code onServe}) as a Java call: it can run only in the
     * context that made it, so each call waits until that context is idle and holds it for the call.
     */
    static java.util.function.Function<Object[], Value> pinned(Value fn) {
        JsContext home = CURRENT.get();
        if (home == null || home.owner == null) {
            return args -> fn.execute(args);
        }
        Generation g = home.owner;
        return args -> g.inContext(home, () -> {
            try {
                return fn.execute(args);
            } catch (PolyglotException pe) {
                throw ScriptError.translate(pe);
            }
        });
    }

    private <T> T inContext(JsContext c, java.util.function.Supplier<T> work) {
        JsContext held = CURRENT.get();
        if (held == c) {
            return work.get();
        }
        while (!idle.remove(c)) {
            if (closed) {
                throw new IllegalStateException("the JS hooks were reloaded: this route's function is gone until a restart");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(50_000);
        }
        return holding(c, held, work);
    }

    /** Calls the {@code index}-th registered function with {@code args}; what it throws as the app's errors. */
    Value call(int index, Object... args) {
        return with(c -> {
            try {
                return settled(c.functions.get(index).execute(args));
            } catch (PolyglotException pe) {
                RuntimeException t = ScriptError.translate(pe);
                if (t.getCause() instanceof ScriptError se) {
                    app.logger().error("JS handler failed", "error", se.getMessage());
                    System.getLogger("io.pb4j.js").log(System.Logger.Level.WARNING, se.getMessage());
                }
                throw t;
            }
        });
    }

    /**
     * An async handler's promise, settled as PocketBase tries to: a rejection is thrown as the handler's error (the
     * promise's jobs run when the call into the context returns), a fulfilment gives its value.
     */
    private static Value settled(Value result) {
        if (result == null || result.isNull() || !result.hasMembers() || result.getMetaObject() == null
                || !"Promise".equals(result.getMetaObject().getMetaSimpleName())) {
            return result;
        }
        Value[] outcome = new Value[2];
        boolean[] rejected = new boolean[1];
        result.invokeMember("then", (org.graalvm.polyglot.proxy.ProxyExecutable) a -> {
            outcome[0] = a.length > 0 ? a[0] : null;
            return null;
        }, (org.graalvm.polyglot.proxy.ProxyExecutable) a -> {
            rejected[0] = true;
            outcome[1] = a.length > 0 ? a[0] : null;
            return null;
        });
        if (rejected[0]) {
            throw ScriptError.fromGuest(outcome[1]);
        }
        return outcome[0];
    }

    @Override
    public void close() {
        closed = true;
        JsContext c;
        while ((c = idle.poll()) != null) {
            c.close();
        }
    }

    static String preludeText() {
        return PRELUDE;
    }

    private static String prelude() {
        try (InputStream in = Generation.class.getResourceAsStream("prelude.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static List<Path> hookFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".pb.js") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
