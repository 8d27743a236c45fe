import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * {@code --suite=files}: upload of a 1 MB file, download of a 1 MB file and of a cached thumb, each beside getOne in
 * the same run (HttpClient, {@code --connections} workers); the first 100x100 thumb of a 2000x2000 JPEG in ms; and the
 * safety checks (path traversal, an oversize body, a decompression-bomb image, a text file named like an image) with
 * what each answered and whether anything was left on disk. Appends its section to bench/RESULTS.md.
 */
final class FilesSuite {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Pattern ID = Pattern.compile("\"id\":\"([a-z0-9]+)\"");
    private static final String BOUNDARY = "pb4jBenchBoundary";

    private FilesSuite() {
    }

    static void run(Map<String, String> opt, Path repo, Path work, String variant, Path image, String email, String password)
            throws Exception {
        int connections = Integer.parseInt(opt.get("connections"));
        Duration warmup = Duration.ofSeconds(Integer.parseInt(opt.get("warmup")));
        Duration measure = Duration.ofSeconds(Integer.parseInt(opt.get("measure")));
        long maxRequests = Long.parseLong(opt.get("max-requests"));
        // uploads write 1 MB each: bounded separately so a run cannot fill the disk
        long maxUploads = Long.parseLong(opt.getOrDefault("max-uploads", "3000"));
        Path data = work.resolve("pb_data");
        StringBuilder out = new StringBuilder();
        try (Server server = Server.start(variant, image, repo, data, email, password, work.resolve("server.log"), false)) {
            String base = "http://127.0.0.1:" + server.port;
            Api api = new Api(base, connections);
            api.superuserLogin(email, password);
            api.admin("POST", "/api/collections", """
                    {"name":"media","type":"base","listRule":"","viewRule":"","createRule":"",
                     "fields":[{"name":"title","type":"text"},{"name":"doc","type":"file","maxSize":5000000},
                               {"name":"img","type":"file","maxSize":20000000,"mimeTypes":["image/jpeg","image/png"],"thumbs":["100x100"]}]}""");
            byte[] mb = new byte[1 << 20];
            ThreadLocalRandom.current().nextBytes(mb);
            String docRecord = upload(base, multipart(List.<String[]>of(new String[] {"title", "one"}), "doc", "one.bin", mb)).body();
            String docId = id(docRecord);
            String docName = field(docRecord, "doc");
            byte[] jpeg = jpeg(2000, 2000);
            String imgRecord = upload(base, multipart(List.of(), "img", "big.jpg", jpeg)).body();
            String imgId = id(imgRecord);
            String imgName = field(imgRecord, "img");
            String thumbUrl = base + "/api/files/media/" + imgId + "/" + imgName + "?thumb=100x100";
            long t0 = System.nanoTime();
            int thumbStatus = get(thumbUrl).statusCode();
            double firstThumbMs = (System.nanoTime() - t0) / 1e6;
            t0 = System.nanoTime();
            get(thumbUrl);
            double cachedThumbMs = (System.nanoTime() - t0) / 1e6;
            Bench.log(String.format("first thumb of a 2000x2000 JPEG (%d KiB): %.0f ms (status %d), then %.1f ms", jpeg.length >> 10,
                    firstThumbMs, thumbStatus, cachedThumbMs));

            String fileUrl = base + "/api/files/media/" + docId + "/" + docName;
            String oneUrl = base + "/api/collections/media/records/" + docId;
            byte[] uploadBody = multipart(List.<String[]>of(new String[] {"title", "load"}), "doc", "load.bin", mb);
            List<String[]> rows = new ArrayList<>();
            rows.add(row("getOne by id (before)", load(connections, warmup, measure, maxRequests, () -> check(get(oneUrl), 200))));
            rows.add(row("download 1 MB file", load(connections, warmup, measure, maxRequests, () -> check(get(fileUrl), 200))));
            rows.add(row("cached thumb 100x100", load(connections, warmup, measure, maxRequests, () -> check(get(thumbUrl), 200))));
            rows.add(row("upload 1 MB file (create)", load(connections, warmup, measure, maxUploads, () -> check(upload(base, uploadBody), 200))));
            rows.add(row("getOne by id (after)", load(connections, warmup, measure, maxRequests, () -> check(get(oneUrl), 200))));

            out.append("\n## ").append(Instant.now().toString().substring(0, 16).replace('T', ' ')).append(" UTC — files suite\n\n")
                    .append("- server: `").append(variant).append("`; client: HttpClient, ").append(connections)
                    .append(" connections, HTTP/1.1 keep-alive on 127.0.0.1; each scenario ").append(warmup.toSeconds())
                    .append(" s warm-up, then ").append(measure.toSeconds()).append(" s or the request bound (uploads: ")
                    .append(maxUploads).append(")\n- machine: ").append(Runtime.getRuntime().availableProcessors())
                    .append(" cores, shared with the load generator\n\n| scenario | req/s | p50 ms | p99 ms | errors |\n|---|---:|---:|---:|---:|\n");
            rows.forEach(r -> out.append("| ").append(String.join(" | ", r)).append(" |\n"));
            out.append(String.format("%n| figure | value |%n|---|---|%n| first 100x100 thumb of a 2000x2000 JPEG (%d KiB) | %.0f ms (status %d) |%n"
                    + "| the same thumb again (cached) | %.1f ms |%n", jpeg.length >> 10, firstThumbMs, thumbStatus, cachedThumbMs));

            out.append("\n| safety check | answer | files left on disk by it |\n|---|---|---|\n");
            Path storage = data.resolve("storage");
            safety(out, storage, "path traversal in the upload name (`../../../etc/passwd`)", () -> {
                HttpResponse<String> r = upload(base, multipart(List.of(), "doc", "../../../etc/passwd", "x".getBytes()));
                return r.statusCode() + " " + (r.statusCode() == 200 ? "stored as `" + field(r.body(), "doc") + "` in the record's folder" : r.body());
            }, false);
            safety(out, storage, "path traversal in the download path (`..%2F..%2Fdata.db`)",
                    () -> String.valueOf(get(base + "/api/files/media/" + docId + "/..%2F..%2Fdata.db").statusCode()), false);
            safety(out, storage, "oversize body (32 MiB + the fields' limits + 1 MiB)", () -> {
                byte[] big = new byte[(32 << 20) + 5_000_000 + 20_000_000 + (1 << 20)];
                return String.valueOf(upload(base, multipart(List.of(), "doc", "big.bin", big)).statusCode());
            }, false);
            safety(out, storage, "decompression bomb (a PNG claiming 100000x100000)", () -> {
                HttpResponse<String> r = upload(base, multipart(List.of(), "img", "bomb.png", bombPng()));
                return r.statusCode() + " " + code(r.body());
            }, false);
            safety(out, storage, "a text file named `photo.png` for a field without mimeTypes", () -> {
                HttpResponse<String> r = upload(base, multipart(List.of(), "doc", "photo.png", "not an image".getBytes()));
                return r.statusCode() + " " + code(r.body());
            }, false);
            safety(out, storage, "a text file named `photo.png` for an image-only field", () -> {
                HttpResponse<String> r = upload(base, multipart(List.of(), "img", "photo.png", "not an image".getBytes()));
                return r.statusCode() + " " + (r.body().contains("validation_invalid_mime_type") ? "validation_invalid_mime_type" : r.body());
            }, false);
        }
        Files.writeString(repo.resolve("bench/results/latest-files.md"), out.toString());
        Files.writeString(repo.resolve("bench/RESULTS.md"), out.toString(), java.nio.file.StandardOpenOption.APPEND);
        Bench.log("files suite written to bench/RESULTS.md and bench/results/latest-files.md");
    }

    /** The first validation code in an error body, or the body itself. */
    private static String code(String body) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"code\":\"([^\"]+)\"").matcher(body);
        return m.find() ? m.group(1) : body;
    }

    interface Check {
        String run() throws Exception;
    }

    private static void safety(StringBuilder out, Path storage, String name, Check check, boolean storesOnSuccess) throws Exception {
        long before = count(storage);
        String answer = check.run();
        long after = count(storage);
        out.append("| ").append(name).append(" | ").append(answer.replace("|", "\\|").replace("\n", " ")).append(" | ")
                .append(after - before).append(storesOnSuccess ? " (the accepted upload and its .attrs)" : "").append(" |\n");
        Bench.log(name + ": " + answer + ", files +" + (after - before));
    }

    private static long count(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    private static String[] row(String name, Load.Stats s) {
        return new String[] {name, String.format("%.0f", s.perSecond()), String.format("%.2f", s.p50()), String.format("%.2f", s.p99()),
                String.valueOf(s.errors())};
    }

    private static Load.Stats load(int workers, Duration warmup, Duration measure, long max, Load.Op op) throws InterruptedException {
        Load.Stats s = Load.run(workers, warmup, measure, max, w -> op);
        Bench.log(String.format("  %.0f/s p50 %.2f ms p99 %.2f ms, %d errors %s", s.perSecond(), s.p50(), s.p99(), s.errors(), s.firstError()));
        return s;
    }

    private static void check(HttpResponse<?> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException("status " + r.statusCode());
        }
    }

    private static HttpResponse<byte[]> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpResponse<String> upload(String base, byte[] body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/collections/media/records"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] multipart(List<String[]> fields, String fileKey, String filename, byte[] content) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (String[] f : fields) {
            b.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + f[0] + "\"\r\n\r\n" + f[1] + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        b.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + fileKey + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        b.writeBytes(content);
        b.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return b.toByteArray();
    }

    private static String id(String json) {
        Matcher m = ID.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return m.group(1);
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    /** A 2000x2000 photo-like JPEG (gradients and noise, so it does not compress to nothing). */
    private static byte[] jpeg(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int n = r.nextInt(32);
                img.setRGB(x, y, ((x * 255 / w + n) & 0xFF) << 16 | ((y * 255 / h + n) & 0xFF) << 8 | ((x + y) & 0xFF));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", out);
        return out.toByteArray();
    }

    /** A valid PNG header whose IHDR claims 100000x100000 pixels. */
    private static byte[] bombPng() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        byte[] ihdr = java.nio.ByteBuffer.allocate(13).putInt(100_000).putInt(100_000).put((byte) 8).put((byte) 2).put(new byte[3]).array();
        for (Object[] c : new Object[][] {{"IHDR", ihdr}, {"IEND", new byte[0]}}) {
            byte[] type = ((String) c[0]).getBytes(StandardCharsets.US_ASCII);
            byte[] d = (byte[]) c[1];
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(type);
            crc.update(d);
            out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(d.length).array());
            out.writeBytes(type);
            out.writeBytes(d);
            out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        }
        return out.toByteArray();
    }
}
