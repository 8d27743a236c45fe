import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The realtime bench (see bench/realtime/README.md): N raw SSE clients on one pb4j server (the jlink image), one
 * create per second, delivery latency from the commit to each client; then one event fanned out to 1 000 clients
 * whose listRule depends on @request.auth.id; then a connect/disconnect soak under write load. Everything on
 * 127.0.0.1. The clients are cheap so that they do not dominate the 2 shared cores: every SSE stream is a
 * non-blocking socket read by one selector thread, which only looks for the markers it needs in the bytes.
 */
public final class RealtimeBench {
    static String base;
    static int port;
    static String superuser;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final AtomicInteger errors = new AtomicInteger();
    static Hub hub;
    static Path sqlLog;

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            opt.put(a.substring(2, eq < 0 ? a.length() : eq), eq < 0 ? "true" : a.substring(eq + 1));
        }
        Path image = Path.of(opt.getOrDefault("image", "pb-cli/target/image"));
        int clients = Integer.parseInt(opt.getOrDefault("clients", "10000"));
        int events = Integer.parseInt(opt.getOrDefault("events", "60"));
        int ruleClients = Integer.parseInt(opt.getOrDefault("rule-clients", "1000"));
        int ruleUsers = Integer.parseInt(opt.getOrDefault("rule-users", "200"));
        int soakSeconds = Integer.parseInt(opt.getOrDefault("soak", "300"));
        int soakClients = Integer.parseInt(opt.getOrDefault("soak-clients", "1000"));
        String only = opt.getOrDefault("only", "fanout,rule,soak");
        idleSeconds = Integer.parseInt(opt.getOrDefault("idle", "10"));
        baselineEvents = Integer.parseInt(opt.getOrDefault("baseline-events", "20"));
        connectConcurrency = Integer.parseInt(opt.getOrDefault("connect-concurrency", "256"));
        boolean diagnose = opt.containsKey("diagnose");
        // the floor first, alone on the machine: plain NIO writing the same chunk to as many loopback connections
        if (only.contains("fanout") && !opt.containsKey("no-floor")) {
            floor = floor(clients);
        }
        Path dir = Files.createTempDirectory("pb4j-rt-bench");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        // the image, or (--server=modules) the bench's own JDK over pb-cli/target/modules, e.g. for JFR (not in the image)
        List<String> bin = opt.getOrDefault("server", "image").equals("modules")
                ? List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "--enable-native-access=ALL-UNNAMED,org.xerial.sqlitejdbc",
                        "-p", "pb-cli/target/modules" + java.io.File.pathSeparator + "pb-cli/target/pb-cli-0.1.0-SNAPSHOT.jar",
                        "--add-modules", "ALL-MODULE-PATH", "-m", "io.pb4j.cli/io.pb4j.cli.Main")
                : List.of(image.resolve("bin/pb4j").toString());
        new ProcessBuilder(concat(bin, "superuser", "upsert", "bench@example.com", "1234567890", "--dir=" + dir)).inheritIO().start().waitFor();
        // every SQL statement to a file (DEBUG of io.pb4j.sql), to count the statements per event
        sqlLog = dir.resolve("sql.log");
        Path logging = dir.resolve("logging.properties");
        Files.writeString(logging, """
                handlers=
                io.pb4j.sql.level=FINE
                io.pb4j.sql.useParentHandlers=false
                io.pb4j.sql.handlers=java.util.logging.FileHandler
                java.util.logging.FileHandler.pattern=%s
                java.util.logging.FileHandler.level=FINE
                java.util.logging.FileHandler.formatter=java.util.logging.SimpleFormatter
                java.util.logging.SimpleFormatter.format=%%5$s%%n
                """.formatted(sqlLog.toString().replace("\\", "/")));
        ProcessBuilder serve = new ProcessBuilder(concat(bin, "serve", "--http=127.0.0.1:" + port, "--dir=" + dir))
                .redirectOutput(dir.resolve("server.log").toFile()).redirectErrorStream(true);
        // JVM flags for the server through the java launcher's own variable (the image's script passes none)
        String serverOpts = (opt.getOrDefault("server-opts", "-Xmx400m -Xmn64m") + (diagnose ? " -XX:NativeMemoryTracking=summary" : "")
                + " -Djava.util.logging.config.file=" + logging).trim();
        serve.environment().put("JDK_JAVA_OPTIONS", serverOpts);
        // the image's launcher puts its own heap size on the command line, after JDK_JAVA_OPTIONS; its PB4J_JAVA_OPTS
        // come last and win
        serve.environment().put("PB4J_JAVA_OPTS", serverOpts);
        Process server = serve.start();
        // never leave a server behind, also when the bench is interrupted or the server hangs (e.g. out of memory)
        Runtime.getRuntime().addShutdownHook(new Thread(server::destroyForcibly));
        hub = new Hub();
        StringBuilder report = new StringBuilder();
        try {
            waitHealthy();
            superuser = field(post("/api/collections/_superusers/auth-with-password", null,
                    "{\"identity\":\"bench@example.com\",\"password\":\"1234567890\"}"), "token");
            post("/api/collections", superuser, "{\"name\":\"rt_bench\",\"listRule\":\"\",\"viewRule\":\"\","
                    + "\"fields\":[{\"name\":\"title\",\"type\":\"text\"}]}");
            report.append("## Realtime bench, ").append(Instant.now()).append("\n\n");
            report.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, load average at start ")
                    .append(Files.readString(Path.of("/proc/loadavg")).trim()).append("; server: ").append(String.join(" ", bin))
                    .append(" with `PB4J_JAVA_OPTS=").append(opt.getOrDefault("server-opts", "-Xmx400m -Xmn64m")).append("` (+ the SQL log)")
                    .append("; client: one selector thread for all SSE streams\n\n");
            if (only.contains("fanout")) {
                fanOut(server, clients, events, Integer.parseInt(opt.getOrDefault("warmup", "30")), report, diagnose ? dir : null,
                        opt.get("profile"), opt.getOrDefault("profile-settings", "profile"));
            }
            if (only.contains("rule")) {
                ruleFanOut(server, ruleClients, ruleUsers, report);
            }
            if (only.contains("soak") && soakSeconds > 0) {
                soak(server, soakClients, soakSeconds, Integer.parseInt(opt.getOrDefault("soak-warmup", "30")),
                        Integer.parseInt(opt.getOrDefault("soak-sample", "60")), report, diagnose ? dir : null);
            }
            report.append("Bench client CPU for the whole run: ").append(ProcessHandle.current().info().totalCpuDuration()
                    .map(d -> d.toMillis() + " ms").orElse("?")).append("; errors in total: ").append(errors.get()).append("\n");
        } finally {
            hub.close();
            server.destroy();
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        System.out.println(report);
        Path out = Path.of(opt.getOrDefault("out", "bench/results/realtime-latest.md"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report.toString());
    }

    // ----- the floor: bench/realtime/Floor.java for the same number of clients

    /** The figures of Floor's result line (cpuPerClientUs, processPerClientUs, lastP99Ms, …), empty when not run. */
    static Map<String, Double> floor = Map.of();

    static Map<String, Double> floor(int clients) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "bench/realtime/Floor.java", "--clients=" + clients, "--events=30", "--interval=500")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Map<String, Double> out = new HashMap<>();
        for (String line : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("FLOOR ")) {
                for (String kv : line.substring(6).trim().split(" ")) {
                    String[] f = kv.split("=");
                    out.put(f[0], Double.parseDouble(f[1]));
                }
            }
        }
        p.waitFor();
        System.out.println("[rt-bench] floor for " + clients + " clients: " + out);
        return out;
    }

    // ----- scenario 1: N clients on one collection, one create per second

    static int idleSeconds = 10;
    /** Creates measured with no subscriber before the clients connect (--baseline-events). */
    static int baselineEvents = 20;

    static void fanOut(Process server, int n, int events, int warmup, StringBuilder report, Path diagnose, String profile,
                       String profileSettings) throws Exception {
        int errors0 = errors.get();
        // the same creates with no subscriber first: what an event costs the server before any fan-out (the create
        // request, its log entry, the JIT still compiling the create path), so that the clients' share can be told
        // apart from it
        for (int i = 0; i < warmup; i++) {
            post("/api/collections/rt_bench/records", superuser, "{\"title\":\"b" + System.nanoTime() + "\"}");
            Thread.sleep(300);
        }
        Map<String, Long> base0 = cpuByThread(server);
        long baseCpu0 = cpuMs(server);
        for (int i = 0; i < baselineEvents; i++) {
            long sent = System.nanoTime();
            post("/api/collections/rt_bench/records", superuser, "{\"title\":\"b" + sent + "\"}");
            long wait = sent + TimeUnit.SECONDS.toNanos(1) - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000);
            }
        }
        double baseCpu = baselineEvents == 0 ? 0 : (cpuMs(server) - baseCpu0) / (double) baselineEvents;
        String baseByThread = baselineEvents == 0 ? "" : byThread(base0, cpuByThread(server), baselineEvents);
        long t0 = System.nanoTime();
        List<Sse> conns = connectAll(n, k -> null, "rt_bench/*");
        long connectMs = (System.nanoTime() - t0) / 1_000_000;
        Thread.sleep(2000);
        gc(server);
        String before = procFacts(server);
        // what idle clients cost: keep-alives and deadline scans only
        long idle0 = cpuMs(server);
        Map<String, Long> idleThreads0 = cpuByThread(server);
        Thread.sleep(TimeUnit.SECONDS.toMillis(idleSeconds));
        double idleCpu = (cpuMs(server) - idle0) / (double) idleSeconds;
        String idleByThread = byThread(idleThreads0, cpuByThread(server), idleSeconds);
        String diagnosis = diagnose == null ? "" : diagnose(server, diagnose);
        List<Long> all = new ArrayList<>();
        List<Long> last = new ArrayList<>();
        List<Long> commitToLast = new ArrayList<>();
        // unmeasured events first, so that the figures are of compiled code and not of the JIT's first work
        for (int i = 0; i < warmup; i++) {
            String title = "w" + System.nanoTime();
            Event ev = hub.expect(title);
            post("/api/collections/rt_bench/records", superuser, "{\"title\":\"" + title + "\"}");
            ev.await(n, TimeUnit.SECONDS.toNanos(5));
            hub.forget(title);
            Thread.sleep(300);
        }
        if (profile != null) {
            jcmd(server, "JFR.start", "name=rt", "settings=" + profileSettings);
        }
        Map<String, Long> threads0 = cpuByThread(server);
        long[] split0 = cpuSplit(server);
        long cpu0 = cpuMs(server);
        long sql0 = sqlLines();
        int missed = 0;
        for (int i = 0; i < events; i++) {
            long sent = System.nanoTime();
            String title = "t" + sent;
            Event ev = hub.expect(title);
            String body = post("/api/collections/rt_bench/records", superuser, "{\"title\":\"" + title + "\"}");
            long answered = System.nanoTime();
            ev.await(n, TimeUnit.SECONDS.toNanos(5));
            hub.forget(title);
            long[] at = ev.arrivals();
            missed += n - at.length;
            long max = 0;
            for (long a : at) {
                all.add(a - sent);
                max = Math.max(max, a - sent);
            }
            last.add(max);
            // the commit is before the create's response: the time from the response to the last client is a
            // lower bound of commit → last client, the time from the request an upper bound
            if (at.length > 0) {
                commitToLast.add(Math.max(0, Arrays.stream(at).max().getAsLong() - answered));
            }
            long wait = sent + TimeUnit.SECONDS.toNanos(1) - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000);
            }
        }
        long cpu1 = cpuMs(server);
        long[] split1 = cpuSplit(server);
        Map<String, Long> threads1 = cpuByThread(server);
        long sql1 = sqlLines();
        if (profile != null) {
            jcmd(server, "JFR.stop", "name=rt", "filename=" + profile);
        }
        errors.addAndGet(missed);
        gc(server);
        String after = procFacts(server);
        report.append("### ").append(n).append(" SSE clients on `rt_bench/*` (listRule \"\"), ").append(events).append(" creates at 1/s\n\n");
        report.append("| figure | value |\n|---|---|\n");
        report.append("| connect + subscribe all clients | ").append(connectMs).append(" ms |\n");
        report.append("| deliveries | ").append(all.size()).append(" of ").append((long) n * events).append(" |\n");
        report.append("| errors (missed deliveries, failed requests) | ").append(errors.get() - errors0).append(" |\n");
        report.append("| delivery create request → each client, p50 / p99 / max | ").append(ms(pct(all, 50))).append(" / ")
                .append(ms(pct(all, 99))).append(" / ").append(ms(pct(all, 100))).append(" ms |\n");
        report.append("| delivery create request → last client of the event, p50 / p99 / max | ").append(ms(pct(last, 50))).append(" / ")
                .append(ms(pct(last, 99))).append(" / ").append(ms(pct(last, 100))).append(" ms |\n");
        report.append("| delivery create response → last client of the event, p50 / p99 / max | ").append(ms(pct(commitToLast, 50)))
                .append(" / ").append(ms(pct(commitToLast, 99))).append(" / ").append(ms(pct(commitToLast, 100))).append(" ms |\n");
        report.append("| server CPU per event (incl. the create request; /proc ticks) | ")
                .append(String.format(java.util.Locale.ROOT, "%.1f", (cpu1 - cpu0) / (double) events)).append(" ms (user ")
                .append((split1[0] - split0[0]) / events).append(", system ").append((split1[1] - split0[1]) / events).append(") |\n");
        report.append("| server CPU per event by thread (ms; threads that ended meanwhile are missing) | ")
                .append(byThread(threads0, threads1, events)).append(" |\n");
        report.append("| server CPU per client per event (all threads) | ").append(String.format(java.util.Locale.ROOT, "%.1f",
                (cpu1 - cpu0) * 1000.0 / events / n)).append(" µs |\n");
        if (baselineEvents > 0) {
            report.append("| server CPU per event with no subscriber (").append(baselineEvents).append(" creates at 1/s before the clients connect) | ")
                    .append(String.format(java.util.Locale.ROOT, "%.1f", baseCpu)).append(" ms (").append(baseByThread).append(") |\n");
            report.append("| server CPU per client per event beyond that (all threads: (with − without) ÷ clients) | ")
                    .append(String.format(java.util.Locale.ROOT, "%.1f", ((cpu1 - cpu0) / (double) events - baseCpu) * 1000.0 / n)).append(" µs |\n");
        }
        report.append("| server CPU with the clients idle, before the events (").append(idleSeconds).append(" s) | ")
                .append(String.format(java.util.Locale.ROOT, "%.1f", idleCpu)).append(" ms per s (").append(idleByThread).append(") |\n");
        report.append("| SQL statements per event (incl. the create request) | ")
                .append(String.format(java.util.Locale.ROOT, "%.1f", (sql1 - sql0) / (double) events)).append(" |\n");
        report.append("| server with the clients connected, before the events (after a GC) | ").append(before).append(" |\n");
        report.append("| server after the events (after a GC) | ").append(after).append(" |\n");
        // the part that grows with the clients: the carriers (writers, connection threads) and the dispatcher
        long fanMs = 0;
        for (String g : List.of("carriers", "dispatcher")) {
            fanMs += threads1.getOrDefault(g, 0L) - threads0.getOrDefault(g, 0L);
        }
        double fanPerClient = fanMs * 1000.0 / events / n;
        double perClient = (cpu1 - cpu0) * 1000.0 / events / n;
        report.append("| server CPU per client per event, carriers + dispatcher only | ")
                .append(String.format(java.util.Locale.ROOT, "%.1f", fanPerClient)).append(" µs |\n");
        if (!floor.isEmpty()) {
            double floorCpu = floor.get("processPerClientUs");
            report.append("| floor (bench/realtime/Floor.java, plain NIO, ").append(n).append(" connections): CPU per client per event ")
                    .append("(process / writer thread), start → last client p50 / p99 | ")
                    .append(String.format(java.util.Locale.ROOT, "%.2f / %.2f µs, %.1f / %.1f ms", floorCpu, floor.get("cpuPerClientUs"),
                            floor.get("lastP50Ms"), floor.get("lastP99Ms"))).append(" |\n");
            report.append("| pb4j ÷ floor: CPU per client per event (all threads / carriers + dispatcher); last-client p99 (create response → last client ÷ floor's) | ")
                    .append(String.format(java.util.Locale.ROOT, "%.1f× / %.1f×; %.1f×", perClient / floorCpu, fanPerClient / floorCpu,
                            pct(commitToLast, 99) / 1e6 / Math.max(0.1, floor.get("lastP99Ms")))).append(" |\n");
        }
        if (floor.containsKey("clientPerClientUs")) {
            // the floor's server and client CPU for one event, spread over every core: no delivery to the last client
            // can be sooner on this machine while the clients share its cores
            double boundMs = n * (floor.get("processPerClientUs") + floor.get("clientPerClientUs")) / 1000.0
                    / Runtime.getRuntime().availableProcessors();
            report.append("| least possible start → last client here: the floor's server + client CPU per event ÷ cores | ")
                    .append(String.format(java.util.Locale.ROOT, "%.1f ms", boundMs)).append(" |\n");
        }
        report.append('\n');
        report.append(diagnosis);
        conns.forEach(Sse::close);
        // the server notices a closed stream at its next write: a keep-alive, or two more events
        post("/api/collections/rt_bench/records", superuser, "{\"title\":\"gone1\"}");
        Thread.sleep(1000);
        post("/api/collections/rt_bench/records", superuser, "{\"title\":\"gone2\"}");
        Thread.sleep(3000);
        gc(server);
        report.append("After closing them (two more events, then a GC): ").append(procFacts(server)).append("\n\n");
    }

    /** Heap histogram and native memory with the clients connected, through the bench JDK's jcmd. */
    static String diagnose(Process server, Path dir) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        long pid = javaPid(server);
        StringBuilder out = new StringBuilder("Diagnosis with the clients connected:\n\n```\n");
        for (String[] cmd : List.of(new String[] {"GC.heap_info"}, new String[] {"GC.class_histogram"},
                new String[] {"VM.native_memory", "summary"}, new String[] {"Thread.print"})) {
            List<String> argv = new ArrayList<>(List.of(jcmd, String.valueOf(pid)));
            argv.addAll(List.of(cmd));
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            Files.writeString(dir.resolve(cmd[0] + ".txt"), text);
            List<String> lines = text.lines().toList();
            if (cmd[0].equals("Thread.print")) {
                out.append("Thread.print: ").append(lines.stream().filter(l -> l.startsWith("\"")).count()).append(" platform threads\n");
                continue;
            }
            out.append(String.join(" ", cmd)).append(":\n");
            lines.stream().limit(cmd[0].equals("GC.class_histogram") ? 25 : 60).forEach(l -> out.append(l).append('\n'));
        }
        out.append("```\n(full files in ").append(dir).append(")\n\n");
        System.out.println(out);
        return out.toString();
    }

    // ----- scenario 2: one event to 1 000 clients whose listRule reads @request.auth.id

    static void ruleFanOut(Process server, int n, int users, StringBuilder report) throws Exception {
        int errors0 = errors.get();
        post("/api/collections", superuser, "{\"name\":\"rt_owned\",\"listRule\":\"owner = @request.auth.id\","
                + "\"viewRule\":\"\",\"fields\":[{\"name\":\"title\",\"type\":\"text\"},"
                + "{\"name\":\"owner\",\"type\":\"relation\",\"collectionId\":\"_pb_users_auth_\",\"maxSelect\":1}]}");
        List<String> tokens = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < users; i++) {
            String id = field(post("/api/collections/users/records", superuser, "{\"email\":\"u" + i + "@example.com\",\"password\":\"1234567890\","
                    + "\"passwordConfirm\":\"1234567890\"}"), "id");
            ids.add(id);
            tokens.add(field(post("/api/collections/users/impersonate/" + id, superuser, "{\"duration\":3600}"), "token"));
        }
        long usersMs = (System.nanoTime() - t0) / 1_000_000;
        List<Sse> conns = connectAll(n, k -> tokens.get(k % tokens.size()), "rt_owned/*");
        Thread.sleep(1000);
        int rounds = 20;
        // unmeasured rounds first (the JIT's first work), each for one owner like the measured ones
        for (int r = 0; r < 5; r++) {
            post("/api/collections/rt_owned/records", superuser, "{\"title\":\"w" + r + "\",\"owner\":\"" + ids.get(r % ids.size()) + "\"}");
            Thread.sleep(300);
        }
        List<Long> last = new ArrayList<>();
        long cpu0 = cpuMs(server);
        long sql0 = sqlLines();
        long rule0 = sqlLines("__pb_rt__");
        for (int r = 0; r < rounds; r++) {
            long sent = System.nanoTime();
            String title = "t" + sent;
            Event ev = hub.expect(title);
            int expected = 0;
            for (int i = 0; i < n; i++) {
                if (i % users == r % users) {
                    expected++;
                }
            }
            post("/api/collections/rt_owned/records", superuser, "{\"title\":\"" + title + "\",\"owner\":\"" + ids.get(r % ids.size()) + "\"}");
            ev.await(expected, TimeUnit.SECONDS.toNanos(5));
            Thread.sleep(100); // none beyond the expected ones
            hub.forget(title);
            long[] at = ev.arrivals();
            if (at.length != expected) {
                errors.incrementAndGet();
            }
            last.add(Arrays.stream(at).map(a -> a - sent).max().orElse(0));
            Thread.sleep(200);
        }
        long cpu1 = cpuMs(server);
        long sql1 = sqlLines();
        long rule1 = sqlLines("__pb_rt__");
        report.append("### One event to ").append(n).append(" clients of ").append(users)
                .append(" distinct users, listRule `owner = @request.auth.id`\n\n");
        report.append("| figure | value |\n|---|---|\n");
        report.append("| users created + impersonated | ").append(users).append(" in ").append(usersMs).append(" ms |\n");
        report.append("| clients per event that pass the rule | ").append((int) Math.ceil((double) n / users))
                .append(" (the rest are checked and dropped) |\n");
        report.append("| delivery create request → last passing client, p50 / max over ").append(rounds).append(" events | ")
                .append(ms(pct(last, 50))).append(" / ").append(ms(pct(last, 100))).append(" ms |\n");
        report.append("| server CPU per event (incl. the create request; /proc ticks) | ")
                .append(String.format(java.util.Locale.ROOT, "%.1f", (cpu1 - cpu0) / (double) rounds)).append(" ms |\n");
        report.append("| server CPU per subscribed client per event (all threads) | ").append(String.format(java.util.Locale.ROOT, "%.1f",
                (cpu1 - cpu0) * 1000.0 / rounds / n)).append(" µs |\n");
        report.append("| SQL statements per event: rule checks / all (incl. the create request) | ")
                .append(String.format(java.util.Locale.ROOT, "%.1f / %.1f", (rule1 - rule0) / (double) rounds, (sql1 - sql0) / (double) rounds))
                .append(" |\n");
        report.append("| errors (wrong delivery counts, failed requests) | ").append(errors.get() - errors0).append(" |\n\n");
        conns.forEach(Sse::close);
    }

    // ----- scenario 3: soak

    /** RSS and live heap (kB), threads and open files of the server at one moment. */
    record Facts(long rssKb, long heapRssKb, long heapKb, long threads, long files) {
        @Override
        public String toString() {
            return "RSS " + rssKb + " kB (of it the heap " + heapRssKb + " kB, the rest " + (rssKb - heapRssKb)
                    + " kB), heap used " + heapKb + "K, threads " + threads + ", open files " + files;
        }
    }

    /**
     * The resident part of the Java heap: the smaps mappings inside the heap's reserved range (GC.heap_info's lowest and
     * highest address). Pages of the committed heap that the collector has touched stay resident though free after a
     * GC; the range is cut into several mappings when the collector commits or uncommits part of it.
     */
    static long heapRssKb(long pid, String heapInfo) throws IOException {
        Matcher m = Pattern.compile("0x([0-9a-f]+)").matcher(heapInfo);
        long lo = Long.MAX_VALUE;
        long hi = 0;
        while (m.find()) {
            long a = Long.parseUnsignedLong(m.group(1), 16);
            lo = Math.min(lo, a);
            hi = Math.max(hi, a);
        }
        long sum = 0;
        boolean inside = false;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/smaps"))) {
            int dash = line.indexOf('-');
            int space = line.indexOf(' ');
            if (dash > 0 && space > dash && line.substring(0, dash).matches("[0-9a-f]+")) {
                long start = Long.parseUnsignedLong(line.substring(0, dash), 16);
                long end = Long.parseUnsignedLong(line.substring(dash + 1, space), 16);
                inside = start < hi && end > lo;
            } else if (inside && line.startsWith("Rss:")) {
                sum += Long.parseLong(line.substring(4).replace("kB", "").trim());
            }
        }
        return sum;
    }

    static Facts facts(Process server) throws Exception {
        long pid = javaPid(server);
        String status = Files.readString(Path.of("/proc/" + pid + "/status"));
        long fds;
        try (var s = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            fds = s.count();
        }
        String info = jcmdOut(server, "GC.heap_info");
        String heap = heapUsed(info);
        return new Facts(Long.parseLong(grab(status, "VmRSS").replace(" kB", "")), heapRssKb(pid, info),
                heap.equals("?") ? -1 : Long.parseLong(heap.replace("K", "")),
                Long.parseLong(grab(status, "Threads")), fds);
    }

    /**
     * Clients connecting, subscribing, staying 0.5–3.5 s and leaving, under 10 creates/s: first {@code warmup} seconds
     * unmeasured (the JIT's code, the metaspace, the pools and caches that fill once), then {@code seconds} measured.
     * Both ends are taken alike, with no client connected: two more events (a dropped stream is noticed at its second
     * write), a pause, a GC. With {@code diagnose} the native memory (NMT) is diffed between the two ends.
     */
    static void soak(Process server, int n, int seconds, int warmup, int sampleEvery, StringBuilder report, Path diagnose)
            throws Exception {
        if (warmup > 0) {
            soakPhase(server, n, warmup, 0, new ArrayList<>());
        }
        int errors0 = errors.get();
        Facts start = settle(server);
        if (diagnose != null) {
            jcmdOut(server, "VM.native_memory", "baseline");
        }
        List<Facts> samples = new ArrayList<>();
        long cycles = soakPhase(server, n, seconds, sampleEvery, samples);
        Facts stop = settle(server);
        report.append("### Soak: ").append(n).append(" clients connecting and disconnecting for ").append(seconds)
                .append(" s, 10 creates/s (after ").append(warmup).append(" s of the same, unmeasured)\n\n| figure | value |\n|---|---|\n");
        report.append("| connect/subscribe/disconnect cycles | ").append(cycles).append(" |\n");
        report.append("| errors | ").append(errors.get() - errors0).append(" |\n");
        report.append("| server at start (no client, two events, 5 s, a GC) | ").append(start).append(" |\n");
        for (int i = 0; i < samples.size(); i++) {
            report.append("| server after ").append((i + 1) * sampleEvery).append(" s (clients connected) | ").append(samples.get(i)).append(" |\n");
        }
        report.append("| server at end (no client, two events, 5 s, a GC) | ").append(stop).append(" |\n\n");
        // the issue's three: no growth in threads, heap or open files; RSS beside them
        report.append("| growth, start → end | verdict |\n|---|---|\n");
        report.append(verdict("threads", start.threads(), stop.threads(), 2, ""));
        report.append(verdict("live heap after a GC", start.heapKb(), stop.heapKb(), 4096, " kB"));
        report.append(verdict("open files", start.files(), stop.files(), 16, ""));
        report.append(verdict("RSS", start.rssKb(), stop.rssKb(), 16384, " kB"));
        report.append(verdict("RSS outside the heap", start.rssKb() - start.heapRssKb(), stop.rssKb() - stop.heapRssKb(), 16384, " kB"));
        report.append('\n');
        if (diagnose != null) {
            String diff = jcmdOut(server, "VM.native_memory", "summary.diff");
            Files.writeString(diagnose.resolve("soak-nmt-diff.txt"), diff);
            report.append("Native memory, end against start (`jcmd VM.native_memory summary.diff`, the categories that moved):\n\n```\n");
            for (String line : diff.lines().toList()) {
                String t = line.trim();
                boolean head = t.startsWith("Total:") || t.startsWith("-") && t.contains("(reserved=");
                boolean moved = t.matches(".*committed=\\d+KB [+-]\\d+KB.*") || t.matches(".*\\(malloc=\\d+KB [+-]\\d+KB.*")
                        || t.matches(".*\\(mmap: .*committed=\\d+KB [+-]\\d+KB.*");
                if (head && moved || t.startsWith("Total:") || t.startsWith("(malloc=") && moved) {
                    report.append(line.stripTrailing()).append('\n');
                }
            }
            report.append("```\n(full diff in ").append(diagnose.resolve("soak-nmt-diff.txt")).append(")\n\n");
        }
    }

    /** One row of the soak's verdict: flat when the end is at most {@code slack} above the start. */
    static String verdict(String what, long start, long end, long slack, String unit) {
        long d = end - start;
        return "| " + what + " | " + start + " → " + end + unit + " (" + (d >= 0 ? "+" : "") + d + unit + "): "
                + (d <= slack ? "**flat**" : "**grew**") + " (slack " + slack + unit + ") |\n";
    }

    /** The server with no client left: two more events (the second write to a dropped stream fails), 5 s, a GC. */
    static Facts settle(Process server) throws Exception {
        post("/api/collections/rt_bench/records", superuser, "{\"title\":\"end\"}");
        Thread.sleep(1000);
        post("/api/collections/rt_bench/records", superuser, "{\"title\":\"end2\"}");
        Thread.sleep(5000);
        gc(server);
        return facts(server);
    }

    /** The soak's load for {@code seconds}; the server's facts every {@code sampleEvery} s (0: none) into {@code samples}. */
    static long soakPhase(Process server, int n, int seconds, int sampleEvery, List<Facts> samples) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong cycles = new AtomicLong();
        List<Thread> workers = new ArrayList<>();
        Semaphore gate = new Semaphore(64);
        for (int i = 0; i < n; i++) {
            workers.add(Thread.ofVirtual().start(() -> {
                java.util.Random random = new java.util.Random();
                while (System.nanoTime() < end) {
                    try {
                        Sse c;
                        gate.acquire();
                        try {
                            c = Sse.open(null, "rt_bench/*");
                        } finally {
                            gate.release();
                        }
                        Thread.sleep(500 + random.nextInt(3000));
                        c.close();
                        cycles.incrementAndGet();
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
            }));
        }
        Thread writer = Thread.ofVirtual().start(() -> {
            while (System.nanoTime() < end) {
                try {
                    post("/api/collections/rt_bench/records", superuser, "{\"title\":\"s" + System.nanoTime() + "\"}");
                    Thread.sleep(100);
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
            }
        });
        long next = sampleEvery > 0 ? System.nanoTime() + TimeUnit.SECONDS.toNanos(sampleEvery) : Long.MAX_VALUE;
        while (System.nanoTime() < end) {
            Thread.sleep(1000);
            if (System.nanoTime() - next >= 0 && System.nanoTime() < end) {
                Facts f = facts(server);
                samples.add(f);
                System.out.println("[rt-bench] soak sample " + samples.size() + ": " + f);
                next += TimeUnit.SECONDS.toNanos(sampleEvery);
            }
        }
        for (Thread t : workers) {
            t.join();
        }
        writer.join();
        return cycles.get();
    }

    /** A jcmd's output. */
    static String jcmdOut(Process server, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(javaPid(server))));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(60, TimeUnit.SECONDS);
        return text;
    }

    // ----- the clients

    /** What one event's title has collected: arrival times at the clients. Written by the hub thread only. */
    static final class Event {
        private long[] at = new long[64];
        private int count;

        synchronized void arrived(long nanos) {
            if (count == at.length) {
                at = Arrays.copyOf(at, at.length * 2);
            }
            at[count++] = nanos;
            notifyAll();
        }

        synchronized void await(int n, long nanos) throws InterruptedException {
            long deadline = System.nanoTime() + nanos;
            while (count < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }

        synchronized long[] arrivals() {
            return Arrays.copyOf(at, count);
        }
    }

    /** One selector thread reading every SSE stream. */
    static final class Hub implements AutoCloseable {
        private static final byte[] TITLE = "\"title\":\"".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] CLIENT_ID = "\"clientId\":\"".getBytes(StandardCharsets.US_ASCII);
        private final Selector selector;
        private final Thread thread;
        private final ConcurrentLinkedQueue<Sse> joining = new ConcurrentLinkedQueue<>();
        private final Map<String, Event> expected = new ConcurrentHashMap<>();
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 16);
        private volatile boolean closed;

        Hub() throws IOException {
            selector = Selector.open();
            thread = Thread.ofPlatform().name("rt-bench-hub").daemon().start(this::loop);
        }

        Event expect(String title) {
            Event e = new Event();
            expected.put(title, e);
            return e;
        }

        void forget(String title) {
            expected.remove(title);
        }

        void join(Sse c) {
            joining.add(c);
            selector.wakeup();
        }

        private void loop() {
            try {
                while (!closed) {
                    selector.select(1000);
                    long now = System.nanoTime();
                    for (Sse c; (c = joining.poll()) != null; ) {
                        try {
                            c.channel.register(selector, SelectionKey.OP_READ, c);
                        } catch (IOException | RuntimeException e) {
                            c.connected.completeExceptionally(e);
                        }
                    }
                    for (SelectionKey key : selector.selectedKeys()) {
                        Sse c = (Sse) key.attachment();
                        try {
                            buffer.clear();
                            int read = c.channel.read(buffer);
                            if (read < 0) {
                                key.cancel();
                                c.close();
                                continue;
                            }
                            buffer.flip();
                            consume(c, now);
                        } catch (IOException | RuntimeException e) {
                            key.cancel();
                            c.close();
                        }
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Appends what was read to the client's unfinished message and handles each complete one ("\n\n"). */
        private void consume(Sse c, long now) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            byte[] data = c.pending.length == 0 ? bytes : concat(c.pending, bytes);
            int from = 0;
            for (int i = Math.max(0, c.pending.length - 1); i + 1 < data.length; i++) {
                if (data[i] == '\n' && data[i + 1] == '\n') {
                    message(c, data, from, i, now);
                    from = i + 2;
                    i++;
                }
            }
            c.pending = from == 0 && data == bytes && c.pending.length == 0 ? bytes : Arrays.copyOfRange(data, from, data.length);
        }

        private void message(Sse c, byte[] data, int from, int to, long now) {
            if (!c.connected.isDone()) {
                int at = indexOf(data, from, to, CLIENT_ID);
                if (at >= 0) {
                    int start = at + CLIENT_ID.length;
                    int end = start;
                    while (end < to && data[end] != '"') {
                        end++;
                    }
                    c.connected.complete(new String(data, start, end - start, StandardCharsets.US_ASCII));
                }
                return;
            }
            int at = indexOf(data, from, to, TITLE);
            if (at < 0) {
                return;
            }
            int start = at + TITLE.length;
            int end = start;
            while (end < to && data[end] != '"') {
                end++;
            }
            Event e = expected.get(new String(data, start, end - start, StandardCharsets.US_ASCII));
            if (e != null) {
                e.arrived(now);
            }
        }

        private static int indexOf(byte[] data, int from, int to, byte[] what) {
            outer:
            for (int i = from; i + what.length <= to; i++) {
                for (int j = 0; j < what.length; j++) {
                    if (data[i + j] != what[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        private static byte[] concat(byte[] a, byte[] b) {
            byte[] out = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        }

        @Override
        public void close() throws IOException {
            closed = true;
            selector.wakeup();
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            selector.close();
        }
    }

    /** One SSE stream: a socket the hub reads; subscribed with one POST once PB_CONNECT gave its client id. */
    static final class Sse {
        final SocketChannel channel;
        final CompletableFuture<String> connected = new CompletableFuture<>();
        byte[] pending = new byte[0];

        private Sse(SocketChannel channel) {
            this.channel = channel;
        }

        /** A connected stream whose GET is sent; {@link #connected} completes with its client id. */
        static Sse connect() throws IOException {
            SocketChannel ch = SocketChannel.open();
            try {
                ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
                // small buffers: ten thousand streams each carry a few hundred bytes per event
                ch.setOption(StandardSocketOptions.SO_RCVBUF, 16 * 1024);
                ch.connect(new InetSocketAddress("127.0.0.1", port));
                ch.write(ByteBuffer.wrap(("GET /api/realtime HTTP/1.1\r\nHost: 127.0.0.1:" + port
                        + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
                ch.configureBlocking(false);
            } catch (IOException | RuntimeException e) {
                ch.close();
                throw e;
            }
            Sse c = new Sse(ch);
            hub.join(c);
            return c;
        }

        static Sse open(String token, String topic) throws Exception {
            Sse c = connect();
            String clientId;
            try {
                clientId = c.connected.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                c.close();
                throw new IOException("no PB_CONNECT", e);
            }
            HttpResponse<String> r = HTTP.send(subscribeRequest(clientId, token, topic), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 204) {
                c.close();
                throw new IOException("subscribe answered " + r.statusCode() + ": " + r.body());
            }
            return c;
        }

        void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // gone
            }
        }
    }

    static HttpRequest subscribeRequest(String clientId, String token, String topic) {
        String body = "{\"clientId\":\"" + clientId + "\",\"subscriptions\":[\"" + topic + "\"]}";
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/realtime"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", token);
        }
        return b.build();
    }

    /** How many clients may be between their connect and their answered subscribe at once (--connect-concurrency). */
    static int connectConcurrency = 256;

    /**
     * {@code n} clients subscribed to {@code topic}, client {@code k} with the token {@code token.apply(k)} (null: guest).
     * Pipelined: this thread opens the sockets and sends their GETs, the hub completes their PB_CONNECT, and the
     * subscribe POSTs go out asynchronously on the shared HttpClient; at most {@link #connectConcurrency} clients are in
     * between at a time, so the server's accept backlog is never the limit and no thread per client is needed.
     */
    static List<Sse> connectAll(int n, java.util.function.IntFunction<String> token, String topic) throws InterruptedException {
        List<Sse> conns = Collections.synchronizedList(new ArrayList<>());
        Semaphore gate = new Semaphore(connectConcurrency);
        AtomicInteger done = new AtomicInteger();
        java.util.concurrent.CountDownLatch all = new java.util.concurrent.CountDownLatch(n);
        for (int i = 0; i < n; i++) {
            gate.acquire();
            Sse c;
            try {
                c = Sse.connect();
            } catch (IOException e) {
                errors.incrementAndGet();
                System.err.println("[rt-bench] connect failed: " + e);
                gate.release();
                all.countDown();
                continue;
            }
            String t = token.apply(i);
            c.connected.orTimeout(30, TimeUnit.SECONDS)
                    .thenCompose(id -> HTTP.sendAsync(subscribeRequest(id, t, topic), HttpResponse.BodyHandlers.ofString()))
                    .whenComplete((r, failure) -> {
                        if (failure == null && r.statusCode() == 204) {
                            conns.add(c);
                        } else {
                            errors.incrementAndGet();
                            System.err.println("[rt-bench] subscribe failed: " + (failure != null ? failure : r.statusCode() + " " + r.body()));
                            c.close();
                        }
                        gate.release();
                        all.countDown();
                        if (done.incrementAndGet() % 1000 == 0) {
                            System.out.println("[rt-bench] " + done.get() + " clients connected");
                        }
                    });
        }
        all.await();
        return conns;
    }

    // ----- plumbing

    static List<String> concat(List<String> head, String... tail) {
        List<String> out = new ArrayList<>(head);
        out.addAll(List.of(tail));
        return out;
    }

    static String post(String path, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            errors.incrementAndGet();
            System.err.println("POST " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    static void waitHealthy() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/health")).build(), HttpResponse.BodyHandlers.ofString())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("server did not start");
    }

    static long sqlLines() throws IOException {
        return sqlLines("");
    }

    static long sqlLines(String containing) throws IOException {
        if (!Files.exists(sqlLog)) {
            return 0;
        }
        try (var lines = Files.lines(sqlLog)) {
            return lines.filter(l -> l.contains(containing)).count();
        }
    }

    /** A full GC in the server (jcmd of the bench JDK), so that heap figures are the live heap. */
    static void gc(Process server) throws Exception {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        new ProcessBuilder(jcmd, String.valueOf(javaPid(server)), "GC.run").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
    }

    /** RSS (and of it the heap's), live heap (jcmd GC.heap_info), threads and open files of the server process. */
    static String procFacts(Process server) throws Exception {
        return facts(server).toString();
    }

    static String heapUsed(String text) {
        // the serial collector reports each generation ("DefNew total …K, used …K", "Tenured total …"; "def new
        // generation" before JDK 25), G1 one heap: the live heap after a GC is their sum
        Matcher m = Pattern.compile("\\stotal \\d+K, used (\\d+)K").matcher(text);
        long used = 0;
        boolean any = false;
        while (m.find()) {
            used += Long.parseLong(m.group(1));
            any = true;
        }
        return any ? used + "K" : "?";
    }

    static long javaPid(Process server) {
        return server.descendants().filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .map(ProcessHandle::pid).findFirst().orElse(server.pid());
    }

    static void jcmd(Process server, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(javaPid(server))));
        argv.addAll(List.of(args));
        new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                .waitFor(60, TimeUnit.SECONDS);
    }

    /** User and system CPU of the server in ms. */
    static long[] cpuSplit(Process server) throws IOException {
        String[] f = Files.readString(Path.of("/proc/" + javaPid(server) + "/stat")).split("\\) ")[1].split(" ");
        return new long[] {Long.parseLong(f[11]) * 10, Long.parseLong(f[12]) * 10};
    }

    /**
     * User + system CPU of the server's live threads in ms, by kind: the virtual threads' carriers (request handling,
     * realtime writers), the realtime dispatcher, the JIT compilers, the garbage collector, the rest by thread name.
     */
    static Map<String, Long> cpuByThread(Process server) throws IOException {
        Map<String, Long> out = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + javaPid(server) + "/task"))) {
            for (Path t : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(t.resolve("stat"));
                } catch (IOException e) {
                    continue; // ended meanwhile
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ms = (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
                String group = name.startsWith("ForkJoinPool") ? "carriers" : name.startsWith("pb4j-realtime-d") ? "dispatcher"
                        : name.startsWith("C1 ") || name.startsWith("C2 ") ? "JIT"
                        : name.startsWith("GC ") || name.startsWith("G1 ") ? "GC" : name.replaceAll("[#\\d-]+$", "");
                out.merge(group, ms, Long::sum);
            }
        }
        return out;
    }

    /** The CPU of each thread group between two readings, per unit, the groups of no CPU left out. */
    static String byThread(Map<String, Long> before, Map<String, Long> after, int per) {
        StringBuilder out = new StringBuilder();
        for (var e : after.entrySet()) {
            long ms = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (ms > 0) {
                out.append(out.isEmpty() ? "" : "; ").append(e.getKey()).append(' ')
                        .append(String.format(java.util.Locale.ROOT, "%.1f", ms / (double) per));
            }
        }
        return out.toString();
    }

    /** User + system CPU of the server in ms (clock ticks of 10 ms). */
    static long cpuMs(Process server) throws IOException {
        String[] f = Files.readString(Path.of("/proc/" + javaPid(server) + "/stat")).split("\\) ")[1].split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }

    static String grab(String status, String key) {
        for (String l : status.split("\n")) {
            if (l.startsWith(key + ":")) {
                return l.substring(key.length() + 1).trim();
            }
        }
        return "?";
    }

    static long pct(List<Long> values, int p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }

    static String ms(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e6);
    }
}
