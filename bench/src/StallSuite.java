import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code --suite=stall}: does a slow query stall everyone else? Seeds 50 tags and {@code --records} (2 000) posts
 * with up to 5 tags each, then for N = 0, 1, 2, 4 and 8 guests that loop an expensive list filter (100 clauses
 * {@code tags.id != 'x'} joined by {@code &&}, each a {@code json_each} join) times {@code GET /api/health} and
 * {@code GET …/posts/records/{id}} from one more client for {@code --measure} seconds. Prints p50 / p99 / max per N
 * and appends them to bench/RESULTS.md.
 */
final class StallSuite {
    private StallSuite() {
    }

    static void run(Map<String, String> opt, Path repo, Path work) throws Exception {
        Path image = Path.of(opt.getOrDefault("image", Server.image(repo).toString()));
        String variant = opt.getOrDefault("server", Files.isExecutable(image.resolve("bin/pb4j")) ? "image" : "modules");
        int records = Integer.parseInt(opt.getOrDefault("records", "2000"));
        int seconds = Integer.parseInt(opt.getOrDefault("measure", "10"));
        StringBuilder out = new StringBuilder("\n## stall " + java.time.LocalDateTime.now().withNano(0) + " (" + variant
                + " " + Report.shown(image) + ", " + Runtime.getRuntime().availableProcessors() + " cores, " + records + " posts)\n\n"
                + "| slow guests | expensive lists done | health p50 / p99 / max ms | getOne p50 / p99 / max ms |\n"
                + "|---|---|---|---|\n");
        Report.deleteTree(work);
        Files.createDirectories(work);
        try (Server server = Server.start(variant, image, repo, work.resolve("pb_data"), Bench.EMAIL, Bench.PASSWORD,
                work.resolve("server.log"), false)) {
            Api api = new Api("http://127.0.0.1:" + server.port, 8);
            api.superuserLogin(Bench.EMAIL, Bench.PASSWORD);
            api.admin("POST", "/api/collections", "{\"name\":\"tags\",\"listRule\":\"\",\"viewRule\":\"\","
                    + "\"fields\":[{\"type\":\"text\",\"name\":\"name\"}]}");
            List<String> tags = api.seed("tags", 50, i -> "{\"name\":\"tag" + i + "\"}");
            String tagsId = idOf(api.admin("GET", "/api/collections/tags", null));
            api.admin("POST", "/api/collections", "{\"name\":\"posts\",\"listRule\":\"\",\"viewRule\":\"\","
                    + "\"fields\":[{\"type\":\"text\",\"name\":\"title\"},{\"type\":\"relation\",\"name\":\"tags\","
                    + "\"collectionId\":\"" + tagsId + "\",\"maxSelect\":5}]}");
            List<String> posts = api.seed("posts", records, i -> "{\"title\":\"post " + i + "\",\"tags\":[\""
                    + String.join("\",\"", tags.subList(i % 45, i % 45 + 1 + i % 5)) + "\"]}");
            String filter = java.net.URLEncoder.encode(String.join(" && ", Collections.nCopies(100, "tags.id != 'x'")),
                    java.nio.charset.StandardCharsets.UTF_8);
            String slowPath = "/api/collections/posts/records?perPage=1&filter=" + filter;
            for (int slow : new int[] {0, 1, 2, 4, 8}) {
                AtomicBoolean stop = new AtomicBoolean();
                AtomicInteger done = new AtomicInteger();
                List<Thread> guests = new ArrayList<>();
                for (int g = 0; g < slow; g++) {
                    Api own = new Api(api.base, 1);
                    guests.add(Thread.ofPlatform().start(() -> {
                        while (!stop.get()) {
                            try {
                                own.send("GET", slowPath, null, "");
                                done.incrementAndGet();
                            } catch (Exception e) {
                                // a timed-out query is a 400: it still counts as load
                            }
                        }
                    }));
                }
                Thread.sleep(1000);
                List<Double> health = new ArrayList<>();
                List<Double> getOne = new ArrayList<>();
                int startDone = done.get();
                long end = System.nanoTime() + seconds * 1_000_000_000L;
                Api timer = new Api(api.base, 1);
                for (int i = 0; System.nanoTime() < end; i++) {
                    long t0 = System.nanoTime();
                    timer.send("GET", "/api/health", null, "");
                    health.add((System.nanoTime() - t0) / 1e6);
                    t0 = System.nanoTime();
                    timer.send("GET", "/api/collections/posts/records/" + posts.get(i % posts.size()), null, "");
                    getOne.add((System.nanoTime() - t0) / 1e6);
                    Thread.sleep(20);
                }
                int lists = done.get() - startDone;
                stop.set(true);
                for (Thread t : guests) {
                    t.join();
                }
                String row = "| " + slow + " | " + lists + " in " + seconds + " s | " + stats(health) + " | "
                        + stats(getOne) + " |\n";
                Bench.log(row.strip());
                out.append(row);
            }
        }
        Files.writeString(repo.resolve("bench/RESULTS.md"), out, java.nio.file.StandardOpenOption.APPEND);
        System.out.print(out);
    }

    private static String idOf(String collectionJson) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(collectionJson);
        return m.find() ? m.group(1) : "";
    }

    private static String stats(List<Double> ms) {
        List<Double> sorted = new ArrayList<>(ms);
        Collections.sort(sorted);
        return String.format("%.1f / %.1f / %.1f", sorted.get(sorted.size() / 2),
                sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1)), sorted.getLast());
    }
}
