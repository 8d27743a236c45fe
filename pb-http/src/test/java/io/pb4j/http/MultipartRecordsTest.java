package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Record create/update with {@code multipart/form-data} bodies (what the SDK sends when a body has files) over real HTTP. */
class MultipartRecordsTest {
    private static final String BOUNDARY = "----pb4jFormBoundary7MA4YWxkTrZu0gW";
    private static TestServer server;
    private static String superuser;

    @BeforeAll
    static void start() {
        server = new TestServer();
        superuser = server.superuserToken();
        server.expect("POST", "/api/collections", superuser, """
                {"name":"forms","listRule":"","viewRule":"","createRule":"","updateRule":"","deleteRule":"",
                 "fields":[{"type":"text","name":"title"},{"type":"number","name":"n"},{"type":"bool","name":"flag"},
                           {"type":"select","name":"tags","maxSelect":3,"values":["a","b","c"]},
                           {"type":"json","name":"j1"},{"type":"json","name":"j2"},{"type":"json","name":"j3"},
                           {"type":"json","name":"j4"},{"type":"json","name":"j5"},{"type":"json","name":"data"}]}""", 200);
        server.expect("POST", "/api/collections", superuser, """
                {"name":"payload_rule","createRule":"@request.body.testPayload = 123","updateRule":"@request.body.testPayload = 123",
                 "viewRule":"","fields":[{"type":"text","name":"title"}]}""", 200);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** Builds a multipart body from name, value pairs; a value starting with {@code file:} becomes a file part. */
    static String form(String... pairs) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            b.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"").append(pairs[i]).append('"');
            if (pairs[i + 1].startsWith("file:")) {
                b.append("; filename=\"").append(pairs[i + 1].substring(5)).append("\"\r\nContent-Type: text/plain\r\n\r\nfile body\r\n");
            } else {
                b.append("\r\n\r\n").append(pairs[i + 1]).append("\r\n");
            }
        }
        return b.append("--").append(BOUNDARY).append("--\r\n").toString();
    }

    static TestServer.Response send(TestServer s, String method, String path, String token, String body) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
        if (token != null) {
            headers.put("Authorization", token);
        }
        return s.sendWith(method, path, headers, body);
    }

    @Test
    void textPartsAreInferredAndRepeatedKeysBecomeLists() {
        TestServer.Response r = send(server, "POST", "/api/collections/forms/records", null, form(
                "title", "hello", "n", "12", "flag", "true", "tags", "a", "tags", "b",
                "j1", "12"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"title\":\"hello\"", "\"n\":12", "\"flag\":true", "\"tags\":[\"a\",\"b\"]", "\"j1\":12");
    }

    @Test
    void jsonPayloadPartsMergeWithoutInferenceAndWinOverTextParts() {
        TestServer.Response r = send(server, "POST", "/api/collections/forms/records", null, form(
                "title", "plain", "@jsonPayload", "{\"title\":\"from payload\",\"data\":{\"x\":[1,2]}}",
                "@jsonPayload", "{\"flag\":true,\"tags\":[\"c\"]}"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"title\":\"from payload\"", "\"data\":{\"x\":[1,2]}", "\"flag\":true", "\"tags\":[\"c\"]");
    }

    @Test
    void updatesAcceptMultipartToo() {
        String created = server.expect("POST", "/api/collections/forms/records", null, "{\"title\":\"before\",\"n\":1}", 200);
        String id = created.replaceAll(".*\"id\":\"([a-z0-9]+)\".*", "$1");
        TestServer.Response r = send(server, "PATCH", "/api/collections/forms/records/" + id, null, form("title", "after", "n+", "2"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("\"title\":\"after\"", "\"n\":3");
    }

    @Test
    void rulesSeeJsonPayloadValuesInRequestBody() {
        TestServer.Response ok = send(server, "POST", "/api/collections/payload_rule/records", null,
                form("@jsonPayload", "{\"title\":\"t\",\"testPayload\":123}"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        TestServer.Response rejected = send(server, "POST", "/api/collections/payload_rule/records", null,
                form("@jsonPayload", "{\"title\":\"t\",\"testPayload\":124}"));
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.body()).contains("\"data\":{}", "\"message\":\"Failed to create record.\"");
        // a text part is inferred: "123" is the number 123 too
        TestServer.Response inferred = send(server, "POST", "/api/collections/payload_rule/records", null,
                form("title", "t", "testPayload", "123"));
        assertThat(inferred.status()).as(inferred.body()).isEqualTo(200);
    }

    @Test
    void malformedFormsAreRejected() {
        List<String> bodies = new ArrayList<>(List.of(
                form("@jsonPayload", "[1,2]"),
                form("@jsonPayload", "{not json"),
                "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nno closing delimiter"));
        for (String body : bodies) {
            TestServer.Response r = send(server, "POST", "/api/collections/forms/records", null, body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.body()).contains("\"message\":\"Failed to read the submitted data.\"");
        }
        TestServer.Response noBoundary = server.sendWith("POST", "/api/collections/forms/records",
                Map.of("Content-Type", "multipart/form-data"), form("title", "x"));
        assertThat(noBoundary.status()).isEqualTo(400);
    }

    @Test
    void filePartsForFileFieldsAreStoredAndOthersIgnored() throws Exception {
        try (TestServer fixture = TestServer.onFixture()) {
            TestServer.Response create = send(fixture, "POST", "/api/collections/demo3/records", PocketBaseScenarios.SUPERUSER,
                    form("title", "with file", "files", "file:a.txt"));
            assertThat(create.status()).as(create.body()).isEqualTo(200);
            assertThat(create.body()).containsPattern("\"files\":\\[\"a[a-z0-9]{10}_[a-z0-9]{10}\\.txt\"\\]");
            TestServer.Response update = send(fixture, "PATCH", "/api/collections/demo3/records/mk5fmymtx4wsprk",
                    PocketBaseScenarios.SUPERUSER, form("title", "x", "files+", "file:b.txt"));
            assertThat(update.status()).as(update.body()).isEqualTo(200);
            assertThat(update.body()).containsPattern("\"b[a-z0-9]{10}_[a-z0-9]{10}\\.txt\"\\]");
            // a name shorter than 3 characters gets a random part, as PocketBase's
            // file parts under keys that name no file field are ignored, as PocketBase ignores them
            TestServer.Response ignored = send(fixture, "POST", "/api/collections/demo3/records", PocketBaseScenarios.SUPERUSER,
                    form("title", "no file field", "title2", "file:c.txt"));
            assertThat(ignored.status()).as(ignored.body()).isEqualTo(200);
            assertThat(ignored.body()).contains("\"title\":\"no file field\"", "\"files\":[]");
        }
    }
}
