import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The benchmark harness: starts a real pb4j server, sets up a suite's collections and data through the API, measures
 * each scenario over HTTP keep-alive and its raw sqlite-jdbc equivalent, and writes bench/results/latest.md.
 * Options ({@code --name=value}): suite=basic|pocketbase, server=image|modules, image=DIR (default pb-cli/target/image),
 * client=wrk|java, connections=32 (basic) or 16, warmup=5, measure=10 (seconds), max-requests=0 (a bound per measured phase of the
 * HttpClient and raw runs; 0 = none, wrk is bounded by time only),
 * records=10000 (basic) or 100000 (pocketbase), raw-threads=nproc, quiet-wait=60 (seconds), only=TEXT (just the
 * scenarios whose name contains TEXT).
 */
public final class Bench {
    static final String EMAIL = "bench@example.com";
    static final String PASSWORD = "bench-password-123";
    private static Report report;

    private final Map<String, String> opt;
    private final Path repo = Path.of("").toAbsolutePath();
    private final Path work = repo.resolve("bench/target/run");
    private String client;
    private final Map<String, Load.Stats> api = new LinkedHashMap<>();
    private final Map<String, Load.Stats> raw = new LinkedHashMap<>();
    private final Map<String, Double> cpuShare = new HashMap<>();
    /** Cores used by processes other than the server and the harness (and its wrk runs) during each scenario. */
    private final Map<String, Double> apiOthers = new HashMap<>();
    private final Map<String, Double> rawOthers = new HashMap<>();

    /** One SQL statement the server ran, with its parameters, as {@code serve --dev} prints it. */
    record Statement(String sql, Object[] params) {
    }

    private Bench(Map<String, String> opt) {
        this.opt = opt;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>(Map.of("suite", "basic", "warmup", "5",
                "measure", "10", "max-requests", "0", "quiet-wait", "60",
                "raw-threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
        for (String a : args) {
            String[] kv = a.replaceFirst("^--", "").split("=", 2);
            opt.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        opt.putIfAbsent("records", opt.get("suite").equals("pocketbase") ? "100000" : "10000");
        // issue 17's tail-latency goal is stated at 32 connections; --connections=16 gives the earlier runs' load
        opt.putIfAbsent("connections", opt.get("suite").equals("basic") ? "32" : "16");
        if (opt.get("suite").equals("cost")) {
            CostSuite.run(opt, Path.of("").toAbsolutePath(), Path.of("").toAbsolutePath().resolve("bench/target/run"));
            return;
        }
        if (opt.get("suite").equals("cluster")) {
            ClusterSuite.run(opt, Path.of("").toAbsolutePath(), Path.of("").toAbsolutePath().resolve("bench/target/run"));
            return;
        }
        if (opt.get("suite").equals("stall")) {
            opt.put("records", String.valueOf(Math.min(Integer.parseInt(opt.get("records")), 2000)));
            StallSuite.run(opt, Path.of("").toAbsolutePath(), Path.of("").toAbsolutePath().resolve("bench/target/run"));
            return;
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
        if (opt.get("suite").equals("files")) {
            FilesSuite.run(opt, repo, work, variant, image, EMAIL, PASSWORD);
            return;
        }
        report = new Report(repo, image, variant, opt);
        Path data = work.resolve("pb_data");
        Raw rawDb = new Raw(work.resolve("raw.db"));
        List<Scenario> scenarios;

        log("starting the server (" + variant + ")");
        awaitQuietMachine(null);
        try (Server server = Server.start(variant, image, repo, data, EMAIL, PASSWORD, work.resolve("server.log"), false)) {
            report.startup(server.startupMs, server.note);
            Thread.sleep(1000);
            report.rssIdle(server.rssMiB());
            Api http = new Api("http://127.0.0.1:" + server.port, num("connections"));
            http.superuserLogin(EMAIL, PASSWORD);
            scenarios = switch (opt.get("suite")) {
                case "basic" -> BasicSuite.setUp(http, rawDb, num("records"));
                case "pocketbase" -> {
                    List<Scenario> all = PocketBaseSuite.setUp(http, num("records"));
                    report.published(PocketBaseSuite.PUBLISHED);
                    yield all;
                }
                default -> throw new IllegalArgumentException("unknown --suite " + opt.get("suite") + " (basic, pocketbase)");
            };
            String only = opt.getOrDefault("only", "");
            scenarios = scenarios.stream().filter(s -> s.name().contains(only)).toList();
            Raw.copy(data.resolve("data.db"), work.resolve("raw.db"));
            for (int i = 0; i < scenarios.size(); i++) {
                measure(server, http, scenarios.get(i), work.resolve("requests-" + i + ".txt"));
            }
            report.rssAfterLoad(server.rssMiB());
        }
        if (api.containsKey("health")) {
            measureHello(scenarios.stream().filter(s -> s.name().equals("health")).findFirst().orElseThrow());
        }
        log("restarting the server on the seeded data dir");
        awaitQuietMachine(null);
        try (Server again = Server.start(variant, image, repo, data, EMAIL, PASSWORD, work.resolve("server-restart.log"), false)) {
            report.restart(again.startupMs, again.note);
        }
        Map<Scenario, List<Statement>> captured = new HashMap<>();
        if (scenarios.stream().anyMatch(s -> s.raw() == null)) {
            log("capturing the SQL of each scenario (serve --dev)");
            Path log = work.resolve("server-dev.log");
            try (Server dev = Server.start(variant, image, repo, data, EMAIL, PASSWORD, log, true)) {
                Api http = new Api("http://127.0.0.1:" + dev.port, 1);
                http.superuserLogin(EMAIL, PASSWORD);
                for (Scenario s : scenarios) {
                    if (s.raw() == null) {
                        long mark = Files.size(log);
                        s.before().run(http);
                        List<Statement> ddl = statementsSince(log, mark);
                        mark = Files.size(log);
                        http.sendLine(s.requests().getFirst(), s.token());
                        List<Statement> all = new ArrayList<>(ddl.stream().filter(Bench::isIndexDdl).toList());
                        all.addAll(statementsSince(log, mark).stream().filter(Bench::isRead).toList());
                        captured.put(s, all);
                    }
                }
            }
        }

        log("raw sqlite-jdbc baseline");
        for (Scenario s : scenarios) {
            List<Statement> statements = captured.get(s);
            if (s.raw() == Scenario.NONE) {
                continue;
            }
            if (statements != null) {
                rawDb.ddl(statements.stream().filter(Bench::isIndexDdl).map(Statement::sql).toList());
                List<Statement> reads = statements.stream().filter(Bench::isRead).toList();
                measureRaw(s, () -> rawDb.replay(reads));
            } else {
                measureRaw(s, s.raw());
            }
        }
        report.write(api, raw, cpuShare, apiOthers, rawOthers);
    }

    /** The {@code [sql]} lines the server logged after byte {@code mark} of its log. */
    private static List<Statement> statementsSince(Path log, long mark) throws IOException, InterruptedException {
        Thread.sleep(200);
        String text;
        try (FileChannel ch = FileChannel.open(log)) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate((int) (ch.size() - mark));
            ch.read(buf, mark);
            text = new String(buf.array(), StandardCharsets.UTF_8);
        }
        List<Statement> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            int at = line.lastIndexOf(" -- params: ");
            if (line.startsWith("[sql] ") && at > 0) {
                JsonArray values;
                try (var r = Json.createReader(new StringReader(line.substring(at + " -- params: ".length())))) {
                    values = r.readArray();
                }
                Object[] params = values.stream().map(Bench::plain).toArray();
                out.add(new Statement(line.substring("[sql] ".length(), at), params));
            }
        }
        return out;
    }

    private static Object plain(JsonValue v) {
        return switch (v) {
            case JsonString s -> s.getString();
            case JsonNumber n -> n.isIntegral() ? (Object) n.longValue() : n.doubleValue();
            default -> null;
        };
    }

    private static boolean isRead(Statement s) {
        String sql = s.sql().stripLeading().toUpperCase();
        return sql.startsWith("SELECT") || sql.startsWith("WITH");
    }

    private static boolean isIndexDdl(Statement s) {
        String sql = s.sql().stripLeading().toUpperCase();
        return sql.startsWith("CREATE INDEX") || sql.startsWith("CREATE UNIQUE INDEX") || sql.startsWith("DROP INDEX");
    }

    /**
     * An HTTP scenario through wrk or HttpClient; also records the server's share of all CPU time used meanwhile (the
     * rest is the load generator's).
     */
    private void measure(Server server, Api http, Scenario s, Path requests) throws Exception {
        log(s.name());
        s.before().run(http);
        Files.write(requests, s.requests());
        awaitQuietMachine(server);
        double server0 = server.cpuSeconds();
        double client0 = clientCpuSeconds();
        double busy0 = machineBusySeconds();
        long t0 = System.nanoTime();
        Load.Stats stats = client.equals("wrk")
                ? Wrk.run(http.base, requests, s.token(), num("connections"), Duration.ofSeconds(num("warmup")),
                        Duration.ofSeconds(num("measure")))
                : load(num("connections"), w -> () -> http.sendLine(
                        s.requests().get(ThreadLocalRandom.current().nextInt(s.requests().size())), s.token()));
        log(String.format("  %s: %.0f/s p50 %.2f ms p99 %.2f ms, %d errors %s", client, stats.perSecond(), stats.p50(),
                stats.p99(), stats.errors(), stats.firstError()));
        api.put(s.name(), stats);
        double serverCpu = server.cpuSeconds() - server0;
        double clientCpu = clientCpuSeconds() - client0;
        cpuShare.put(s.name(), serverCpu / (serverCpu + clientCpu));
        apiOthers.put(s.name(), (machineBusySeconds() - busy0 - serverCpu - clientCpu) / ((System.nanoTime() - t0) / 1e9));
    }

    /**
     * The bare Helidon hello ({@link HelloServer}) under the health scenario's load, once pb4j has stopped, in a JVM
     * with the image launcher's options; the report shows pb4j's health as ratios to it.
     */
    private void measureHello(Scenario health) throws Exception {
        String name = "bare Helidon SE hello, same body as /api/health";
        log(name);
        Hello started = startHello(repo);
        Process p = started.process();
        try {
            String base = started.base();
            Path requests = work.resolve("requests-hello.txt");
            Files.write(requests, health.requests());
            awaitQuietMachine(null);
            double client0 = clientCpuSeconds();
            double busy0 = machineBusySeconds();
            double hello0 = cpuSeconds(p.pid());
            long t0 = System.nanoTime();
            Api http = new Api(base, num("connections"));
            Load.Stats stats = client.equals("wrk")
                    ? Wrk.run(base, requests, "", num("connections"), Duration.ofSeconds(num("warmup")),
                            Duration.ofSeconds(num("measure")))
                    : load(num("connections"), w -> () -> http.sendLine(health.requests().getFirst(), ""));
            log(String.format("  %s: %.0f/s p50 %.2f ms p99 %.2f ms, %d errors %s", client, stats.perSecond(),
                    stats.p50(), stats.p99(), stats.errors(), stats.firstError()));
            double helloCpu = cpuSeconds(p.pid()) - hello0;
            double clientCpu = clientCpuSeconds() - client0;
            api.put(name, stats);
            cpuShare.put(name, helloCpu / (helloCpu + clientCpu));
            apiOthers.put(name, (machineBusySeconds() - busy0 - helloCpu - clientCpu) / ((System.nanoTime() - t0) / 1e9));
            report.versusHello(api.get("health"), stats);
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    /** A started {@link HelloServer} and its base URL. */
    record Hello(Process process, String base) {
    }

    /** Starts the bare Helidon hello ({@link HelloServer}) in a JVM with the image launcher's options. */
    static Hello startHello(Path repo) throws IOException {
        Path target = repo.resolve("bench/target");
        String classPath = target.resolve("classes") + java.io.File.pathSeparator
                + Files.readString(target.resolve("module-path")).strip() + "/*";
        ProcessBuilder hello = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "-XX:+UseSerialGC", "-Xms16m", "-Xmx192m", "-XX:MinHeapFreeRatio=15", "-XX:MaxHeapFreeRatio=40", "-cp",
                classPath, "HelloServer").redirectErrorStream(true);
        hello.environment().put("MALLOC_ARENA_MAX", "2");
        Process p = hello.start();
        var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()));
        String line = out.readLine();
        while (line != null && !line.startsWith("hello port=")) {
            line = out.readLine(); // Helidon's own start-up log lines
        }
        if (line == null) {
            p.destroy();
            throw new IllegalStateException("HelloServer exited before it listened");
        }
        Thread.ofPlatform().daemon().start(() -> { // drains the hello's output until it is stopped
            try {
                out.lines().forEach(l -> { });
            } catch (java.io.UncheckedIOException stopped) {
                // the stream closed with the process
            }
        });
        return new Hello(p, "http://127.0.0.1:" + line.substring("hello port=".length()).strip());
    }

    /** CPU seconds (user + system) of a process, from /proc/PID/stat. */
    static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }

    private void measureRaw(Scenario s, Scenario.RawOp op) throws Exception {
        log("raw " + s.name());
        awaitQuietMachine(null);
        double self0 = clientCpuSeconds();
        double busy0 = machineBusySeconds();
        long t0 = System.nanoTime();
        int threads = s.rawThreads() == Scenario.READERS ? num("raw-threads") : s.rawThreads();
        raw.put(s.name(), load(threads, w -> {
            try {
                return op.create();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        double self = clientCpuSeconds() - self0;
        rawOthers.put(s.name(), (machineBusySeconds() - busy0 - self) / ((System.nanoTime() - t0) / 1e9));
    }

    /**
     * Waits, at most {@code --quiet-wait} seconds (default 60), until everything but this harness uses less than 0.2
     * cores over one second: the machine is shared, and a neighbour's build would be measured as pb4j's slowness; and
     * the server itself must be idle too, since requests of a previous scenario whose client gave up may still run.
     */
    private void awaitQuietMachine(Server server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(num("quiet-wait")).toNanos();
        while (true) {
            double busy0 = machineBusySeconds();
            double server0 = server == null ? 0 : server.cpuSeconds();
            double mine0 = clientCpuSeconds();
            Thread.sleep(1000);
            double serverBusy = server == null ? 0 : server.cpuSeconds() - server0;
            double others = machineBusySeconds() - busy0 - (clientCpuSeconds() - mine0) - serverBusy;
            if (others < 0.2 && serverBusy < 0.2) {
                return;
            }
            if (System.nanoTime() > deadline) {
                log(String.format("  other processes still use %.2f cores, the server %.2f; measuring anyway", others, serverBusy));
                return;
            }
            log(String.format("  waiting: other processes use %.2f cores, the server %.2f", others, serverBusy));
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

    private Load.Stats load(int workers, java.util.function.IntFunction<Load.Op> op) throws InterruptedException {
        Load.Stats s = Load.run(workers, Duration.ofSeconds(num("warmup")), Duration.ofSeconds(num("measure")),
                num("max-requests"), op);
        log(String.format("  %d threads: %.0f/s p50 %.2f ms p99 %.2f ms, %d errors %s", workers, s.perSecond(), s.p50(),
                s.p99(), s.errors(), s.firstError()));
        return s;
    }

    /** Records how long seeding took, for the report. */
    static void seeded(String what, double seconds) {
        report.seed(what, seconds);
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

    static void log(String line) {
        System.out.println("[bench] " + line);
    }
}
