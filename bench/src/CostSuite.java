import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --suite=cost}: server CPU time per {@code getOne} (µs of user + system time of the server's JVM, from /proc,
 * per request), which a loaded machine does not distort as it distorts req/s. Seeds {@code --records} posts (the
 * harness default, 10 000), then for each server variant runs {@code --requests} (20 000) getOne requests from
 * {@code --connections} (the harness default, 16) keep-alive
 * clients with request logs off, on, off and on again (after a warm-up of twice as many with logs on and off, and a
 * short one before each cell), and prints µs per request:
 * <ul>
 *   <li>{@code default}: the server as shipped;</li>
 *   <li>{@code no sqlite hop}: {@code -Dpb4j.sqlite.inlineCalls=true}, JDBC on the request's virtual thread instead of
 *       pb-store-sqlite's platform pool (what the hop costs);</li>
 *   <li>{@code no client watch}: {@code -Dpb4j.http.watchClients=false} (what watching for departed clients costs);</li>
 *   <li>{@code no group commit}: {@code -Dpb4j.sqlite.groupCommit=false}, one COMMIT per data write (what grouping
 *       concurrent writes saves, in the create row).</li>
 * </ul>
 * The {@code default} variant also measures {@code GET /api/health} the same way (logs off, on, off, on), and a bare
 * Helidon SE hello ({@link HelloServer}) answering it under the same load: issue 17's health ratio as CPU per request,
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
 * at least 1 000 per cell, after a warm-up of half as many), concurrent creates committed in groups.
 */
final class CostSuite {
    private CostSuite() {
    }

    static void run(Map<String, String> opt, Path repo, Path work) throws Exception {
        int records = Integer.parseInt(opt.getOrDefault("records", "1000"));
        int requests = Integer.parseInt(opt.getOrDefault("requests", "20000"));
        int connections = Integer.parseInt(opt.getOrDefault("connections", "4"));
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("default", List.of());
        variants.put("no sqlite hop", List.of("-Dpb4j.sqlite.inlineCalls=true"));
        variants.put("no client watch", List.of("-Dpb4j.http.watchClients=false"));
        variants.put("no group commit", List.of("-Dpb4j.sqlite.groupCommit=false"));
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
        StringBuilder out = new StringBuilder("\n## cost " + java.time.LocalDateTime.now().withNano(0) + " (modules, "
                + Runtime.getRuntime().availableProcessors() + " cores, " + records + " posts, " + requests
                + " getOne per cell, " + connections + " connections; server CPU µs per request)\n\n"
                + "| server | logs off | logs on | logs off (2nd) | logs on (2nd) | logging costs |\n|---|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, List<String>> v : variants.entrySet()) {
            if (!only.isEmpty() && java.util.Arrays.stream(only.split(",")).noneMatch(w -> v.getKey().contains(w))) {
                continue;
            }
            List<String> jvm = new ArrayList<>(v.getValue());
            if (opt.containsKey("jfr")) {
                Path dir = Path.of(opt.get("jfr")).toAbsolutePath();
                Files.createDirectories(dir);
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
                maxDays(api, 5);
                load(api, ids, requests, connections);
                maxDays(api, 0);
                load(api, ids, requests, connections);
                if (v.getKey().equals("default")) {
                    maxDays(api, 5);
                    for (int round = 0; round < 2; round++) {
                        String cost = api.admin("POST", "/bench/log-writer-cost/" + requests * 2, null);
                        Bench.log("log writer: " + cost);
                        writer.append("- log writer, round ").append(round + 1).append(": ").append(cost).append('\n');
                    }
                }
                double[] cells = new double[4];
                double[] pgCells = new double[4];
                for (int c = 0; c < 4; c++) {
                    maxDays(api, c % 2 == 0 ? 0 : 5);
                    load(api, ids, requests / 4, connections); // warm-up
                    Thread.sleep(500);
                    double cpu0 = server.cpuSeconds();
                    double pg0 = postgres ? Server.postgresCpuSeconds() : 0;
                    java.time.LocalTime from = java.time.LocalTime.now(java.time.ZoneOffset.UTC);
                    load(api, ids, requests, connections);
                    cellWindows.append(v.getKey()).append(' ').append(c % 2 == 0 ? "off" : "on").append(' ')
                            .append(from).append(' ').append(java.time.LocalTime.now(java.time.ZoneOffset.UTC)).append('\n');
                    Thread.sleep(1000); // the log writer commits what it gathered (it lingers up to 500 ms)
                    cells[c] = (server.cpuSeconds() - cpu0) * 1e6 / requests;
                    pgCells[c] = postgres ? (Server.postgresCpuSeconds() - pg0) * 1e6 / requests : 0;
                }
                if (postgres) {
                    String pgRow = String.format("| %s: postgres processes | %.1f | %.1f | %.1f | %.1f | |%n", v.getKey(),
                            pgCells[0], pgCells[1], pgCells[2], pgCells[3]);
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
                    double[] createCells = new double[2];
                    loadCreates(api, creates / 2, connections); // warm-up
                    for (int c = 0; c < 2; c++) {
                        Thread.sleep(500);
                        double cpu0 = server.cpuSeconds();
                        loadCreates(api, creates, connections);
                        createCells[c] = (server.cpuSeconds() - cpu0) * 1e6 / creates;
                    }
                    String createRow = String.format("| %s: create, logs off (two cells of %d) | %.1f | | %.1f | | |%n",
                            v.getKey(), creates, createCells[0], createCells[1]);
                    Bench.log(createRow.strip());
                    out.append(createRow);
                }
                double off = (cells[0] + cells[2]) / 2;
                double on = (cells[1] + cells[3]) / 2;
                String row = String.format("| %s | %.1f | %.1f | %.1f | %.1f | %+.1f µs (%.0f %%) |%n", v.getKey(),
                        cells[0], cells[1], cells[2], cells[3], on - off, 100 * (on - off) / off);
                Bench.log(row.strip());
                out.append(row);
                if (v.getKey().equals("default")) {
                    double[] health = new double[4];
                    for (int c = 0; c < 4; c++) {
                        maxDays(api, c % 2 == 0 ? 0 : 5);
                        health[c] = cpuPerRequest(server::cpuSeconds, api, "/api/health", requests, connections);
                    }
                    healthRows.append(String.format("| pb4j `/api/health` | %.1f | %.1f | %.1f | %.1f | %+.1f µs |%n",
                            health[0], health[1], health[2], health[3],
                            (health[1] + health[3] - health[0] - health[2]) / 2));
                }
            }
        }
        Server.jvmOptions = List.of();
        if (only.isEmpty() || only.contains("default") || only.contains("hello")) {
            // the bare Helidon hello under the same load, for issue 17's health ratio in CPU instead of req/s
            Bench.Hello hello = Bench.startHello(repo);
            try {
                Api api = new Api(hello.base(), connections);
                double[] cells = new double[2];
                for (int c = 0; c < 2; c++) {
                    cells[c] = cpuPerRequest(() -> Bench.cpuSeconds(hello.process().pid()), api, "/api/health", requests, connections);
                }
                healthRows.append(String.format("| bare Helidon hello, same body | %.1f | | %.1f | | |%n", cells[0], cells[1]));
            } finally {
                hello.process().destroy();
                hello.process().waitFor();
            }
        }
        if (!healthRows.isEmpty()) {
            out.append("\n| /api/health, server CPU µs per request | logs off | logs on | logs off (2nd) | logs on (2nd) | "
                    + "logging costs |\n|---|---:|---:|---:|---:|---:|\n").append(healthRows);
            Bench.log(healthRows.toString().strip());
        }
        out.append(writer);
        if (opt.containsKey("jfr")) {
            Files.writeString(Path.of(opt.get("jfr")).toAbsolutePath().resolve("cells.txt"), cellWindows);
        }
        Path latest = repo.resolve("bench/results/cost-latest.md");
        Files.createDirectories(latest.getParent());
        Files.writeString(latest, out);
        System.out.print(out);
    }

    private static void maxDays(Api api, int days) throws Exception {
        try {
            api.admin("PATCH", "/api/settings", "{\"logs\":{\"maxDays\":" + days + "}}");
        } catch (IllegalStateException noSettingsApi) {
            api.admin("POST", "/bench/logs-max-days/" + days, null);
        }
    }

    /** A process's CPU seconds so far. */
    private interface CpuClock {
        double seconds() throws java.io.IOException;
    }

    /** CPU µs of a server per {@code GET path}: a warm-up of a quarter, then {@code n} requests. */
    private static double cpuPerRequest(CpuClock cpu, Api api, String path, int n, int connections) throws Exception {
        List<String> one = List.of(path);
        loadPaths(api, one, n / 4, connections);
        Thread.sleep(500);
        double cpu0 = cpu.seconds();
        loadPaths(api, one, n, connections);
        Thread.sleep(1000); // the log writer commits what it gathered (it lingers up to 500 ms)
        return (cpu.seconds() - cpu0) * 1e6 / n;
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
