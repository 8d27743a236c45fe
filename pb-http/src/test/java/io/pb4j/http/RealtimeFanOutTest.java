package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fan-out's shortcuts keep every subscriber's own answer: subscribers that share a subscription are grouped by
 * guest / auth record / superuser (and by the auth record itself where the rule, the filter or the export read it),
 * and the SSE chunks after the first are framed by pb4j itself (checked byte by byte on a raw socket).
 */
class RealtimeFanOutTest {
    @Test
    void everyGroupOfSubscribersGetsItsOwnViewOfTheRecord() throws Exception {
        try (TestServer server = new TestServer()) {
            String superuser = server.superuserToken();
            server.expect("POST", "/api/collections", superuser, """
                    {"name":"fan","listRule":"","viewRule":"",
                     "fields":[{"name":"title","type":"text"},{"name":"secret","type":"text","hidden":true}]}""", 200);
            String[] users = new String[2];
            String[] tokens = new String[2];
            for (int i = 0; i < 2; i++) {
                users[i] = RealtimeApiTest.json(server.expect("POST", "/api/collections/users/records", superuser,
                        "{\"email\":\"f" + i + "@example.com\",\"password\":\"1234567890\",\"passwordConfirm\":\"1234567890\"}", 200))
                        .getString("id");
                tokens[i] = RealtimeApiTest.json(server.expect("POST", "/api/collections/users/impersonate/" + users[i], superuser,
                        "{\"duration\":600}", 200)).getString("token");
            }
            List<SseClient> all = new ArrayList<>();
            try {
                // three guests, two clients of each user, two superuser clients: all on fan/* and on users/*
                List<SseClient> guests = open(server, all, null, 3, "fan/*", "users/*");
                List<SseClient> user0 = open(server, all, tokens[0], 2, "fan/*", "users/*");
                List<SseClient> user1 = open(server, all, tokens[1], 2, "fan/*", "users/*");
                List<SseClient> supers = open(server, all, superuser, 2, "fan/*", "users/*");
                List<SseClient> titleOnly = open(server, all, null, 1, "fan/*?options=" + java.net.URLEncoder.encode("{\"query\":{\"fields\":\"title\"}}", StandardCharsets.UTF_8));
                List<SseClient> filtered = open(server, all, tokens[0], 1, "fan/*?options="
                        + java.net.URLEncoder.encode("{\"query\":{\"filter\":\"title = 'other'\"}}", StandardCharsets.UTF_8));

                server.expect("POST", "/api/collections/fan/records", superuser, "{\"title\":\"one\",\"secret\":\"s\"}", 200);
                for (SseClient c : concat(guests, user0, user1)) {
                    JsonObject record = record(c, "fan/*");
                    assertThat(record.getString("title")).isEqualTo("one");
                    assertThat(record.containsKey("secret")).as("hidden field for a non-superuser").isFalse();
                }
                for (SseClient c : supers) {
                    assertThat(record(c, "fan/*").getString("secret")).isEqualTo("s");
                }
                JsonObject picked = record(titleOnly.getFirst(), null);
                assertThat(picked.keySet()).containsExactly("title");
                assertThat(filtered.getFirst().next(Duration.ofMillis(500))).as("the filter does not match").isEmpty();

                // users/*: the listRule reads @request.auth.id, and an auth record's email depends on who asks
                server.expect("PATCH", "/api/collections/users/records/" + users[1], superuser, "{\"name\":\"renamed\"}", 200);
                for (SseClient c : user1) {
                    JsonObject record = record(c, "users/*");
                    assertThat(record.getString("id")).isEqualTo(users[1]);
                    assertThat(record.getString("email")).as("the owner sees its email").isEqualTo("f1@example.com");
                }
                for (SseClient c : supers) {
                    assertThat(record(c, "users/*").getString("email")).isEqualTo("f1@example.com");
                }
                for (SseClient c : concat(guests, user0)) {
                    assertThat(c.next(Duration.ofMillis(300))).as("the listRule lets only the user and superusers see it").isEmpty();
                }
            } finally {
                all.forEach(SseClient::close);
            }
        }
    }

    @Test
    void chunksAfterTheFirstAreFramedExactly() throws Exception {
        try (TestServer server = new TestServer(); Socket socket = new Socket("127.0.0.1", java.net.URI.create(server.base).getPort())) {
            String superuser = server.superuserToken();
            server.expect("POST", "/api/collections", superuser, """
                    {"name":"raw","listRule":"","viewRule":"","fields":[{"name":"body","type":"editor"}]}""", 200);
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/realtime HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = readUntil(in, "\r\n\r\n");
            assertThat(head).startsWith("HTTP/1.1 200").containsIgnoringCase("transfer-encoding: chunked")
                    .containsIgnoringCase("content-type: text/event-stream");
            String first = chunk(in);
            assertThat(first).startsWith("id:").contains("event:PB_CONNECT\n").endsWith("\n\n");
            String clientId = first.substring(3, first.indexOf('\n'));
            assertThat(server.send("POST", "/api/realtime", null,
                    "{\"clientId\":\"" + clientId + "\",\"subscriptions\":[\"raw/*\"]}").status()).isEqualTo(204);
            // one byte, multi-byte UTF-8 and Go's escapes, and a message longer than one chunk of ours (16 KiB)
            for (String body : List.of("a", "b\u00e9\u4e2d<&>", "c".repeat(40_000))) {
                server.expect("POST", "/api/collections/raw/records", superuser, "{\"body\":\"" + body + "\"}", 200);
                StringBuilder message = new StringBuilder();
                while (!message.toString().endsWith("\n\n")) {
                    message.append(chunk(in));
                }
                assertThat(message.toString()).startsWith("id:" + clientId + "\nevent:raw/*\ndata:{\"record\":{")
                        .endsWith(",\"action\":\"create\"}\n\n");
                String expected = body.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
                assertThat(message.toString()).contains("\"body\":\"" + expected + "\"");
            }
        }
    }

    /** One HTTP/1.1 chunk: its size line, exactly that many bytes, CRLF. */
    private static String chunk(InputStream in) throws IOException {
        String sizeLine = readUntil(in, "\r\n");
        int size = Integer.parseInt(sizeLine.substring(0, sizeLine.length() - 2), 16);
        assertThat(size).as("no empty chunk (it would end the body)").isPositive();
        byte[] data = in.readNBytes(size);
        assertThat(data).hasSize(size);
        assertThat(new String(in.readNBytes(2), StandardCharsets.US_ASCII)).isEqualTo("\r\n");
        return new String(data, StandardCharsets.UTF_8);
    }

    private static String readUntil(InputStream in, String end) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        while (!buf.toString(StandardCharsets.ISO_8859_1).endsWith(end)) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("stream ended after " + buf);
            }
            buf.write(b);
        }
        return buf.toString(StandardCharsets.ISO_8859_1);
    }

    private static List<SseClient> open(TestServer server, List<SseClient> all, String token, int n, String... topics) {
        List<SseClient> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SseClient c = new SseClient(server);
            all.add(c);
            out.add(c);
            StringBuilder subs = new StringBuilder();
            for (String t : topics) {
                subs.append(subs.isEmpty() ? "" : ",").append('"').append(t).append('"');
            }
            TestServer.Response r = server.send("POST", "/api/realtime", token,
                    "{\"clientId\":\"" + c.clientId + "\",\"subscriptions\":[" + subs + "]}");
            assertThat(r.status()).isEqualTo(204);
        }
        return out;
    }

    /** The next event's record; its name checked when {@code name} is given. */
    private static JsonObject record(SseClient c, String name) {
        SseClient.Event e = c.next();
        if (name != null) {
            assertThat(e.name()).isEqualTo(name);
        }
        return RealtimeApiTest.json(e.data()).getJsonObject("record");
    }

    @SafeVarargs
    private static List<SseClient> concat(List<SseClient>... lists) {
        List<SseClient> out = new ArrayList<>();
        for (List<SseClient> l : lists) {
            out.addAll(l);
        }
        return out;
    }
}
