package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A client that stops reading its event stream is dropped once its socket stays blocked or its queue overflows, and
 * meanwhile the other subscribers get every event at once: one stuck socket never holds the writers.
 */
class RealtimeSlowClientTest {
    private static final Pattern ID = Pattern.compile("id:(\\w{40})");

    @Test
    void aClientThatReadsNothingIsDroppedWithoutDelayingTheOthers() throws Exception {
        try (TestServer server = new TestServer()) {
            String superuser = server.superuserToken();
            server.expect("POST", "/api/collections", superuser, """
                    {"name":"big","listRule":"","viewRule":"","fields":[{"name":"blob","type":"json","maxSize":1000000}]}""", 200);
            String blob = "x".repeat(60_000);
            try (Socket stuck = new Socket(); SseClient reader = new SseClient(server)) {
                // a small receive window: the server's writes to it block after a few hundred kilobytes
                stuck.setReceiveBufferSize(4096);
                java.net.URI uri = java.net.URI.create(server.base);
                stuck.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
                stuck.setSoTimeout(10_000);
                stuck.getOutputStream().write(("GET /api/realtime HTTP/1.1\r\nHost: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String stuckId = clientId(stuck.getInputStream());
                for (String id : new String[] {stuckId, reader.clientId}) {
                    server.expect("POST", "/api/realtime", null,
                            "{\"clientId\":\"" + id + "\",\"subscriptions\":[\"big/*\"]}", 204);
                }
                // the stuck client reads nothing from here on; the reader gets every event within a second or two
                for (int i = 0; i < 120; i++) {
                    server.expect("POST", "/api/collections/big/records", superuser, "{\"blob\":\"" + blob + i + "\"}", 200);
                    SseClient.Event e = reader.next(Duration.ofSeconds(3)).orElseThrow(() -> new AssertionError("the reader waited"));
                    assertThat(e.name()).isEqualTo("big/*");
                    assertThat(e.data()).contains(blob + i);
                }
                long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                while (server.app.realtime().client(stuckId).isPresent() && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(server.app.realtime().client(stuckId)).as("the stuck client is dropped").isEmpty();
                assertThat(server.app.realtime().client(reader.clientId)).as("the reader stays").isPresent();
            }
        }
    }

    private static String clientId(InputStream in) throws Exception {
        StringBuilder seen = new StringBuilder();
        byte[] buf = new byte[1024];
        while (true) {
            int n = in.read(buf);
            if (n < 0) {
                throw new AssertionError("stream ended before PB_CONNECT: " + seen);
            }
            seen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            Matcher m = ID.matcher(seen);
            if (m.find()) {
                return m.group(1);
            }
        }
    }
}
