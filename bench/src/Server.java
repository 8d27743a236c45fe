import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pb4j server in its own process: started from the jlink image ({@code pb4j serve}) or from the module jars
 * (BenchServer), with its start-up time and resident memory.
 */
final class Server implements AutoCloseable {
    private static final Pattern READY = Pattern.compile("ready port=(\\d+) bootstrapMs=(\\d+) upsertMs=(\\d+)");

    /** More JVM options for the {@code modules} server (the cost suite's switches and JFR). */
    static List<String> jvmOptions = List.of();
    /** {@code --db=postgres://…}: the servers' database, handed over as PB4J_DB; empty for SQLite. */
    static String db = "";

    private static ProcessBuilder withDb(ProcessBuilder b) {
        if (!db.isEmpty()) {
            b.environment().put("PB4J_DB", db);
        }
        return b;
    }

    /**
     * CPU seconds of every process named {@code postgres} on this machine (the server and its backends): what the
     * database spends on a PostgreSQL run, beside the JVM's own.
     */
    static double postgresCpuSeconds() throws IOException {
        return postgresCpuSeconds(-1);
    }

    /**
     * As {@link #postgresCpuSeconds()}, of one PostgreSQL server only: its postmaster {@code postmaster} and that
     * one's children (every process named postgres when {@code postmaster} is -1), so that other PostgreSQL servers on
     * the machine (other test runs) do not count.
     */
    static double postgresCpuSeconds(long postmaster) throws IOException {
        double total = 0;
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                if (!p.getFileName().toString().matches("\\d+")) {
                    continue;
                }
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    if (!stat.contains("(postgres)")) {
                        continue;
                    }
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(p.getFileName().toString());
                    if (postmaster != -1 && pid != postmaster && Long.parseLong(f[1]) != postmaster) {
                        continue;
                    }
                    total += (Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13])
                            + Long.parseLong(f[14])) / 100.0;
                } catch (IOException gone) {
                    // the process ended while we read
                }
            }
        }
        return total;
    }

    final String variant;
    final int port;
    final double startupMs;
    final String note;
    private final Process process;

    private Server(String variant, Process process, int port, double startupMs, String note) {
        this.variant = variant;
        this.process = process;
        this.port = port;
        this.startupMs = startupMs;
        this.note = note;
    }

    /** {@code pb-cli/target/image}; the image variant is used when its launcher exists. */
    static Path image(Path repo) {
        return repo.resolve("pb-cli/target/image");
    }

    /** {@code dev}: the server prints every SQL statement to its log ({@code [sql] …} lines), as {@code serve --dev}. */
    static Server start(String variant, Path image, Path repo, Path dataDir, String email, String password, Path log,
            boolean dev) throws Exception {
        return variant.equals("image") ? startImage(image, dataDir, email, password, log, dev)
                : startModules(repo, dataDir, email, password, log, dev);
    }

    /** {@code pb4j superuser upsert} first (not timed), then {@code pb4j serve} on a port picked here. */
    private static Server startImage(Path image, Path dataDir, String email, String password, Path log, boolean dev)
            throws Exception {
        String bin = image.resolve("bin/pb4j").toString();
        Process upsert = withDb(new ProcessBuilder(bin, "superuser", "upsert", email, password, "--dir=" + dataDir))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (upsert.waitFor() != 0) {
            throw new IllegalStateException("pb4j superuser upsert failed, see " + log);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        long t0 = System.nanoTime();
        List<String> cmd = new java.util.ArrayList<>(List.of(bin, "serve", "--http=127.0.0.1:" + port, "--dir=" + dataDir));
        if (dev) {
            cmd.add("--dev");
        }
        Process p = withDb(new ProcessBuilder(cmd))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        double ms = awaitHealth(port, t0, p);
        return new Server("image", p, port, ms, "superuser upserted by a separate `pb4j superuser upsert` run (not timed)");
    }

    /** BenchServer on the module path: bootstrap, superuser upsert, serve on port 0, print the port. */
    private static Server startModules(Path repo, Path dataDir, String email, String password, Path log, boolean dev)
            throws Exception {
        Path target = repo.resolve("bench/target");
        List<String> cmd = new java.util.ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=org.xerial.sqlitejdbc"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-p", Files.readString(target.resolve("module-path")).strip(), "--add-modules", "ALL-MODULE-PATH",
                "-cp", target.resolve("classes").toString(), "BenchServer", dataDir.toString(), email, password,
                dev ? "--dev" : ""));
        long t0 = System.nanoTime();
        Process p = withDb(new ProcessBuilder(cmd)).redirectErrorStream(true).start();
        CompletableFuture<Matcher> ready = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> copyOutput(p, log, ready));
        Matcher m = ready.get(60, TimeUnit.SECONDS);
        int port = Integer.parseInt(m.group(1));
        double ms = awaitHealth(port, t0, p);
        return new Server("modules", p, port, ms, "of which bootstrap() " + m.group(2) + " ms and BenchServer's superuser upsert (one bcrypt hash) " + m.group(3) + " ms");
    }

    private static void copyOutput(Process p, Path log, CompletableFuture<Matcher> ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream()));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
            for (String line; (line = in.readLine()) != null; ) {
                out.println(line);
                Matcher m = READY.matcher(line);
                if (m.find()) {
                    ready.complete(m);
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException("server exited before it was ready, see " + log));
    }

    /** Polls {@code GET /api/health} every 5 ms; returns milliseconds from {@code t0} to the first 200. */
    private static double awaitHealth(int port, long t0, Process p) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health")).build();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && p.isAlive()) {
            try {
                if (client.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - t0) / 1e6;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("no 200 from /api/health within 60 s");
    }

    /** The JVM's process: the launcher script's java child for the image, else the process itself. */
    private ProcessHandle jvm() {
        return process.descendants().filter(h -> h.info().command().orElse("").endsWith("/java")).findFirst()
                .orElse(process.toHandle());
    }

    /** CPU seconds (user + system) the server's JVM has used so far, from /proc/PID/stat (clock ticks of 1/100 s). */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + jvm().pid() + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
    }

    /** The server JVM's process id. */
    long pid() {
        return jvm().pid();
    }

    /** VmRSS from /proc/PID/status, in MiB. */
    double rssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + jvm().pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
    }
}
