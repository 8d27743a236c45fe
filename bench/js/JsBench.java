import io.pb4j.core.Collection;
import io.pb4j.core.PocketBase;
import io.pb4j.core.field.TextField;
import io.pb4j.js.JsHooksOptions;
import io.pb4j.js.JsHooksPlugin;
import jakarta.json.Json;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * bench/run --suite=js: a JS route returning JSON and a JS onRecordCreate hook, each beside the same thing in Java,
 * in one server process (pb4j on the module path, pb-js with GraalJS). Prints requests per second (noise on a busy
 * machine) and the process CPU time per request (what load does not distort), and the JS/Java ratios.
 * Options: --requests=N (per round, default 4000), --rounds=N (default 3), --threads=N (default 8), --pool=N;
 * --startup=hooks|none measures start-up instead (bench/run --suite=js --startup runs both, each in a fresh JVM).
 */
public final class JsBench {
    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new java.util.HashMap<>(Map.of("requests", "4000", "rounds", "3", "threads", "8", "pool", "8"));
        for (String a : args) {
            if (a.startsWith("--") && a.contains("=")) {
                opt.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            }
        }
        if (opt.containsKey("startup")) {
            startup(opt.get("startup").equals("hooks"), Integer.parseInt(opt.get("pool")));
            return;
        }
        int requests = Integer.parseInt(opt.get("requests"));
        int rounds = Integer.parseInt(opt.get("rounds"));
        int threads = Integer.parseInt(opt.get("threads"));
        Path root = Files.createTempDirectory("pb4j-js-bench");
        Path hooks = Files.createDirectories(root.resolve("pb_hooks"));
        Files.writeString(hooks.resolve("bench.pb.js"), """
                routerAdd("GET", "/bench/js", (e) => e.json(200, { message: "hello", n: 1, ok: true }))
                onRecordCreate((e) => {
                    e.record.set("title", e.record.getString("title") + "!")
                    e.next()
                }, "js_posts")
                """);
        long t0 = System.nanoTime();
        JsHooksOptions options = new JsHooksOptions(hooks, false, Integer.parseInt(opt.get("pool")), root.resolve("pb_migrations"));
        PocketBase app = PocketBase.create(cfg -> cfg.dataDir(root.resolve("pb_data")).plugin(new JsHooksPlugin(options)));
        app.onServe().bind("bench", 0, se -> {
            se.router().get("/bench/java", e -> e.json(200, Json.createObjectBuilder().add("message", "hello").add("n", 1).add("ok", true).build()));
            se.next();
        });
        app.onRecordCreate("java_posts").bind(e -> {
            e.record().set("title", e.record().getString("title") + "!");
            e.next();
        });
        app.bootstrap();
        for (String name : List.of("js_posts", "java_posts")) {
            app.save(Collection.builder().name(name).type(Collection.BASE).createRule("")
                    .fields(List.of(TextField.primaryKeyField(), TextField.builder("title").build())).build());
        }
        String base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0);
        try (var engine = org.graalvm.polyglot.Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false").build()) {
            System.out.println("GraalJS runtime: " + engine.getImplementationName());
        }
        System.out.printf("start-up with hooks (bootstrap + load + serve): %d ms%n", (System.nanoTime() - t0) / 1_000_000);

        HttpClient http = HttpClient.newBuilder().executor(java.util.concurrent.Executors.newFixedThreadPool(threads)).build();
        String[][] scenarios = {{"route java", "GET", "/bench/java"}, {"route js", "GET", "/bench/js"},
                {"create java hook", "POST", "/api/collections/java_posts/records"}, {"create js hook", "POST", "/api/collections/js_posts/records"}};
        // warm-up: both sides, so the JS contexts and the JIT have seen every path
        for (String[] s : scenarios) {
            run(http, base, s, requests, threads);
        }
        Map<String, double[]> sum = new java.util.LinkedHashMap<>();
        for (int r = 0; r < rounds; r++) {
            for (String[] s : scenarios) {
                double[] m = run(http, base, s, requests, threads);
                sum.merge(s[0], m, (a, b) -> new double[] {a[0] + b[0], a[1] + b[1]});
            }
        }
        System.out.printf("%-18s %12s %16s%n", "scenario", "req/s", "CPU us/request");
        for (var e : sum.entrySet()) {
            System.out.printf("%-18s %12.0f %16.1f%n", e.getKey(), e.getValue()[0] / rounds, e.getValue()[1] / rounds);
        }
        double[] rj = sum.get("route java"), rs = sum.get("route js"), cj = sum.get("create java hook"), cs = sum.get("create js hook");
        System.out.printf("JS/Java throughput: route %.2fx, create %.2fx; CPU per request: route %.2fx, create %.2fx%n",
                rs[0] / rj[0], cs[0] / cj[0], rs[1] / rj[1], cs[1] / cj[1]);
        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap used %d MB; RSS %s%n", (rt.totalMemory() - rt.freeMemory()) >> 20, rss());
        app.close();
        System.exit(0);
    }

    /**
     * --startup=hooks|none: this process's CPU time from before the app is made to the first 200 of GET /api/health,
     * with a pb_hooks folder (a route, a record hook, a cron and a template) or none; then the CPU spent in the 3 s
     * after it (background work such as prewarming contexts). The launcher's compile of this file is before t0.
     */
    private static void startup(boolean hooks, int pool) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Path root = Files.createTempDirectory("pb4j-js-startup");
        Path dir = Files.createDirectories(root.resolve("pb_hooks"));
        if (hooks) {
            Files.writeString(dir.resolve("main.pb.js"), """
                    routerAdd("GET", "/hello/{name}", (e) => e.json(200, { message: "Hello " + e.request.pathValue("name") }))
                    onRecordCreate((e) => { e.record.set("title", e.record.getString("title") + "!"); e.next() }, "posts")
                    cronAdd("tick", "*/5 * * * *", () => $app.logger().info("tick"))
                    routerAdd("GET", "/page", (e) => e.html(200, $template.loadString("<p>{{.name}}</p>").render({ name: "x" })))
                    """);
        }
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        JsHooksOptions options = new JsHooksOptions(dir, false, pool, root.resolve("pb_migrations"));
        PocketBase app = PocketBase.create(cfg -> cfg.dataDir(root.resolve("pb_data")).plugin(new JsHooksPlugin(options)));
        app.bootstrap();
        String base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0);
        HttpClient http = HttpClient.newHttpClient();
        while (http.send(HttpRequest.newBuilder(URI.create(base + "/api/health")).build(), HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            Thread.sleep(5);
        }
        long cpu1 = os.getProcessCpuTime();
        long t1 = System.nanoTime();
        Thread.sleep(3000);
        long cpu2 = os.getProcessCpuTime();
        System.out.printf("start-up %-5s: first 200 after %5d ms wall, %5d ms CPU; CPU in the next 3 s: %4d ms; threads %d; RSS %s%n",
                hooks ? "hooks" : "none", (t1 - t0) / 1_000_000, (cpu1 - cpu0) / 1_000_000, (cpu2 - cpu1) / 1_000_000,
                Thread.activeCount(), rss());
        app.close();
        System.exit(0);
    }

    /** Sends {@code n} requests from {@code threads} workers; returns {req/s, process CPU us per request}. */
    private static double[] run(HttpClient http, String base, String[] s, int n, int threads) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        AtomicInteger left = new AtomicInteger(n);
        AtomicInteger failures = new AtomicInteger();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            workers.add(Thread.ofPlatform().start(() -> {
                while (left.getAndDecrement() > 0) {
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + s[2]));
                    if (s[1].equals("POST")) {
                        b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"t\"}"));
                    }
                    try {
                        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            failures.incrementAndGet();
                        }
                    } catch (Exception ex) {
                        failures.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread t : workers) {
            t.join();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpuUs = (os.getProcessCpuTime() - cpu0) / 1e3 / n;
        if (failures.get() > 0) {
            throw new IllegalStateException(s[0] + ": " + failures.get() + " requests failed");
        }
        return new double[] {n / secs, cpuUs};
    }

    private static String rss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return line.substring(6).strip();
                }
            }
        } catch (java.io.IOException ex) {
            return "?";
        }
        return "?";
    }
}
