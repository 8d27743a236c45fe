package io.pb4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads are streamed: the image, run with a 64 MiB heap, stores a 200 MiB file sent as a multipart record create
 * and serves it back byte for byte, and leaves no spooled body behind. Holding the body or the file in memory would
 * fail with an OutOfMemoryError.
 */
class LargeUploadIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("pb4j.image", "target/image")).resolve("bin/pb4j");
    private static final long SIZE = 200L << 20;
    private static final String BOUNDARY = "pb4jLargeUploadBoundary";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path tmp;

    @Test
    void aFileLargerThanTheHeapIsStoredAndServedWhole() throws Exception {
        Path dataDir = tmp.resolve("pb_data");
        Process upsert = new ProcessBuilder(LAUNCHER.toString(), "superuser", "upsert", "big@example.com", "1234567890",
                "--dir=" + dataDir).redirectErrorStream(true).redirectOutput(tmp.resolve("upsert.out").toFile()).start();
        assertThat(upsert.waitFor(60, TimeUnit.SECONDS)).isTrue();
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(LAUNCHER.toString(), "serve", "--http=127.0.0.1:" + port, "--dir=" + dataDir)
                .redirectErrorStream(true).redirectOutput(tmp.resolve("serve.out").toFile());
        pb.environment().put("JDK_JAVA_OPTIONS", "-Xmx64m");
        Process server = pb.start();
        String base = "http://127.0.0.1:" + port;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (status(base + "/api/health") != 200) {
                if (System.nanoTime() > deadline || !server.isAlive()) {
                    fail("the image did not serve: " + Files.readString(tmp.resolve("serve.out")));
                }
                Thread.sleep(50);
            }
            String token = field(json("POST", base + "/api/collections/_superusers/auth-with-password", null,
                    "{\"identity\":\"big@example.com\",\"password\":\"1234567890\"}").body(), "token");
            HttpResponse<String> created = json("POST", base + "/api/collections", token,
                    "{\"name\":\"big\",\"viewRule\":\"\",\"createRule\":\"\",\"fields\":[{\"name\":\"f\",\"type\":\"file\",\"maxSize\":300000000}]}");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);

            byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"big.bin\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
            HttpRequest upload = HttpRequest.newBuilder(URI.create(base + "/api/collections/big/records"))
                    .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                    .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                            new SequenceInputStream(new ByteArrayInputStream(head), pattern(SIZE)), new ByteArrayInputStream(tail))),
                            head.length + SIZE + tail.length))
                    .build();
            HttpResponse<String> record = HTTP.send(upload, HttpResponse.BodyHandlers.ofString());
            assertThat(record.statusCode()).as(record.body()).isEqualTo(200);

            String url = base + "/api/files/big/" + field(record.body(), "id") + "/" + field(record.body(), "f");
            HttpResponse<InputStream> file = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(file.statusCode()).isEqualTo(200);
            try (InputStream in = file.body()) {
                assertThat(sha256(in)).isEqualTo(sha256(pattern(SIZE)));
            }
            assertThat(spooled(dataDir.resolve(".pb_temp_to_delete"))).as("spooled bodies left").isZero();
            assertThat(server.isAlive()).isTrue();
            assertThat(Files.readString(tmp.resolve("serve.out"))).doesNotContain("OutOfMemoryError");
        } finally {
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly();
        }
    }

    private static long spooled(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    /** Deterministic bytes, generated while they are sent. */
    private static InputStream pattern(long size) {
        return new InputStream() {
            private long sent;

            @Override
            public int read() {
                return sent < size ? (int) ((sent++ * 2654435761L) >>> 13) & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - sent);
                for (int i = 0; i < n; i++) {
                    b[off + i] = (byte) (((sent++) * 2654435761L) >>> 13);
                }
                return n;
            }
        };
    }

    private static String sha256(InputStream in) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
            md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException | InterruptedException notYet) {
            return -1;
        }
    }

    private static HttpResponse<String> json(String method, String url, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            fail("no %s in %s", name, json);
        }
        return m.group(1);
    }
}
