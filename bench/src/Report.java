import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** Machine facts, server figures and the scenario table: bench/results/latest.md and a section of bench/RESULTS.md. */
final class Report {
    private final Path repo;
    private final Path image;
    private final String variant;
    private final Map<String, String> opt;
    private final String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
    private final String commit;
    private final StringBuilder server = new StringBuilder();
    private final String loadAverage;
    private Map<String, Double> published = Map.of();

    Report(Path repo, Path image, String variant, Map<String, String> opt) throws Exception {
        this.repo = repo;
        this.image = image;
        this.variant = variant;
        this.opt = opt;
        String dirty = sh("git", "status", "--porcelain").isBlank() ? "" : " (uncommitted changes)";
        this.commit = sh("git", "rev-parse", "--short", "HEAD").strip() + dirty;
        this.loadAverage = Files.readString(Path.of("/proc/loadavg")).split(" ")[0] + " (1 min)";
    }

    void startup(double ms, String note) {
        server.append(String.format("| start-up, process start → first 200 of GET /api/health | %.0f ms (%s) |%n", ms, note));
    }

    void restart(double ms, String note) {
        server.append(String.format("| start-up again on the seeded data dir (restart after the load) | %.0f ms (%s) |%n", ms, note));
    }

    void rssIdle(double mib) {
        server.append(String.format("| RSS idle, 1 s after start-up | %.0f MiB |%n", mib));
    }

    void seed(String what, double seconds) {
        server.append(String.format("| seeding %s through the API (%s connections) | %.1f s |%n", what,
                opt.get("connections"), seconds));
    }

    /** pb4j's health scenario against the bare Helidon hello measured in the same run (the machine's load cancels out). */
    void versusHello(Load.Stats health, Load.Stats hello) {
        server.append(String.format("| `/api/health` ÷ bare Helidon SE hello, same run | throughput %.2f×, p99 %.2f× "
                + "(%.0f vs %.0f req/s, p99 %.2f vs %.2f ms) |%n", health.perSecond() / hello.perSecond(),
                health.p99() / hello.p99(), health.perSecond(), hello.perSecond(), health.p99(), hello.p99()));
    }

    void rssAfterLoad(double mib) {
        server.append(String.format("| RSS after all scenarios | %.0f MiB |%n", mib));
    }

    void write(Map<String, Load.Stats> api, Map<String, Load.Stats> raw, Map<String, Double> cpuShare,
            Map<String, Double> apiOthers, Map<String, Double> rawOthers) throws Exception {
        // as shipped: the launcher unpacks the gzipped AOT cache beside itself at the first start
        Path unpacked = image.resolve("lib/pb4j.aot");
        long unpackedBytes = Files.exists(image.resolve("lib/pb4j.aot.gz")) && Files.exists(unpacked) ? Files.size(unpacked) : 0;
        String imageSize = Files.isDirectory(image)
                ? String.format("%.1f MB", (Long.parseLong(sh("du", "-sb", image.toString()).split("\\s")[0]) - unpackedBytes) / 1e6)
                        + (unpackedBytes > 0 ? String.format(" (+%.1f MB of AOT cache unpacked at the first start)", unpackedBytes / 1e6) : "")
                : "n/a";
        StringBuilder md = new StringBuilder();
        md.append("## ").append(date).append(" — commit ").append(commit).append("\n\n");
        md.append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores (").append(cpuModel())
                .append("), ").append(memTotal()).append(", Linux ").append(System.getProperty("os.version"))
                .append("; load average at the start ").append(loadAverage).append('\n');
        md.append("- JDK: ").append(System.getProperty("java.vm.vendor")).append(' ').append(Runtime.version())
                .append(" (harness").append(variant.equals("modules") ? " and server" : "; the server runs the image's own runtime")
                .append(")\n");
        md.append("- server: `").append(variant).append(variant.equals("image") ? " " + shown(image) : "").append("`; load generator: ").append(opt.get("client").equals("wrk")
                        ? "wrk 4.1.0 (Debian), " + Math.min(Runtime.getRuntime().availableProcessors(), Integer.parseInt(opt.get("connections"))) + " threads"
                        : "java.net.http.HttpClient on virtual threads")
                .append(", HTTP/1.1 keep-alive, ").append(opt.get("connections"))
                .append(" connections, all on 127.0.0.1, sharing the cores with the server\n");
        md.append("- each scenario: ").append(opt.get("warmup")).append(" s warm-up (discarded), then ").append(opt.get("measure"))
                .append(Long.parseLong(opt.get("max-requests")) > 0 && !opt.get("client").equals("wrk")
                        ? " s or " + opt.get("max-requests") + " requests, whichever ends first\n" : " s\n");
        md.append("- raw: sqlite-jdbc in the harness JVM, after the server stopped, on a `VACUUM INTO` copy of the seeded data.db; ")
                .append(opt.get("raw-threads")).append(" threads for reads, 1 for inserts (SQLite has one writer)\n\n");
        md.append("| scenario | API req/s | API p50 ms | API p99 ms | API errors | server CPU share | other procs, cores | raw ops/s | raw p50 ms | raw p99 ms | other procs, cores | API/raw throughput |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (var e : api.entrySet()) {
            Load.Stats a = e.getValue();
            Load.Stats r = raw.get(e.getKey());
            if (r == null) {
                // no raw side (health, the bare hello)
                md.append(String.format("| %s | %.0f | %.2f | %.2f | %d | %.0f%% | %.2f | – | – | – | – | – |%n",
                        e.getKey(), a.perSecond(), a.p50(), a.p99(), a.errors(), 100 * cpuShare.get(e.getKey()),
                        apiOthers.get(e.getKey())));
                continue;
            }
            md.append(String.format("| %s | %.0f | %.2f | %.2f | %d | %.0f%% | %.2f | %.0f | %.3f | %.3f | %.2f | %.3f |%n", e.getKey(),
                    a.perSecond(), a.p50(), a.p99(), a.errors(), 100 * cpuShare.get(e.getKey()), apiOthers.get(e.getKey()),
                    r.perSecond(), r.p50(), r.p99(), rawOthers.get(e.getKey()), a.perSecond() / r.perSecond()));
        }
        md.append(versusPublished(api, raw));
        md.append("\n| server figure | value |\n|---|---|\n").append(server);
        md.append("| jlink image size (`du -sb " + repo.relativize(image.toAbsolutePath()) + "`) | ").append(imageSize).append(" |\n");
        for (var e : api.entrySet()) {
            if (!e.getValue().firstError().isEmpty()) {
                md.append("\nFirst error in ").append(e.getKey()).append(": `").append(e.getValue().firstError()).append("`\n");
            }
        }
        Path results = repo.resolve("bench/results");
        Files.createDirectories(results);
        Files.writeString(results.resolve("latest.md"), "# pb4j benchmark — latest run\n\n" + md);
        Path history = repo.resolve("bench/RESULTS.md");
        if (!Files.exists(history)) {
            Files.writeString(history, "# pb4j benchmark results\n\nOne section per run of `bench/run`, newest last.\n");
        }
        Files.writeString(history, "\n" + md, StandardOpenOption.APPEND);
        System.out.println("\n" + md);
    }

    /** PocketBase's own published req/s for the scenarios measured here (the pocketbase suite), by scenario name. */
    void published(Map<String, Double> perSecond) {
        this.published = perSecond;
    }

    private String versusPublished(Map<String, Load.Stats> api, Map<String, Load.Stats> raw) {
        if (published.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\nAgainst PocketBase v0.36.0's published figures (pocketbase/benchmarks, "
                + "Hetzner CAX11: 2 shared ARM vCPUs, pure-Go SQLite, posts100k; its req/s = requests ÷ wall time, a new "
                + "connection per request), with how close each side is to the raw replay of its SQL:\n\n"
                + "| scenario | pb4j req/s | PocketBase req/s | pb4j ÷ PocketBase | pb4j API/raw |\n|---|---:|---:|---:|---:|\n");
        for (var e : api.entrySet()) {
            Double theirs = published.get(e.getKey());
            if (theirs == null) {
                continue;
            }
            Load.Stats r = raw.get(e.getKey());
            md.append(String.format("| %s | %.0f | %.1f | %.2f× | %s |%n", e.getKey(), e.getValue().perSecond(), theirs,
                    e.getValue().perSecond() / theirs, r == null ? "–" : String.format("%.3f", e.getValue().perSecond() / r.perSecond())));
        }
        return md.toString();
    }

    private static String cpuModel() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
    }

    private static String memTotal() throws IOException {
        return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                .map(l -> String.format("%.1f GiB RAM", Long.parseLong(l.replaceAll("\\D", "")) / 1048576.0))
                .findFirst().orElse("unknown RAM");
    }

    private String sh(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(repo.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** A path as the report shows it: relative to the working directory when inside it, so no machine path is kept. */
    static String shown(Path path) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = path.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.getFileName().toString();
    }
}
