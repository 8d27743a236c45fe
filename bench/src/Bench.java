import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark harness: starts a real pb4j server, seeds a {@code posts} collection through the API, measures four
 * scenarios over HTTP keep-alive and the same SQL on raw sqlite-jdbc, and writes bench/results/latest.md.
 * Options ({@code --name=value}): server=image|modules, image=DIR (default pb-cli/target/image), client=wrk|java, connections=16, warmup=5, measure=10 (seconds),
 * max-requests=200000 (per measured phase), records=10000, raw-threads=nproc, quiet-wait=60 (seconds).
 */
public final class Bench {
    static final String EMAIL = "bench@example.com";
    static final String PASSWORD = "bench-password-123";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Map<String, String> opt;
    private final Path repo = Path.of("").toAbsolutePath();
    private final Path work = repo.resolve("bench/target/run");
    private String client;
    private String base;
    private final Map<String, Load.Stats> api = new LinkedHashMap<>();
    private final Map<String, Load.Stats> raw = new LinkedHashMap<>();
    private final Map<String, Double> cpuShare = new HashMap<>();
    /** Cores used by processes other than the server and the harness (and its wrk runs) during each scenario. */
    private final Map<String, Double> apiOthers = new HashMap<>();
    private final Map<String, Double> rawOthers = new HashMap<>();

    private Bench(Map<String, String> opt) {
        this.opt = opt;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>(Map.of("connections", "16", "warmup", "5", "measure", "10",
                "max-requests", "200000", "records", "10000", "quiet-wait", "60",
                "raw-threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
        for (String a : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            opt.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        new Bench(opt).run();
    }

    private int num(String name) {
        return Integer.parseInt(opt.get(name));
    }

    private void run() throws Exception {
        Path image = Path.of(opt.getOrDefault("image", Server.image(repo).toString()));
        String variant = opt.getOrDefault("server", Files.isExecutable(image.resolve("bin/pb4j")) ? "image" : "modules");
        client = opt.getOrDefault("client", Wrk.installed() ? "wrk" : "java");
        opt.put("client", client);
        Report.deleteTree(work);
        Files.createDirectories(work);
        Report report = new Report(repo, image, variant, opt);
        int records = num("records");
        int pages = records / 20;
        List<String> ids;

        log("starting the server (" + variant + ")");
        awaitQuietMachine(null);
        try (Server server = Server.start(variant, image, repo, work.resolve("pb_data"), EMAIL, PASSWORD, work.resolve("server.log"))) {
            base = "http://127.0.0.1:" + server.port;
            report.startup(server.startupMs, server.note);
            Thread.sleep(1000);
            report.rssIdle(server.rssMiB());
            createCollection();
            log("seeding " + records + " records through the API");
            long t0 = System.nanoTime();
            ids = seed(records);
            report.seed(records, (System.nanoTime() - t0) / 1e9);
            Raw.copy(work.resolve("pb_data/data.db"), work.resolve("raw.db"));

            String records_ = "/api/collections/posts/records";
            Files.write(work.resolve("ids.txt"), ids);
            measure(server, "list perPage=20", "list", w -> () -> get(records_ + "?perPage=20&page=" + page(pages)));
            measure(server, "list perPage=20 skipTotal=1", "skipTotal", w -> () -> get(records_ + "?perPage=20&skipTotal=1&page=" + page(pages)));
            measure(server, "getOne by id", "getOne", w -> () -> get(records_ + "/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size()))));
            measure(server, "create", "create", w -> () -> post(records_, body(), ""));
            report.rssAfterLoad(server.rssMiB());
        }
        log("restarting the server on the seeded data dir");
        awaitQuietMachine(null);
        try (Server again = Server.start(variant, image, repo, work.resolve("pb_data"), EMAIL, PASSWORD, work.resolve("server-restart.log"))) {
            report.restart(again.startupMs, again.note);
        }

        log("raw sqlite-jdbc baseline");
        Raw db = new Raw(work.resolve("raw.db"));
        int rt = num("raw-threads");
        measureRaw("list perPage=20", rt, w -> unchecked(() -> db.list(pages, false)));
        measureRaw("list perPage=20 skipTotal=1", rt, w -> unchecked(() -> db.list(pages, true)));
        measureRaw("getOne by id", rt, w -> unchecked(() -> db.getOne(ids)));
        measureRaw("create", 1, w -> unchecked(db::insert));
        report.write(api, raw, cpuShare, apiOthers, rawOthers);
    }

    /**
     * An HTTP scenario through wrk ({@code wrkKind} selects its Lua request) or HttpClient ({@code op}); also records
     * the server's share of all CPU time used meanwhile (the rest is the load generator's).
     */
    private void measure(Server server, String scenario, String wrkKind, IntFunction<Load.Op> op) throws Exception {
        log(scenario);
        awaitQuietMachine(server);
        double server0 = server.cpuSeconds();
        double client0 = clientCpuSeconds();
        double busy0 = machineBusySeconds();
        long t0 = System.nanoTime();
        Load.Stats s = client.equals("wrk")
                ? Wrk.run(base, wrkKind, num("records") / 20, work.resolve("ids.txt"), num("connections"),
                        Duration.ofSeconds(num("warmup")), Duration.ofSeconds(num("measure")), num("max-requests"))
                : load(num("connections"), op);
        log(String.format("  %s: %.0f/s p50 %.2f ms p99 %.2f ms, %d errors %s", client, s.perSecond(), s.p50(), s.p99(),
                s.errors(), s.firstError()));
        api.put(scenario, s);
        double serverCpu = server.cpuSeconds() - server0;
        double clientCpu = clientCpuSeconds() - client0;
        cpuShare.put(scenario, serverCpu / (serverCpu + clientCpu));
        apiOthers.put(scenario, (machineBusySeconds() - busy0 - serverCpu - clientCpu) / ((System.nanoTime() - t0) / 1e9));
    }

    private void measureRaw(String scenario, int threads, IntFunction<Load.Op> op) throws Exception {
        log("raw " + scenario);
        awaitQuietMachine(null);
        double self0 = clientCpuSeconds();
        double busy0 = machineBusySeconds();
        long t0 = System.nanoTime();
        raw.put(scenario, load(threads, op));
        double self = clientCpuSeconds() - self0;
        rawOthers.put(scenario, (machineBusySeconds() - busy0 - self) / ((System.nanoTime() - t0) / 1e9));
    }

    /**
     * Waits, at most {@code --quiet-wait} seconds (default 60), until other processes use less than 0.2 cores over
     * one second: the machine is shared, and a neighbour's build would be measured as pb4j's slowness.
     */
    private void awaitQuietMachine(Server server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(num("quiet-wait")).toNanos();
        while (true) {
            double busy0 = machineBusySeconds();
            double mine0 = clientCpuSeconds() + (server == null ? 0 : server.cpuSeconds());
            Thread.sleep(1000);
            double others = machineBusySeconds() - busy0 - (clientCpuSeconds() + (server == null ? 0 : server.cpuSeconds()) - mine0);
            if (others < 0.2) {
                return;
            }
            if (System.nanoTime() > deadline) {
                log(String.format("  other processes still use %.2f cores; measuring anyway", others));
                return;
            }
            log(String.format("  waiting: other processes use %.2f cores", others));
        }
    }

    /** CPU seconds all processes have used (user, nice, system, irq, softirq, steal), from /proc/stat. */
    private static double machineBusySeconds() throws IOException {
        String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
        long ticks = 0;
        for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
            ticks += Long.parseLong(f[i]);
        }
        return ticks / 100.0;
    }

    /** CPU seconds of this JVM and of its finished children (wrk runs), from /proc/self/stat. */
    private static double clientCpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14])) / 100.0;
    }


    private Load.Stats load(int workers, IntFunction<Load.Op> op) throws InterruptedException {
        Load.Stats s = Load.run(workers, Duration.ofSeconds(num("warmup")), Duration.ofSeconds(num("measure")),
                num("max-requests"), op);
        log(String.format("  %d threads: %.0f/s p50 %.2f ms p99 %.2f ms, %d errors %s", workers, s.perSecond(), s.p50(),
                s.p99(), s.errors(), s.firstError()));
        return s;
    }

    private void createCollection() throws Exception {
        String auth = post("/api/collections/_superusers/auth-with-password",
                "{\"identity\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD + "\"}", "");
        Matcher m = TOKEN.matcher(auth);
        if (!m.find()) {
            throw new IllegalStateException("no token in " + auth);
        }
        post("/api/collections", """
                {"name":"posts","type":"base","listRule":"","viewRule":"","createRule":"",
                 "fields":[{"name":"title","type":"text"},{"name":"views","type":"number"}]}""", m.group(1));
    }

    /** Creates records through the API from as many threads as there are connections; returns their ids. */
    private List<String> seed(int n) throws InterruptedException {
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < num("connections"); w++) {
            threads.add(Thread.ofVirtual().start(() -> {
                while (next.getAndIncrement() < n) {
                    try {
                        Matcher m = ID.matcher(post("/api/collections/posts/records", body(), ""));
                        ids.add(m.find() ? m.group(1) : "");
                    } catch (Exception e) {
                        throw new IllegalStateException("seeding failed", e);
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (ids.size() != n || ids.contains("")) {
            throw new IllegalStateException("seeded " + ids.size() + " of " + n + " records");
        }
        return List.copyOf(ids);
    }

    private static String body() {
        int n = ThreadLocalRandom.current().nextInt(1_000_000);
        return "{\"title\":\"post " + n + "\",\"views\":" + n + "}";
    }

    private static int page(int pages) {
        return 1 + ThreadLocalRandom.current().nextInt(pages);
    }

    private String get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    private String post(String path, String json, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (!token.isEmpty()) {
            b.header("Authorization", token);
        }
        return send(b.build());
    }

    private static String send(HttpRequest req) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(req.method() + " " + req.uri().getPath() + ": HTTP " + r.statusCode() + " "
                    + r.body().substring(0, Math.min(200, r.body().length())));
        }
        return r.body();
    }

    /** PocketBase-style 15-character id. */
    static String randomId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        char[] id = new char[15];
        for (int i = 0; i < id.length; i++) {
            id[i] = alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length()));
        }
        return new String(id);
    }

    interface SqlOpFactory {
        Load.Op create() throws Exception;
    }

    private static Load.Op unchecked(SqlOpFactory f) {
        try {
            return f.create();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void log(String line) {
        System.out.println("[bench] " + line);
    }
}
