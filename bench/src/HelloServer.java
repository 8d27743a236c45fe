import io.helidon.http.HeaderValues;
import io.helidon.webserver.WebServer;

/**
 * The floor under {@code /api/health}: a bare Helidon SE WebServer (the version pb4j runs on) answering
 * {@code GET /api/health} with the very body pb4j sends, on 127.0.0.1, with TCP_NODELAY as pb4j sets it. The harness
 * starts it with the image launcher's JVM options and measures it in the same run as pb4j, so pb4j's health
 * throughput and p99 are shown as ratios to it. Prints {@code hello port=N} when it listens.
 */
public final class HelloServer {
    private static final byte[] BODY = "{\"message\":\"API is healthy.\",\"code\":200,\"data\":{}}"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private HelloServer() {
    }

    public static void main(String[] args) throws Exception {
        WebServer server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .connectionOptions(o -> o.tcpNoDelay(true))
                .routing(r -> r.get("/api/health", (req, res) -> {
                    res.header(HeaderValues.CONTENT_TYPE_JSON);
                    res.send(BODY);
                }))
                .build()
                .start();
        System.out.println("hello port=" + server.port());
        Thread.currentThread().join();
    }
}
