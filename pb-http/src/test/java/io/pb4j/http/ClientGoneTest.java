package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.Log;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A request whose client closes its connection stops: the running SQLite statement is interrupted (long before the
 * query timeout of 60 s) and the process stops burning CPU; requests whose clients stay (keep-alive, bodies, SSE) are
 * untouched. Everything over real sockets.
 */
class ClientGoneTest {
    private static final String SLOW = "/api/collections/slow/records";
    private static TestServer server;
    private static String superuser;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.on(Files.createTempDirectory("pb4j-test"), cfg -> cfg.queryTimeout(Duration.ofSeconds(60)));
        superuser = server.superuserToken();
        server.expect("POST", "/api/collections", superuser, """
                {"name":"items","listRule":"","viewRule":"","createRule":"","fields":[{"type":"number","name":"n"}]}""", 200);
        for (int i = 0; i < 60; i++) {
            server.expect("POST", "/api/collections/items/records", superuser, "{\"n\":" + i + "}", 200);
        }
        // six aliases of 60 rows: 60^6 combinations to walk through, far more than a minute of SQLite work
        StringBuilder rule = new StringBuilder("n >= 0");
        for (String alias : List.of("a", "b", "c", "d", "e", "f")) {
            rule.append(" && @collection.items:").append(alias).append(".n != -1");
        }
        server.expect("POST", "/api/collections", superuser, """
                {"name":"slow","listRule":"%s","viewRule":"","createRule":"","fields":[{"type":"number","name":"n"}]}"""
                .formatted(rule), 200);
        server.expect("POST", "/api/collections/slow/records", superuser, "{\"id\":\"slow00000000001\",\"n\":1}", 200);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /**
     * CPU time of SQLite's native calls so far, in ms: the threads of pb-store-sqlite's pool ({@code pb4j-sqlite-N}),
     * from /proc (clock ticks of 10 ms). Unlike the process's CPU this excludes JIT, GC and the log writer.
     */
    private static long sqliteCpuMillis() throws java.io.IOException {
        long ticks = 0;
        try (var tasks = Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (java.nio.file.Path task : tasks.toList()) {
                try {
                    if (!Files.readString(task.resolve("comm")).startsWith("pb4j-sqlite-")) {
                        continue;
                    }
                    String stat = Files.readString(task.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime
                } catch (java.io.IOException ended) {
                    // the thread ended meanwhile
                }
            }
        }
        return ticks * 10;
    }

    /** SQLite's CPU time over {@code millis} of wall time, in ms. */
    private static long sqliteCpuMillisOver(long millis) throws Exception {
        long before = sqliteCpuMillis();
        Thread.sleep(millis);
        return sqliteCpuMillis() - before;
    }

    @Test
    void aClosedClientStopsItsStatementAndTheCpuCalmsDown() throws Exception {
        long sent;
        long closed;
        try (Socket socket = new Socket("127.0.0.1", URI.create(server.base).getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + SLOW + "?x=gone HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            sent = System.nanoTime();
            Thread.sleep(300);
            assertThat(sqliteCpuMillisOver(400)).as("SQLite works on the slow list").isPositive();
            assertThat(socket.getInputStream().available()).as("the slow list is still running").isZero();
            closed = System.nanoTime();
        }
        // the watcher looks every 50 ms; the statement stops at its next progress check
        long calm = -1;
        for (int window = 0; window < 60 && calm < 0; window++) {
            if (sqliteCpuMillisOver(200) == 0) {
                calm = (System.nanoTime() - closed) / 1_000_000;
            }
        }
        assertThat(calm).as("ms after the close until SQLite's threads used no CPU for 200 ms").isBetween(0L, 10_000L);
        assertThat(sqliteCpuMillisOver(1000)).as("SQLite's CPU ms in the next second").isZero();

        server.app.logs().flush();
        List<Log> logs = server.app.logs().list("data.url = '" + SLOW + "?x=gone'", "", 1, 10, false).items();
        assertThat(logs).hasSize(1);
        double execMillis = logs.get(0).data().getJsonNumber("execTime").doubleValue();
        long openMillis = (closed - sent) / 1_000_000;
        assertThat(execMillis).as("the request ended soon after its client left").isBetween(openMillis - 200.0,
                openMillis + 10_000.0);
        assertThat(logs.get(0).data().getInt("status")).isEqualTo(400);
    }

    @Test
    void aClientThatStaysGetsItsAnswerOnTheSameKeepAliveConnection() throws Exception {
        // a list that takes over 250 ms (its connection is looked at a few times) on a connection
        // that then serves a request with a body and one more
        try (Socket socket = new Socket("127.0.0.1", URI.create(server.base).getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String slowish = "/api/collections/items/records?perPage=1&filter="
                    + java.net.URLEncoder.encode("@collection.items:a.n != -1 && @collection.items:b.n != -2 && @collection.items:c.n != -3", StandardCharsets.UTF_8);
            for (int round = 0; round < 1; round++) {
                out.write(("GET " + slowish + " HTTP/1.1\r\nHost: x\r\nAuthorization: " + superuser + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                long start = System.nanoTime();
                assertThat(readResponse(in)).startsWith("HTTP/1.1 200").contains("\"totalItems\":");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("long enough to be watched")
                        .isGreaterThan(Duration.ofMillis(250));
                String body = "{\"n\":" + round + "}";
                out.write(("POST /api/collections/items/records HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(readResponse(in)).startsWith("HTTP/1.1 200").contains("\"n\":" + round);
            }
            out.write("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void aStreamOutlivesTheWatchAndACheapRequestFollowsOnTheSameConnection() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<java.io.InputStream> sse = http.send(HttpRequest.newBuilder(URI.create(server.base + "/api/realtime"))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(sse.statusCode()).isEqualTo(200);
        try (BufferedReader events = new BufferedReader(new InputStreamReader(sse.body(), StandardCharsets.UTF_8))) {
            assertThat(events.readLine()).startsWith("id:");
            Thread.sleep(500); // well past the watch threshold: the stream stays open
            assertThat(server.send("GET", "/api/health", null, null).status()).isEqualTo(200);
        }
    }

    /** One response (status line, headers and a Content-Length body) as text. */
    private static String readResponse(BufferedReader in) throws Exception {
        StringBuilder r = new StringBuilder();
        int length = 0;
        String line;
        while (!(line = in.readLine()).isEmpty()) {
            r.append(line).append('\n');
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        char[] body = new char[length];
        int at = 0;
        while (at < length) {
            at += in.read(body, at, length - at);
        }
        return r.append('\n').append(body).toString();
    }
}
