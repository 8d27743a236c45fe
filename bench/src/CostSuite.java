import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --suite=cost}: server CPU time per {@code getOne} (µs of user + system time of the server's JVM, from /proc,
 * per request), which a loaded machine does not distort as it distorts req/s. Seeds {@code --records} posts (the
 * harness default, 10 000); for each server variant, warms the JIT up with twice {@code --requests} (20 000) getOne
 * requests and as many health requests with logs on, then off; then runs {@code --rounds} (6) rounds, each a cell
 * with request logs off and one with logs on (off-on, then on-off, so that a drift of the machine falls on both
 * sides), each cell {@code --requests} getOne requests from {@code --connections} (the harness default, 16)
 * keep-alive clients after a warm-up of a quarter as many, the log writer flushed before and after it. It prints the
 * median over the rounds of µs per request without the JIT compiler threads' (see {@link Cell#work}), logs off and on, the logging cost per round (µs and % of logs off:
 * median, min–max and the middle half), and the log writer thread's and the JIT compiler threads' share (each
 * thread's {@code schedstat}); every round's figures follow the tables. The variants:
 * <ul>
 *   <li>{@code default}: the server as shipped;</li>
 *   <li>{@code no sqlite hop}: {@code -Dpb4j.sqlite.inlineCalls=true}, JDBC on the request's virtual thread instead of
 *       pb-store-sqlite's platform pool (what the hop costs);</li>
 *   <li>{@code no client watch}: {@code -Dpb4j.http.watchClients=false} (what watching for departed clients costs);</li>
 *   <li>{@code no group commit}: {@code -Dpb4j.sqlite.groupCommit=false}, one COMMIT per data write (what grouping
 *       concurrent writes saves, in the create row).</li>
 *   <li>{@code aux cache 16 MB}: {@code -Dpb4j.sqlite.auxiliaryCacheKib=16000}, auxiliary.db's writer page cache at
 *       the data writer's 16 MB instead of its 32 MB (what the log writer gains from the larger cache; it runs after
 *       {@code default} on the same data dir, so on a larger {@code _logs}).</li>
 *   <li>{@code launcher heap}: the image launcher's collector and heap (serial, 96–128 MB), and the same with a 12 MB
 *       young generation ({@code -Xmn12m}) or the C1 compiler alone ({@code -XX:TieredStopAtLevel=1}), the two
 *       options that bring the image's idle RSS under 80 MB: what each costs per request.</li>
 * </ul>
 * The {@code default} variant also measures {@code GET /api/health} the same way, and a bare
 * Helidon SE hello ({@link HelloServer}) answering it under the same load ({@code --health=false} leaves both out): issue 17's health ratio as CPU per request,
 * which a loaded machine does not distort as it distorts req/s.
 * Always the {@code modules} server (the switches are JVM options). With {@code --db=postgres://…} the server runs on
 * that PostgreSQL database (which must be empty, or hold only a previous cost run's app) and each variant gets a second row: the CPU of
 * every {@code postgres} process of the machine per request, and a third: create (POST) per request, server and
 * postgres. {@code --jfr=DIR} records a JFR profile of each
 * variant into DIR, and {@code DIR/cells.txt} with each measured getOne cell's UTC window (to cut the profile into
 * its logs-off and logs-on parts); {@code --jfr-settings=FILE} picks the JFR settings (default {@code profile}; e.g.
 * {@code jfr configure --input profile method-profiling=max --output max.jfc} samples every millisecond).
 * {@code --variants=default,hop} limits the variants (names containing the given words). On SQLite each variant also
 * gets a create row: server CPU per guest create with logs off ({@code --creates}, default a quarter of the requests,
 * at least 1 000 per cell, after a warm-up of half as many; {@code --create-cells}, default 2, without the JIT compiler
 * threads' CPU), concurrent creates committed in groups. {@code --getone=false} runs only the create cells:
 * {@code bench/run --suite=cost --variants=default --getone=false --connections=32 --creates=4000 --create-cells=5}.
 */
final class CostSuite {
    private CostSuite() {
    }

    private static List<String> concat(List<String> options, String more) {
        List<String> all = new ArrayList<>(options);
        all.add(more);
        return List.copyOf(all);
    }

    static void run(Map<String, String> opt, Path repo, Path work) throws Exception {
        int records = Integer.parseInt(opt.getOrDefault("records", "1000"));
        int requests = Integer.parseInt(opt.getOrDefault("requests", "20000"));
        int connections = Integer.parseInt(opt.getOrDefault("connections", "4"));
        int rounds = Integer.parseInt(opt.getOrDefault("rounds", "6"));
        boolean health = !opt.getOrDefault("health", "true").equals("false");
        // --getone=false: only the create cells (and their warm-up), for measuring the write path alone
        boolean getOne = !opt.getOrDefault("getone", "true").equals("false");
        int createCellCount = Integer.parseInt(opt.getOrDefault("create-cells", "2"));
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("default", List.of());
        variants.put("no sqlite hop", List.of("-Dpb4j.sqlite.inlineCalls=true"));
        variants.put("no client watch", List.of("-Dpb4j.http.watchClients=false"));
        variants.put("no group commit", List.of("-Dpb4j.sqlite.groupCommit=false"));
        variants.put("aux cache 16 MB", List.of("-Dpb4j.sqlite.auxiliaryCacheKib=16000"));
        // the image launcher's memory defaults, then the two ways to a smaller idle RSS (issue 17: ≤ 80 MB)
        List<String> launcher = List.of("-XX:+UseSerialGC", "-Xms96m", "-Xmx128m", "-XX:MinHeapFreeRatio=15",
                "-XX:MaxHeapFreeRatio=40");
        variants.put("launcher heap", launcher);
        variants.put("launcher heap, young 12 MB", concat(launcher, "-Xmn12m"));
        variants.put("launcher heap, C1 only", concat(launcher, "-XX:TieredStopAtLevel=1"));
        String only = opt.getOrDefault("variants", "");
        Server.db = opt.getOrDefault("db", "");
        boolean postgres = !Server.db.isEmpty();
        Report.deleteTree(work);
        Files.createDirectories(work);
        Path data = work.resolve("pb_data");
        List<String> ids = null;
        StringBuilder writer = new StringBuilder("\n");
        // each measured cell's wall-clock window (UTC), so that a JFR profile can be cut into logs-off and logs-on parts
        StringBuilder cellWindows = new StringBuilder();
        StringBuilder healthRows = new StringBuilder();
        // every round's figures, under the tables
        StringBuilder details = new StringBuilder("\n");
        StringBuilder out = new StringBuilder("\n## cost " + java.time.LocalDateTime.now().withNano(0) + " (modules, "
                + Runtime.getRuntime().availableProcessors() + " cores, " + records + " posts, " + requests
                + " requests per cell, " + connections + " connections, " + rounds + " rounds of a logs-off and a logs-on cell; "
                + "server CPU µs per request: the median over the rounds, (min–max))\n\n" + HEADER.replace("%s", "getOne"));
        for (Map.Entry<String, List<String>> v : variants.entrySet()) {
            if (!only.isEmpty() && java.util.Arrays.stream(only.split(",")).noneMatch(w -> v.getKey().contains(w))) {
                continue;
            }
            List<String> jvm = new ArrayList<>(v.getValue());
            if (opt.containsKey("jfr")) {
                Path dir = Path.of(opt.get("jfr")).toAbsolutePath();
                Files.createDirectories(dir);
                // deep enough for a create's whole stack (the default 64 frames cut off the request's root frames)
                jvm.add("-XX:FlightRecorderOptions:stackdepth=256");
                jvm.add("-XX:StartFlightRecording=settings=" + opt.getOrDefault("jfr-settings", "profile") + ",filename=" + dir.resolve(v.getKey().replace(' ', '-') + ".jfr"));
            }
            Server.jvmOptions = jvm;
            try (Server server = Server.start("modules", Server.image(repo), repo, data, Bench.EMAIL, Bench.PASSWORD,
                    work.resolve("server-" + v.getKey().replace(' ', '-') + ".log"), false)) {
                Api api = new Api("http://127.0.0.1:" + server.port, connections);
                api.superuserLogin(Bench.EMAIL, Bench.PASSWORD);
                if (ids == null) {
                    api.admin("POST", "/api/collections", """
                            {"name":"posts","type":"base","listRule":"","viewRule":"","createRule":"",
                             "fields":[{"name":"title","type":"text"},{"name":"views","type":"number"}]}""");
                    ids = api.seed("posts", records, i -> "{\"title\":\"post " + i + "\",\"views\":" + i + "}");
                }
                // the JIT compiles the request path (and the log writer's) first: its CPU is not the requests'
                for (int days : getOne ? new int[] {5, 0} : new int[0]) {
                    maxDays(api, days);
                    load(api, ids, requests * 2, connections);
                    loadPaths(api, List.of("/api/health"), requests, connections);
                }
                if (v.getKey().equals("default") && getOne) {
                    maxDays(api, 5);
                    for (int round = 0; round < 2; round++) {
                        String cost = api.admin("POST", "/bench/log-writer-cost/" + requests * 2, null);
                        Bench.log("log writer: " + cost);
                        writer.append("- log writer, round ").append(round + 1).append(": ").append(cost).append('\n');
                    }
                }
                String variant = v.getKey();
                List<Cell[]> pairs = !getOne ? List.of() : pairs(server, api, getOnes(ids), rounds, requests, connections, postgres, (on, cell) ->
                        cellWindows.append(variant).append(' ').append(on ? "on" : "off").append(' ')
                                .append(cell.from()).append(' ').append(cell.to()).append('\n'));
                if (postgres && getOne) {
                    String pgRow = String.format("| %s: postgres processes | %.1f | %.1f | | | |%n", v.getKey(),
                            median(pairs.stream().mapToDouble(p -> p[0].postgres()).toArray()),
                            median(pairs.stream().mapToDouble(p -> p[1].postgres()).toArray()));
                    Bench.log(pgRow.strip());
                    out.append(pgRow);
                    int creates = Math.max(200, requests / 10);
                    maxDays(api, 0);
                    double cpu0 = server.cpuSeconds();
                    double pg0 = Server.postgresCpuSeconds();
                    api.seed("posts", creates, i -> "{\"title\":\"created " + i + "\",\"views\":" + i + "}");
                    String createRow = String.format("| %s: create (server / postgres, logs off) | %.1f | %.1f | | | |%n",
                            v.getKey(), (server.cpuSeconds() - cpu0) * 1e6 / creates,
                            (Server.postgresCpuSeconds() - pg0) * 1e6 / creates);
                    Bench.log(createRow.strip());
                    out.append(createRow);
                }
                if (!postgres) {
                    // a guest create (createRule ""), logs off: the write path's CPU, grouped commits included
                    int creates = Integer.parseInt(opt.getOrDefault("creates", String.valueOf(Math.max(1000, requests / 4))));
                    maxDays(api, 0);
                    double[] createCells = new double[createCellCount];
                    double[] createJit = new double[createCellCount];
                    loadCreates(api, creates / 2, connections); // warm-up
                    ThreadClock clock = new ThreadClock(server.pid());
                    for (int c = 0; c < createCellCount; c++) {
                        Thread.sleep(500);
                        double[] t0 = clock.read();
                        loadCreates(api, creates, connections);
                        double[] t1 = clock.read();
                        // without the JIT compiler threads, as the getOne cells (compilation lands in a cell at random)
                        createJit[c] = (t1[2] - t0[2]) * 1e6 / creates;
                        createCells[c] = (t1[0] - t0[0]) * 1e6 / creates - createJit[c];
                        Bench.log(String.format("  create cell %d: %.1f µs per create without the JIT (JIT %.1f)", c + 1,
                                createCells[c], createJit[c]));
                    }
                    String createRow = String.format("| %s: create, logs off, without the JIT (%d cells of %d: median, min–max) | %.1f (%.1f–%.1f) | | | | | %.1f |%n",
                            v.getKey(), createCellCount, creates, median(createCells), min(createCells), max(createCells),
                            median(createJit));
                    Bench.log(createRow.strip());
                    out.append(createRow);
                }
                if (!getOne) {
                    continue;
                }
                String row = row(v.getKey(), pairs);
                Bench.log(row.strip());
                out.append(row);
                // the log writer's page cache (auxiliary.db) and the queued batches show here, not in CPU
                writer.append(String.format("- %s: server RSS after its getOne rounds %.0f MiB%n", v.getKey(), server.rssMiB()));
                rounds(details, v.getKey() + ", getOne", pairs);
                if (v.getKey().equals("default") && health) {
                    List<Cell[]> healthPairs = pairs(server, api, List.of("/api/health"), rounds, requests, connections,
                            false, (on, cell) -> { });
                    healthRows.append(row("pb4j `/api/health`", healthPairs));
                    rounds(details, "pb4j /api/health", healthPairs);
                }
            }
        }
        Server.jvmOptions = List.of();
        if (health && getOne && (only.isEmpty() || only.contains("default") || only.contains("hello"))) {
            // the bare Helidon hello under the same load, for issue 17's health ratio in CPU instead of req/s
            Bench.Hello hello = Bench.startHello(repo);
            try {
                Api api = new Api(hello.base(), connections);
                ThreadClock clock = new ThreadClock(hello.process().pid());
                loadPaths(api, List.of("/api/health"), requests * 2, connections); // the JIT's turn, as pb4j's above
                double[] cells = new double[rounds];
                double[] jit = new double[rounds];
                for (int c = 0; c < rounds; c++) {
                    Cell cell = cell(clock, null, api, List.of("/api/health"), requests, connections, false);
                    cells[c] = cell.work();
                    jit[c] = cell.jit();
                }
                healthRows.append(String.format("| bare Helidon hello, same body | %.1f (%.1f–%.1f) | | | | | %.1f | |%n",
                        median(cells), min(cells), max(cells), median(jit)));
                details.append("- bare Helidon hello, µs per request by round: ").append(list(cells)).append('\n');
            } finally {
                hello.process().destroy();
                hello.process().waitFor();
            }
        }
        if (!healthRows.isEmpty()) {
            out.append("\n").append(HEADER.replace("%s", "/api/health")).append(healthRows);
            Bench.log(healthRows.toString().strip());
        }
        out.append(writer).append(details);
        if (opt.containsKey("jfr")) {
            Files.writeString(Path.of(opt.get("jfr")).toAbsolutePath().resolve("cells.txt"), cellWindows);
        }
        Path latest = repo.resolve("bench/results/cost-latest.md");
        Files.createDirectories(latest.getParent());
        Files.writeString(latest, out);
        System.out.print(out);
    }

    private static final String HEADER = "| %s: server (CPU without the JIT threads) | logs off | logs on | logging costs | logging costs, % of logs off: median "
            + "(min–max, middle half) | log writer thread, logs on | JIT compiler threads, off / on | GC threads (in the figure), off / on |\n"
            + "|---|---:|---:|---:|---:|---:|---:|---:|\n";

    /**
     * One measured cell, µs per request: the server JVM's CPU ({@code /proc/PID/stat}, clock ticks), and of that the
     * log writer thread's and the JIT compiler threads' ({@code /proc/PID/task/TID/schedstat}, nanoseconds);
     * {@code postgres} is every postgres process's. {@code from}/{@code to}: the load's UTC window.
     */
    record Cell(double total, double writer, double jit, double gc, double postgres, java.time.LocalTime from,
            java.time.LocalTime to) {
        /**
         * The server's CPU without its JIT compiler threads': the figure compared. Compilation goes on well after the
         * warm-up (C2 recompiles, deoptimizes, compiles the log writer's path when logs come on) and lands in one cell
         * or another at random: 7–28 µs per request in the first tries, as much as the logging cost itself.
         */
        double work() {
            return total - jit;
        }
    }

    /**
     * {@code rounds} pairs of cells, logs off and on (off-on, then on-off: a drift of the machine during the run adds
     * to both sides alike); {@code measured} sees each cell as it ends.
     */
    private static List<Cell[]> pairs(Server server, Api api, List<String> paths, int rounds, int requests,
            int connections, boolean postgres, java.util.function.BiConsumer<Boolean, Cell> measured) throws Exception {
        List<Cell[]> pairs = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            Cell[] pair = new Cell[2];
            for (int k = 0; k < 2; k++) {
                boolean on = (round % 2 == 0) == (k == 1);
                maxDays(api, on ? 5 : 0);
                Cell cell = cell(new ThreadClock(server.pid()), api, api, paths, requests, connections, postgres);
                measured.accept(on, cell);
                pair[on ? 1 : 0] = cell;
            }
            pairs.add(pair);
            Bench.log(String.format("  %s round %d: logs off %.1f, on %.1f µs per request without the JIT (writer %.1f, "
                    + "JIT %.1f / %.1f, GC %.1f / %.1f)", paths.size() == 1 ? paths.getFirst() : "getOne", round + 1,
                    pair[0].work(), pair[1].work(), pair[1].writer(), pair[0].jit(), pair[1].jit(), pair[0].gc(),
                    pair[1].gc()));
        }
        return pairs;
    }

    /**
     * {@code n} GETs of {@code paths}, after a warm-up of a quarter as many: the log writer is flushed before and after
     * ({@code admin}, when not null), so the cell holds exactly its own entries' writes, whatever the writer's linger.
     */
    private static Cell cell(ThreadClock clock, Api admin, Api api, List<String> paths, int n, int connections,
            boolean postgres) throws Exception {
        loadPaths(api, paths, n / 4, connections);
        if (admin != null) {
            admin.admin("POST", "/bench/logs-flush", null);
        }
        Thread.sleep(300);
        double[] t0 = clock.read();
        double pg0 = postgres ? Server.postgresCpuSeconds() : 0;
        java.time.LocalTime from = java.time.LocalTime.now(java.time.ZoneOffset.UTC);
        loadPaths(api, paths, n, connections);
        java.time.LocalTime to = java.time.LocalTime.now(java.time.ZoneOffset.UTC);
        if (admin != null) {
            admin.admin("POST", "/bench/logs-flush", null);
        }
        double[] t1 = clock.read();
        double pg = postgres ? (Server.postgresCpuSeconds() - pg0) * 1e6 / n : 0;
        return new Cell((t1[0] - t0[0]) * 1e6 / n, (t1[1] - t0[1]) * 1e6 / n, (t1[2] - t0[2]) * 1e6 / n,
                (t1[3] - t0[3]) * 1e6 / n, pg, from, to);
    }

    /**
     * A JVM's CPU seconds: all of it (from {@code /proc/PID/stat}, which keeps the time of threads that ended), its log
     * writer thread's and its JIT compiler threads' (from each live thread's {@code schedstat}, in nanoseconds).
     */
    record ThreadClock(long pid) {
        double[] read() throws java.io.IOException {
            double writer = 0;
            double jit = 0;
            double gc = 0;
            try (var tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
                for (Path task : tasks) {
                    String name;
                    String sched;
                    try {
                        name = Files.readString(task.resolve("comm")).strip();
                        sched = Files.readString(task.resolve("schedstat"));
                    } catch (java.io.IOException ended) {
                        continue;
                    }
                    double seconds = Long.parseLong(sched.substring(0, sched.indexOf(' '))) / 1e9;
                    if (name.startsWith("pb4j-logs-writ")) { // comm holds the first 15 characters of the name
                        writer += seconds;
                    } else if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        jit += seconds;
                    } else if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
                        gc += seconds; // G1's workers, its concurrent and refinement threads, the serial collector's VM thread
                    }
                }
            }
            return new double[] {Bench.cpuSeconds(pid), writer, jit, gc};
        }
    }

    /** A table row: medians over the rounds, with the spread of the per-round cost. */
    private static String row(String name, List<Cell[]> pairs) {
        double[] off = pairs.stream().mapToDouble(p -> p[0].work()).toArray();
        double[] on = pairs.stream().mapToDouble(p -> p[1].work()).toArray();
        double[] cost = pairs.stream().mapToDouble(p -> p[1].work() - p[0].work()).toArray();
        double[] pct = pairs.stream().mapToDouble(p -> 100 * (p[1].work() - p[0].work()) / p[0].work()).toArray();
        double[] writer = pairs.stream().mapToDouble(p -> p[1].writer()).toArray();
        double[] jitOff = pairs.stream().mapToDouble(p -> p[0].jit()).toArray();
        double[] jitOn = pairs.stream().mapToDouble(p -> p[1].jit()).toArray();
        double[] gcOff = pairs.stream().mapToDouble(p -> p[0].gc()).toArray();
        double[] gcOn = pairs.stream().mapToDouble(p -> p[1].gc()).toArray();
        return String.format("| %s | %.1f (%.1f–%.1f) | %.1f (%.1f–%.1f) | %+.1f µs (%+.1f–%+.1f) | **%.1f %%** (%.1f–%.1f; %.1f–%.1f) "
                + "| %.1f µs | %.1f / %.1f µs | %.1f / %.1f µs |%n", name, median(off), min(off), max(off), median(on), min(on),
                max(on), median(cost), min(cost), max(cost), median(pct), min(pct), max(pct), quantile(pct, 0.25),
                quantile(pct, 0.75), median(writer), median(jitOff), median(jitOn), median(gcOff), median(gcOn));
    }

    private static void rounds(StringBuilder out, String name, List<Cell[]> pairs) {
        out.append("- ").append(name).append(", µs per request by round (logs off / on without the JIT; the writer; "
                + "the JIT off / on; GC off / on): ");
        for (int i = 0; i < pairs.size(); i++) {
            Cell[] p = pairs.get(i);
            out.append(i == 0 ? "" : "; ").append(String.format("%.1f / %.1f, %.1f, %.1f / %.1f, %.1f / %.1f", p[0].work(),
                    p[1].work(), p[1].writer(), p[0].jit(), p[1].jit(), p[0].gc(), p[1].gc()));
        }
        out.append('\n');
    }

    static double median(double[] v) {
        return quantile(v, 0.5);
    }

    /** Linear interpolation between the closest ranks. */
    static double quantile(double[] v, double q) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        double at = q * (s.length - 1);
        int lo = (int) Math.floor(at);
        int hi = Math.min(s.length - 1, lo + 1);
        return s[lo] + (s[hi] - s[lo]) * (at - lo);
    }

    private static double min(double[] v) {
        return java.util.Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return java.util.Arrays.stream(v).max().orElse(Double.NaN);
    }

    private static String list(double[] v) {
        return String.join(", ", java.util.Arrays.stream(v).mapToObj(d -> String.format("%.1f", d)).toList());
    }

    private static List<String> getOnes(List<String> ids) {
        return ids.stream().map(id -> "/api/collections/posts/records/" + id).toList();
    }

    private static void maxDays(Api api, int days) throws Exception {
        try {
            api.admin("PATCH", "/api/settings", "{\"logs\":{\"maxDays\":" + days + "}}");
        } catch (IllegalStateException noSettingsApi) {
            api.admin("POST", "/bench/logs-max-days/" + days, null);
        }
    }

    /** {@code n} GETs of random paths of {@code paths} from {@code connections} clients at once. */
    private static void loadPaths(Api api, List<String> paths, int n, int connections) throws InterruptedException {
        onClients(n, connections, i -> api.send("GET",
                paths.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(paths.size())), null, ""));
    }

    /** {@code n} guest creates of a post from {@code connections} clients at once (each must answer 200). */
    private static void loadCreates(Api api, int n, int connections) throws InterruptedException {
        onClients(n, connections, i -> api.send("POST", "/api/collections/posts/records",
                "{\"title\":\"created " + i + "\",\"views\":" + i + "}", ""));
    }

    /** One request of a load; {@code i} counts the requests. */
    private interface Request {
        void send(int i) throws Exception;
    }

    /** Sends request 0 … n-1 from {@code connections} platform threads at once; a failed request ends the load. */
    private static void onClients(int n, int connections, Request request) throws InterruptedException {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            clients.add(Thread.ofPlatform().start(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    try {
                        request.send(i);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }));
        }
        for (Thread t : clients) {
            t.join();
        }
    }

    /** {@code n} getOne requests of random seeded ids from {@code connections} clients at once. */
    private static void load(Api api, List<String> ids, int n, int connections) throws InterruptedException {
        loadPaths(api, ids.stream().map(id -> "/api/collections/posts/records/" + id).toList(), n, connections);
    }
}
