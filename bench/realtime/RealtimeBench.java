import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The realtime bench (see bench/realtime/README.md): N raw SSE clients on one pb4j server (the jlink image), one
 * create per second, delivery latency from the create request to each client; then the fan-out of one event to
 * 1 000 clients whose listRule depends on @request.auth.id; then a connect/disconnect soak under write load.
 * Everything on 127.0.0.1; each client is a plain socket read by a virtual thread.
 */
public final class RealtimeBench {
    static String base;
    static String superuser;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final Pattern TS = Pattern.compile("\"title\":\"t(\\d+)\"");
    static final Pattern ID = Pattern.compile("^id:(.*)$");
    static final AtomicInteger errors = new AtomicInteger();

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new java.util.HashMap<>();
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
        Path dir = Files.createTempDirectory("pb4j-rt-bench");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        String bin = image.resolve("bin/pb4j").toString();
        new ProcessBuilder(bin, "superuser", "upsert", "bench@example.com", "1234567890", "--dir=" + dir).inheritIO().start().waitFor();
        ProcessBuilder serve = new ProcessBuilder(bin, "serve", "--http=127.0.0.1:" + port, "--dir=" + dir)
                .redirectOutput(dir.resolve("server.log").toFile()).redirectErrorStream(true);
        // JVM flags for the server through the java launcher's own variable (the image's script passes none)
        String serverOpts = opt.getOrDefault("server-opts", "");
        if (!serverOpts.isEmpty()) {
            serve.environment().put("JDK_JAVA_OPTIONS", serverOpts);
        }
        Process server = serve.start();
        StringBuilder report = new StringBuilder();
        try {
            waitHealthy();
            superuser = field(post("/api/collections/_superusers/auth-with-password", null,
                    "{\"identity\":\"bench@example.com\",\"password\":\"1234567890\"}"), "token");
            post("/api/collections", superuser, "{\"name\":\"rt_bench\",\"listRule\":\"\",\"viewRule\":\"\","
                    + "\"fields\":[{\"name\":\"title\",\"type\":\"text\"}]}");
            report.append("## Realtime bench, ").append(Instant.now()).append("\n\n");
            report.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, load average at start ")
                    .append(Files.readString(Path.of("/proc/loadavg")).trim()).append("; server: ").append(bin)
                    .append(serverOpts.isEmpty() ? "" : " with `" + serverOpts + "`").append("\n\n");
            fanOut(server, clients, events, report);
            ruleFanOut(server, ruleClients, ruleUsers, report);
            if (soakSeconds > 0) {
                soak(server, soakClients, soakSeconds, report);
            }
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
        System.out.println(report);
        Path out = Path.of(opt.getOrDefault("out", "bench/results/realtime-latest.md"));
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
    }

    // ----- scenario 1: N clients on one collection, one create per second

    static void fanOut(Process server, int n, int events, StringBuilder report) throws Exception {
        Map<Long, List<Long>> received = new ConcurrentHashMap<>();
        long t0 = System.nanoTime();
        List<SseConnection> conns = connectAll(n, k -> null, "rt_bench/*", received);
        long connectMs = (System.nanoTime() - t0) / 1_000_000;
        Thread.sleep(2000);
        String before = procFacts(server);
        List<Long> lastClient = new ArrayList<>();
        List<Long> all = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < events; i++) {
            long sent = System.nanoTime();
            received.put(sent, Collections.synchronizedList(new ArrayList<>()));
            post("/api/collections/rt_bench/records", superuser, "{\"title\":\"t" + sent + "\"}");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (received.get(sent).size() < n && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            List<Long> got = received.get(sent);
            synchronized (got) {
                if (got.size() < n) {
                    errors.addAndGet(n - got.size());
                }
                long max = 0;
                for (long at : got) {
                    long lat = at - sent;
                    all.add(lat);
                    max = Math.max(max, lat);
                }
                lastClient.add(max);
            }
            long next = sent + TimeUnit.SECONDS.toNanos(1);
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000);
            }
        }
        String after = procFacts(server);
        report.append("### ").append(n).append(" SSE clients on `rt_bench/*` (listRule \"\"), ").append(events).append(" creates at 1/s\n\n");
        report.append("| figure | value |\n|---|---|\n");
        report.append("| connect + subscribe all clients | ").append(connectMs).append(" ms |\n");
        report.append("| deliveries | ").append(all.size()).append(" of ").append((long) n * events).append(" |\n");
        report.append("| errors (missed deliveries, failed requests) | ").append(errors.get()).append(" |\n");
        report.append("| latency create request → one client, p50 / p99 / max | ").append(ms(pct(all, 50))).append(" / ")
                .append(ms(pct(all, 99))).append(" / ").append(ms(pct(all, 100))).append(" ms |\n");
        report.append("| latency create request → last client of the event, p50 / p99 / max | ").append(ms(pct(lastClient, 50))).append(" / ")
                .append(ms(pct(lastClient, 99))).append(" / ").append(ms(pct(lastClient, 100))).append(" ms |\n");
        report.append("| server before events | ").append(before).append(" |\n");
        report.append("| server after events | ").append(after).append(" |\n\n");
        conns.forEach(SseConnection::close);
        Thread.sleep(3000);
        report.append("After closing them: ").append(procFacts(server)).append("\n\n");
    }

    // ----- scenario 2: one event to 1 000 clients whose listRule reads @request.auth.id

    static void ruleFanOut(Process server, int n, int users, StringBuilder report) throws Exception {
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
        Map<Long, List<Long>> received = new ConcurrentHashMap<>();
        List<SseConnection> conns = connectAll(n, k -> tokens.get(k % tokens.size()), "rt_owned/*", received);
        Thread.sleep(1000);
        long[] cpu0 = cpu(server);
        int rounds = 20;
        List<Long> last = new ArrayList<>();
        int expectedPerEvent = (int) Math.ceil((double) n / users);
        for (int r = 0; r < rounds; r++) {
            long sent = System.nanoTime();
            received.put(sent, Collections.synchronizedList(new ArrayList<>()));
            post("/api/collections/rt_owned/records", superuser, "{\"title\":\"t" + sent + "\",\"owner\":\"" + ids.get(r % ids.size()) + "\"}");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            int expected = 0;
            for (int i = 0; i < n; i++) {
                if (i % users == r % users) {
                    expected++;
                }
            }
            while (received.get(sent).size() < expected && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            List<Long> got = received.get(sent);
            synchronized (got) {
                if (got.size() != expected) {
                    errors.incrementAndGet();
                }
                last.add(got.stream().mapToLong(at -> at - sent).max().orElse(0));
            }
            Thread.sleep(200);
        }
        long[] cpu1 = cpu(server);
        long ticks = (cpu1[0] + cpu1[1]) - (cpu0[0] + cpu0[1]);
        report.append("### One event to ").append(n).append(" clients of ").append(users)
                .append(" distinct users, listRule `owner = @request.auth.id`\n\n");
        report.append("| figure | value |\n|---|---|\n");
        report.append("| users created + impersonated | ").append(users).append(" in ").append(usersMs).append(" ms |\n");
        report.append("| clients per event that pass the rule | ").append(expectedPerEvent).append(" (the rest are checked and dropped) |\n");
        report.append("| latency create request → last passing client, p50 / max over ").append(rounds).append(" events | ")
                .append(ms(pct(last, 50))).append(" / ").append(ms(pct(last, 100))).append(" ms |\n");
        report.append("| server CPU per event (incl. the create request itself) | ").append(ticks * 10 / rounds).append(" ms |\n");
        report.append("| errors | ").append(errors.get()).append(" |\n\n");
        conns.forEach(SseConnection::close);
    }

    // ----- scenario 3: soak

    static void soak(Process server, int n, int seconds, StringBuilder report) throws Exception {
        Thread.sleep(2000);
        String start = procFacts(server);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        AtomicLong cycles = new AtomicLong();
        Map<Long, List<Long>> sink = new ConcurrentHashMap<>();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            workers.add(Thread.ofVirtual().start(() -> {
                java.util.Random random = new java.util.Random();
                while (System.nanoTime() < end) {
                    try {
                        SseConnection c = SseConnection.open(null, "rt_bench/*", sink);
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
                    post("/api/collections/rt_bench/records", superuser, "{\"title\":\"t" + System.nanoTime() + "\"}");
                    Thread.sleep(100);
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
            }
        });
        for (Thread t : workers) {
            t.join();
        }
        writer.join();
        sink.clear();
        Thread.sleep(5000);
        String stop = procFacts(server);
        report.append("### Soak: ").append(n).append(" clients connecting and disconnecting for ").append(seconds)
                .append(" s, 10 creates/s\n\n| figure | value |\n|---|---|\n");
        report.append("| connect/subscribe/disconnect cycles | ").append(cycles.get()).append(" |\n");
        report.append("| errors | ").append(errors.get()).append(" |\n");
        report.append("| server at start | ").append(start).append(" |\n");
        report.append("| server at end (5 s after the last client left) | ").append(stop).append(" |\n\n");
    }

    // ----- plumbing

    /** {@code n} clients subscribed to {@code topic}, client {@code k} with the token {@code token.apply(k)} (null: guest). */
    static List<SseConnection> connectAll(int n, java.util.function.IntFunction<String> token, String topic,
                                          Map<Long, List<Long>> received) throws InterruptedException {
        List<SseConnection> conns = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch ready = new CountDownLatch(n);
        Semaphore gate = new Semaphore(64);
        for (int i = 0; i < n; i++) {
            int k = i;
            Thread.ofVirtual().start(() -> {
                try {
                    gate.acquire();
                    try {
                        conns.add(SseConnection.open(token.apply(k), topic, received));
                        if (conns.size() % 1000 == 0) {
                            System.out.println("[rt-bench] " + conns.size() + " clients connected");
                        }
                    } finally {
                        gate.release();
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    ready.countDown();
                }
            });
        }
        ready.await();
        return conns;
    }

    /** One SSE client over a plain socket (chunked transfer decoded), recording the arrival of each event. */
    static final class SseConnection {
        final Socket socket;
        volatile String clientId;

        private SseConnection(Socket socket) {
            this.socket = socket;
        }

        static SseConnection open(String token, String topic, Map<Long, List<Long>> received) throws Exception {
            URI uri = URI.create(base);
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 10_000);
            SseConnection c = new SseConnection(socket);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/realtime HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            CountDownLatch connected = new CountDownLatch(1);
            Thread.ofVirtual().start(() -> c.read(connected, received));
            if (!connected.await(30, TimeUnit.SECONDS)) {
                c.close();
                throw new IOException("no PB_CONNECT");
            }
            String body = "{\"clientId\":\"" + c.clientId + "\",\"subscriptions\":[\"" + topic + "\"]}";
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/realtime"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            if (token != null) {
                b.header("Authorization", token);
            }
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 204) {
                c.close();
                throw new IOException("subscribe answered " + r.statusCode() + ": " + r.body());
            }
            return c;
        }

        private void read(CountDownLatch connected, Map<Long, List<Long>> received) {
            try (InputStream raw = new BufferedInputStream(socket.getInputStream())) {
                // status line and headers
                String line;
                while (!(line = readLine(raw)).isEmpty()) {
                    // skip
                }
                ByteArrayOutputStream pending = new ByteArrayOutputStream();
                while (true) {
                    String size = readLine(raw);
                    int n = Integer.parseInt(size.trim(), 16);
                    if (n == 0) {
                        return;
                    }
                    byte[] chunk = raw.readNBytes(n);
                    readLine(raw);
                    pending.write(chunk);
                    String text = pending.toString(StandardCharsets.UTF_8);
                    int end;
                    while ((end = text.indexOf("\n\n")) >= 0) {
                        String event = text.substring(0, end);
                        text = text.substring(end + 2);
                        long at = System.nanoTime();
                        if (clientId == null) {
                            for (String l : event.split("\n")) {
                                Matcher m = ID.matcher(l);
                                if (m.matches()) {
                                    clientId = m.group(1);
                                }
                            }
                            connected.countDown();
                            continue;
                        }
                        Matcher m = TS.matcher(event);
                        if (m.find()) {
                            List<Long> list = received.get(Long.parseLong(m.group(1)));
                            if (list != null) {
                                list.add(at);
                            }
                        }
                    }
                    pending.reset();
                    pending.write(text.getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException | RuntimeException e) {
                // closed
            }
        }

        private static String readLine(InputStream in) throws IOException {
            StringBuilder b = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            if (c < 0 && b.isEmpty()) {
                throw new IOException("end of stream");
            }
            return b.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // gone
            }
        }
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

    /** RSS, threads and open files of the server process (the launcher's java child when there is one). */
    static String procFacts(Process server) throws IOException {
        long pid = javaPid(server);
        String status = Files.readString(Path.of("/proc/" + pid + "/status"));
        long fds;
        try (var s = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            fds = s.count();
        }
        return "RSS " + grab(status, "VmRSS") + ", threads " + grab(status, "Threads") + ", open files " + fds;
    }

    static long javaPid(Process server) {
        return server.descendants().filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .map(ProcessHandle::pid).findFirst().orElse(server.pid());
    }

    static long[] cpu(Process server) throws IOException {
        String[] f = Files.readString(Path.of("/proc/" + javaPid(server) + "/stat")).split("\\) ")[1].split(" ");
        return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
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
