package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The attack review's findings (issue 11), each replayed over real HTTP: hostile values are refused with PocketBase's
 * 400 and never break a collection, stored values no field can read still list, bcrypt's 72 bytes, Go's limits on
 * URLs, headers and {@code perPage}, the list timing throttle, and the header read deadline (short, for the test).
 */
class HostileInputTest {
    private static final String READ_FAILED = "{\"data\":{},\"message\":\"Failed to read the submitted data.\",\"status\":400}";
    private static TestServer server;
    private static String superuser;

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.on(java.nio.file.Files.createTempDirectory("pb4j-test"),
                cfg -> cfg.readHeaderTimeout(Duration.ofSeconds(1)).readTimeout(Duration.ofSeconds(2)));
        superuser = server.superuserToken();
        server.expect("POST", "/api/collections", superuser, """
                {"name":"notes","listRule":"","viewRule":"","createRule":"","updateRule":"",
                 "fields":[{"type":"json","name":"meta"},{"type":"number","name":"n"},{"type":"text","name":"text"}]}""", 200);
        server.expect("POST", "/api/collections", superuser, """
                {"name":"secrets","listRule":"text = 'public'","fields":[{"type":"text","name":"text"}]}""", 200);
        server.expect("POST", "/api/collections/notes/records", superuser, "{\"id\":\"note00000000001\",\"meta\":{\"a\":1}}", 200);
        jakarta.json.JsonObject settings = server.app.settings();
        server.app.saveSettings(jakarta.json.Json.createObjectBuilder(settings).add("batch",
                jakarta.json.Json.createObjectBuilder(settings.getJsonObject("batch")).add("enabled", true)).build());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static void assertNotesStillList() {
        assertThat(server.send("GET", "/api/collections/notes/records", null, null).status()).isEqualTo(200);
        assertThat(server.send("GET", "/api/collections/notes/records", superuser, null).status()).isEqualTo(200);
        assertThat(server.send("GET", "/api/collections/notes/records/note00000000001", null, null).status()).isEqualTo(200);
    }

    @Test
    void numbersBeyondADoubleAreRefusedWhenTheBodyIsRead() {
        for (String number : List.of("1e999", "-1e999", "1" + "0".repeat(400), "9".repeat(100_000))) {
            TestServer.Response r = server.send("POST", "/api/collections/notes/records", null, "{\"meta\":" + number + "}");
            assertThat(r.status()).as(number.substring(0, 5)).isEqualTo(400);
            assertThat(r.body()).isEqualTo(READ_FAILED);
            r = server.send("POST", "/api/collections/notes/records", null, "{\"n\":" + number + "}");
            assertThat(r.body()).isEqualTo(READ_FAILED);
        }
        assertNotesStillList();
    }

    @Test
    void tinyAndLongButFiniteNumbersAreRead() {
        TestServer.Response r = server.send("POST", "/api/collections/notes/records", null,
                "{\"meta\":{\"tiny\":1e-99999,\"big\":1e308}}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("\"tiny\":1e-99999", "\"big\":1e308");
        assertNotesStillList();
    }

    @Test
    void aFormValueThatOverflowsIsNoNumberAndBreaksNothing() {
        String boundary = "xYzZY";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"meta\"\r\n\r\n-1e999\r\n--" + boundary + "--\r\n";
        TestServer.Response r = server.sendWith("POST", "/api/collections/notes/records",
                Map.of("Content-Type", "multipart/form-data; boundary=" + boundary), body);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("\"meta\":\"-1e999\"");
        r = server.sendWith("POST", "/api/collections/notes/records",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), "n=-1e999");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("\"n\":{\"code\":\"validation_not_a_number\"");
        assertNotesStillList();
    }

    @Test
    void aStoredValueNoJsonCanHoldListsAsNull() {
        server.expect("POST", "/api/collections/notes/records", superuser, "{\"id\":\"noteinfinity001\",\"n\":1}", 200);
        // what an older pb4j stored from {"meta":1e999}: SQLite's REAL infinity in the JSON column
        server.app.store().write(s -> s.execute("UPDATE notes SET meta = 9e999, n = -9e999 WHERE id = ?",
                List.of("noteinfinity001")));
        TestServer.Response r = server.send("GET", "/api/collections/notes/records/noteinfinity001", null, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("\"meta\":null", "\"n\":0");
        assertNotesStillList();
    }

    @Test
    void deepNestingIsA400OnEveryJsonEndpoint() {
        String deep = "[".repeat(1001) + "]".repeat(1001);
        TestServer.Response r = server.send("POST", "/api/collections/_superusers/auth-with-password", null, deep);
        assertThat(r.body()).isEqualTo(
                "{\"data\":{},\"message\":\"An error occurred while loading the submitted data.\",\"status\":400}");
        r = server.send("POST", "/api/collections/notes/records", null, "{\"meta\":" + deep + "}");
        assertThat(r.body()).isEqualTo(READ_FAILED);
        r = server.send("POST", "/api/collections", superuser, "{\"name\":" + deep + "}");
        assertThat(r.status()).isEqualTo(400);
        r = server.send("POST", "/api/batch", superuser, "{\"requests\":" + deep + "}");
        assertThat(r.status()).isEqualTo(400);
        // below 1 000 levels (the body object included) it is JSON
        String thousand = "[".repeat(998) + "]".repeat(998);
        r = server.send("POST", "/api/collections/notes/records", null, "{\"meta\":" + thousand + "}");
        assertThat(r.status()).isEqualTo(200);
        assertNotesStillList();
    }

    @Test
    void aBadEscapeInAFormIsA400() {
        TestServer.Response r = server.sendWith("POST", "/api/collections/notes/records",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), "text=%ZZ");
        assertThat(r.body()).isEqualTo(READ_FAILED);
        r = server.sendWith("POST", "/api/collections/notes/records",
                Map.of("Content-Type", "application/x-www-form-urlencoded"), "%=x");
        assertThat(r.body()).isEqualTo(READ_FAILED);
    }

    @Test
    void passwordsOverBcryptsSeventyTwoBytesAreRefused() {
        String body = "{\"email\":\"e%d@example.com\",\"password\":\"%s\",\"passwordConfirm\":\"%s\"}";
        String forty = "é".repeat(40); // 40 characters, 80 bytes
        TestServer.Response r = server.send("POST", "/api/collections/users/records", null,
                body.formatted(1, forty, forty));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("\"password\":{\"code\":\"validation_invalid_value\",\"message\":\"Invalid value.\"}");
        String seventyTwoBytes = "é".repeat(36);
        assertThat(server.send("POST", "/api/collections/users/records", null,
                body.formatted(2, seventyTwoBytes, seventyTwoBytes)).status()).isEqualTo(200);
        String seventyOne = "a".repeat(71);
        assertThat(server.send("POST", "/api/collections/users/records", null,
                body.formatted(3, seventyOne, seventyOne)).status()).isEqualTo(200);
        String seventyTwo = "a".repeat(72);
        assertThat(server.send("POST", "/api/collections/users/records", null, body.formatted(4, seventyTwo, seventyTwo))
                .body()).contains("\"password\":{\"code\":\"validation_max_text_constraint\"");
    }

    @Test
    void hugePerPageIsCappedAndHugePageIsNoError() {
        TestServer.Response r = server.send("GET", "/api/collections/notes/records?perPage=99999999999", null, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("\"perPage\":1000");
        r = server.send("GET", "/api/collections/notes/records?page=99999999999", null, null);
        assertThat(r.status()).isEqualTo(200);
        r = server.send("GET", "/api/collections?page=99999999999&perPage=99999999999", superuser, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(server.send("GET", "/api/collections/notes/records?perPage=1e3", null, null).status()).isEqualTo(400);
    }

    @Test
    void longUrlsAndHeadersAreReadAsGoReadsThem() {
        StringBuilder filter = new StringBuilder("id!='x'");
        while (filter.length() < 100_000) {
            filter.append("%26%26id!='x'");
        }
        TestServer.Response r = server.send("GET", "/api/collections/notes/records?filter=" + filter, null, null);
        assertThat(r.status()).isNotIn(414, 431).isLessThan(500);
        r = server.sendWithHeaders("GET", "/api/health", "X-Long", "v".repeat(200_000));
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void repeatedEmptyFilteredListsAreThrottledAtRandom() {
        String url = "/api/collections/secrets/records?filter=" + java.net.URLEncoder.encode("text='x'", StandardCharsets.UTF_8);
        for (int i = 0; i < 3; i++) {
            assertThat(server.send("GET", url, null, null).status()).isEqualTo(200);
        }
        long start = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            assertThat(server.send("GET", url, null, null).status()).isEqualTo(200);
        }
        // ten random waits of 0–500 ms: their sum is far above 0.5 s unless there is no throttle at all
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(500));
        // superusers are never throttled
        start = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            assertThat(server.send("GET", url, superuser, null).status()).isEqualTo(200);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void aClientTricklingItsHeadersIsCutOffAfterTheHeaderTimeout() throws Exception {
        assertThat(secondsUntilClosed("GET /api/health HTTP/1.1\r\n", "X-Slow: abcdefghijklmnopqrstuvwxyz")).isLessThan(4);
        assertThat(secondsUntilClosed("", "GET /api/health HTTP/1.1")).isLessThan(5);
    }

    @Test
    void aClientThatStopsSendingItsBodyIsCutOffAfterTheReadTimeout() throws Exception {
        String head = "POST /api/collections/notes/records HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 1000\r\n\r\n{\"text\":\"";
        int port = Integer.parseInt(server.base.substring(server.base.lastIndexOf(':') + 1));
        long start = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            // the server stops waiting: it closes the connection (or answers first)
            socket.getInputStream().readAllBytes();
        } catch (IOException reset) {
            // closed by the server
        }
        assertThat((System.nanoTime() - start) / 1e9).isBetween(1.5, 6.0);
    }

    @Test
    void aRefusedWriteIsAnsweredOnceItsBodyArrivedAndItsConnectionCarriesOn() throws Exception {
        // views refuse writes before reading the body: the answer used to leave while the body was on the way. A server
        // of its own: this class's one cuts connections after a second (its header timeout), as Helidon counts a
        // request's idle time from its start on a clock of one-second steps
        try (TestServer own = new TestServer()) {
            aRefusedWriteWaitsForItsBody(own);
        }
    }

    private static void aRefusedWriteWaitsForItsBody(TestServer own) throws IOException {
        String token = own.superuserToken();
        own.expect("POST", "/api/collections", token, """
                {"name":"notes","fields":[{"type":"number","name":"n"}]}""", 200);
        own.expect("POST", "/api/collections", token, """
                {"name":"notesview","type":"view","listRule":"","viewRule":"","viewQuery":"SELECT id, n FROM notes"}""", 200);
        own.expect("POST", "/api/collections/notes/records", token, "{\"id\":\"note00000000001\"}", 200);
        byte[] body = new byte[50];
        new java.util.Random(20261210).nextBytes(body);
        body[0] = '{';
        body[1] = '"';
        int port = Integer.parseInt(own.base.substring(own.base.lastIndexOf(':') + 1));
        for (String method : List.of("PATCH", "DELETE", "POST")) {
            String path = "/api/collections/notesview/records" + (method.equals("POST") ? "" : "/note00000000001");
            try (Socket socket = new Socket("127.0.0.1", port)) {
                OutputStream out = socket.getOutputStream();
                InputStream in = socket.getInputStream();
                out.write((method + " " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: "
                        + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                socket.setSoTimeout(400);
                assertThatThrownBy(in::read).as("no answer before the body").isInstanceOf(java.net.SocketTimeoutException.class);
                out.write(body);
                out.flush();
                socket.setSoTimeout(10_000);
                assertThat(response(in)).startsWith("HTTP/1.1 400").contains("\"status\":400");
                out.write("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(response(in)).as("the same connection serves the next request").startsWith("HTTP/1.1 200");
            }
        }
    }

    /** One response with a Content-Length body, read from the raw stream. */
    private static String response(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after: " + head);
            }
            head.append((char) b);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        int length = m.find() ? Integer.parseInt(m.group(1)) : 0;
        return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /** Sends {@code head}, then one byte of {@code trickle} every 200 ms; the seconds until the server closed. */
    private static double secondsUntilClosed(String head, String trickle) throws IOException, InterruptedException {
        int port = Integer.parseInt(server.base.substring(server.base.lastIndexOf(':') + 1));
        long start = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(100);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 100; i++) {
                try {
                    out.write(trickle.charAt(i % trickle.length()));
                    out.flush();
                } catch (IOException closed) {
                    break;
                }
                try {
                    if (in.read() < 0) {
                        break;
                    }
                } catch (java.net.SocketTimeoutException stillOpen) {
                    // nothing yet
                } catch (IOException reset) {
                    break;
                }
                Thread.sleep(100);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }
}
