package io.pb4j.test;

import io.pb4j.core.Config;
import io.pb4j.core.PocketBase;
import io.pb4j.core.hook.Hook;
import io.pb4j.core.hook.HookEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * PocketBase's {@code tests.TestApp}: a pb4j app on a temporary data dir (empty, or a copy of yours, never opened in
 * place), bootstrapped and served on {@code 127.0.0.1} on a free port, that counts every hook call of its catalogue
 * ({@link #eventCalls()}). {@link #close()} stops it and deletes the copy. The plugins are the ones the app finds on
 * the module path (pb-http for HTTP, pb-auth for the auth routes …), as for the app itself.
 *
 * <pre>{@code
 * try (TestApp t = TestApp.fromDir(Path.of("src/test/resources/pb_data"))) {
 *     t.app().onRecordCreateRequest("orders").bindFunc(e -> { ...; e.next(); });
 *     ApiResponse r = t.send("GET", "/api/collections/orders/records", Map.of(), "");
 * }
 * }</pre>
 *
 * <p>Thread-safe as the app; the counts are per app.
 */
public final class TestApp implements AutoCloseable {
    private static final String COUNTER_ID = "__pb4jTestAppEventCounter";

    private final PocketBase app;
    private final Path dir;
    private final String baseUrl;
    /** Every node of the app (one, unless made by {@link #ofNodes}), each served on a port of its own. */
    private final java.util.List<PocketBase> nodes;
    private final java.util.List<String> nodeUrls;
    /** Which node {@link #send} talks to next, round robin. */
    private final AtomicInteger turn = new AtomicInteger(1);
    private final java.util.Optional<RoundRobinProxy> proxy;
    private final Map<String, AtomicInteger> eventCalls = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();

    private TestApp(Path dir, Consumer<Config.Builder> configurer) {
        this(PocketBase.create(cfg -> configurer.accept(cfg.dataDir(dir))), dir);
    }

    private TestApp(PocketBase app, Path dir) {
        this(java.util.List.of(app), dir);
    }

    private TestApp(java.util.List<PocketBase> nodes, Path dir) {
        this.dir = dir;
        this.app = nodes.get(0);
        this.nodes = java.util.List.copyOf(nodes);
        java.util.List<String> urls = new java.util.ArrayList<>();
        java.util.List<Integer> ports = new java.util.ArrayList<>();
        for (PocketBase node : nodes) {
            if (!node.isBootstrapped()) {
                node.bootstrap();
            }
            // one count per hook name over every node: a request counts wherever the balancer sent it
            node.hooksByName().forEach((name, hook) -> count(hook, eventCalls.computeIfAbsent(name, k -> new AtomicInteger())));
            int port = node.serve("127.0.0.1", 0);
            ports.add(port);
            urls.add("http://127.0.0.1:" + port);
        }
        this.nodeUrls = java.util.List.copyOf(urls);
        this.proxy = nodes.size() == 1 ? java.util.Optional.empty() : java.util.Optional.of(new RoundRobinProxy(ports));
        this.baseUrl = proxy.map(RoundRobinProxy::baseUrl).orElse(nodeUrls.get(0));
    }

    /** An app over a new, empty temporary data dir. */
    public static TestApp create() {
        return create(cfg -> {
        });
    }

    /** {@link #create()} with more configuration, e.g. {@code cfg -> cfg.encryptionEnv("MY_KEY")}. */
    public static TestApp create(Consumer<Config.Builder> configurer) {
        return new TestApp(tempDir(), configurer);
    }

    /**
     * Your own app, created (with its hooks and routes bound, as your {@code main} does) over a temporary data dir:
     * bootstrapped here unless it already is, then served on {@code 127.0.0.1} on a free port. The kit owns it from
     * now on: {@link #close()} closes it and deletes its data dir.
     *
     * <pre>{@code
     * TestApp t = TestApp.of(MyApp.create("--dir", Files.createTempDirectory("my-app").toString()));
     * }</pre>
     */
    public static TestApp of(PocketBase app) {
        return new TestApp(app, app.config().dataDir());
    }

    /**
     * Your app as several nodes on one shared store (e.g. PostgreSQL, each node created with the same {@code --db} and,
     * for files, the same data dir or S3), as behind a load balancer: each node is bootstrapped here unless it already
     * is and served on {@code 127.0.0.1} on a port of its own; {@link #baseUrl()} is a {@link RoundRobinProxy} in front
     * of them (for clients of your own, such as the SDK), {@link #send} alternates between the nodes request by request,
     * starting with the second (so a request that follows a setup made through {@link #app()} lands on another node),
     * and {@link #eventCalls()} counts the hook calls of every node together. {@link #app()} is the first node. Hooks
     * bound in a test belong on every node ({@link #nodes()}), as your {@code main} binds them on each. {@link #close()}
     * closes every node and deletes their data dirs.
     */
    public static TestApp ofNodes(java.util.List<PocketBase> nodes) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("no nodes");
        }
        return new TestApp(nodes, nodes.get(0).config().dataDir());
    }

    /** An app over a temporary copy of {@code dataDir} (PocketBase's {@code tests.NewTestApp(dataDir)}). */
    public static TestApp fromDir(Path dataDir) {
        return fromDir(dataDir, cfg -> {
        });
    }

    /** {@link #fromDir(Path)} with more configuration. */
    public static TestApp fromDir(Path dataDir, Consumer<Config.Builder> configurer) {
        Path copy = tempDir();
        try (Stream<Path> files = Files.walk(dataDir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = copy.resolve(dataDir.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        } catch (IOException e) {
            delete(copy);
            throw new UncheckedIOException("cannot copy " + dataDir + " to " + copy, e);
        }
        return new TestApp(copy, configurer);
    }

    /** The app, to bind hooks, add routes or read the data. */
    public PocketBase app() {
        return app;
    }

    /** Every node of the app, the first being {@link #app()}: one, unless made by {@link #ofNodes}. */
    public java.util.List<PocketBase> nodes() {
        return nodes;
    }

    /** The temporary data dir. */
    public Path dataDir() {
        return dir;
    }

    /** {@code http://127.0.0.1:<port>}: the app's, or the proxy's in front of its {@link #nodes()}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Hook calls so far by PocketBase's hook name ({@code OnRecordCreateRequest} …), those that fired only, sorted. */
    public Map<String, Integer> eventCalls() {
        Map<String, Integer> out = new TreeMap<>();
        eventCalls.forEach((name, n) -> {
            if (n.get() > 0) {
                out.put(name, n.get());
            }
        });
        return out;
    }

    /** Starts counting from zero (PocketBase's {@code ResetEventCalls}). */
    public void resetEventCalls() {
        eventCalls.values().forEach(n -> n.set(0));
    }

    /**
     * Sends a request to the app; {@code headers} as given, {@code body} as is ({@code ""}: none). A JSON body gets
     * {@code Content-Type: application/json} unless {@code headers} name one.
     */
    public ApiResponse send(String method, String path, Map<String, String> headers, String body) {
        String node = nodeUrls.get(Math.floorMod(turn.getAndIncrement(), nodeUrls.size()));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node + path))
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        boolean typed = headers.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("Content-Type"));
        String start = body.stripLeading();
        if (!typed && (start.startsWith("{") || start.startsWith("["))) {
            b.header("Content-Type", "application/json");
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new ApiResponse(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + method + " " + path, e);
        }
    }

    /** Stops the app (every node) and deletes its temporary data dirs. */
    @Override
    public void close() {
        proxy.ifPresent(RoundRobinProxy::close);
        try {
            for (PocketBase node : nodes.reversed()) {
                node.close();
            }
        } finally {
            nodes.stream().map(n -> n.config().dataDir()).distinct().forEach(TestApp::delete);
        }
    }

    /** Counted first, whatever the other handlers do (the lowest priority runs first). */
    private static <E extends HookEvent> void count(Hook<E> hook, AtomicInteger n) {
        hook.bind(new Hook.Handler<>(COUNTER_ID, Integer.MIN_VALUE, e -> {
            n.incrementAndGet();
            e.next();
        }));
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("pb4j-test-app");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp dir is no reason to fail the test
        }
    }
}
