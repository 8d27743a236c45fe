package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Multipart record bodies are spooled to {@code pb_data/.pb_temp_to_delete} and streamed to the storage: the spooled
 * body is gone when the request ends (stored, refused by the body limit, malformed or invalid), and a large file
 * arrives whole. That the heap is not used is shown by pb-cli's {@code LargeUploadIT} (a server with a heap smaller
 * than the file).
 */
class StreamedUploadsTest {
    private static final String BOUNDARY = "pb4jStreamedUploadBoundary";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer();
        String su = server.superuserToken();
        server.expect("POST", "/api/collections", su, """
                {"name":"big","viewRule":"","createRule":"",
                 "fields":[{"type":"text","name":"title","max":5},{"type":"file","name":"f","maxSelect":1,"maxSize":60000000}]}""", 200);
        server.expect("POST", "/api/collections", su, """
                {"name":"small","createRule":"","fields":[{"type":"file","name":"f","maxSelect":1,"maxSize":1000}]}""", 200);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** Deterministic, incompressible-looking bytes, generated while they are sent. */
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

    /** POSTs a multipart body: a title, then a file part of {@code size} pattern bytes, closed unless {@code truncated}. */
    private static HttpResponse<String> post(String collection, String title, long size, boolean truncated) throws Exception {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\n" + title + "\r\n--" + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"f\"; filename=\"big.bin\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = (truncated ? "" : "\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.base + "/api/collections/" + collection + "/records"))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                        new SequenceInputStream(new ByteArrayInputStream(head), pattern(size)), new ByteArrayInputStream(tail))),
                        head.length + size + tail.length))
                .build();
        return HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    }

    private static long filesUnder(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    private static Path temp() {
        return server.dir.resolve(".pb_temp_to_delete");
    }

    @Test
    void aLargeFileArrivesWholeAndTheSpooledBodyIsRemoved() throws Exception {
        long size = 40L << 20;
        HttpResponse<String> r = post("big", "large", size, false);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String url = "/api/files/big/" + Uploads.id(r.body()) + "/" + Uploads.names(r.body(), "f").getFirst();
        HttpResponse<InputStream> file = HTTP.send(HttpRequest.newBuilder(URI.create(server.base + url)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(file.headers().firstValueAsLong("Content-Length")).hasValue(size);
        try (InputStream in = file.body()) {
            assertThat(sha256(in)).isEqualTo(sha256(pattern(size)));
        }
        assertThat(filesUnder(temp())).as("spooled bodies left").isZero();
    }

    @Test
    void aBodyOverTheLimitIs413AndLeavesNothing() throws Exception {
        long before = filesUnder(server.dir.resolve("storage"));
        // the limit is 32 MiB plus the field's 1000 bytes
        HttpResponse<String> r = post("small", "x", (32L << 20) + 5000, false);
        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(r.body()).contains("\"status\":413");
        assertThat(filesUnder(temp())).isZero();
        assertThat(filesUnder(server.dir.resolve("storage"))).isEqualTo(before);
    }

    @Test
    void aMalformedOrInvalidBodyIs400AndLeavesNothing() throws Exception {
        long before = filesUnder(server.dir.resolve("storage"));
        HttpResponse<String> malformed = post("big", "x", 100_000, true);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("\"message\":\"Failed to read the submitted data.\"");
        // a title longer than the field's max: the record is refused after the body was spooled and parsed
        HttpResponse<String> invalid = post("big", "too long", 100_000, false);
        assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(400);
        assertThat(invalid.body()).contains("\"data\":{\"title\":{\"code\":");
        assertThat(filesUnder(temp())).isZero();
        assertThat(filesUnder(server.dir.resolve("storage"))).isEqualTo(before);
    }
}
