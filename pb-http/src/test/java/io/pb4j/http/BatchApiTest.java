package io.pb4j.http;

import static io.pb4j.http.PocketBaseScenarios.CLIENT;
import static io.pb4j.http.PocketBaseScenarios.SUPERUSER;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/batch} over real HTTP on a fresh copy of PocketBase's test data (batch enabled there), mostly the
 * cases of PocketBase's {@code apis/batch_test.go}, plus what its hooks-based checks become here: the stored data
 * after the call, {@code @request.context} and header overrides.
 */
class BatchApiTest {
    private static final String DEMO2_BATCH_COUNT = "/api/collections/demo2/records?filter=" + enc("title~\"batch\"");

    @Test
    void disabledBatchIsForbidden() throws Exception {
        try (TestServer server = TestServer.onFixture()) {
            batchSettings(server, false, 50, 3);
            Scenario.of("disabled", "POST", "/api/batch", null, "{\"requests\":[]}", 403,
                    "\"message\":\"Batch requests are not allowed.\"", "\"data\":{}").run(server);
        }
    }

    @Test
    void moreRequestsThanMaxRequestsIsOneErrorForTheList() throws Exception {
        try (TestServer server = TestServer.onFixture()) {
            batchSettings(server, true, 2, 3);
            Scenario.of("max requests", "POST", "/api/batch", null, """
                    {"requests":[{"method":"GET","url":"/test1"},{"method":"GET","url":"/test2"},{"method":"GET","url":"/test3"}]}""",
                    400, "\"message\":\"Invalid batch request data.\"", "\"requests\":{\"code\":\"validation_length_too_long\"").run(server);
        }
    }

    @Test
    void eachRequestIsValidated() throws Exception {
        try (TestServer server = TestServer.onFixture()) {
            Scenario.of("validation", "POST", "/api/batch", null, "{\"requests\":[{},{\"method\":\"GET\",\"url\":\"/valid\"},"
                    + "{\"method\":\"invalid\",\"url\":\"/valid\"},{\"method\":\"POST\",\"url\":\"" + "a".repeat(2001) + "\"}]}", 400,
                    "\"message\":\"Invalid batch request data.\"", "\"0\":{\"method\":{\"code\":\"validation_required\"",
                    "\"2\":{\"method\":{\"code\":\"validation_in_invalid\"", "\"3\":{\"url\":{\"code\":\"validation_length_too_long\"")
                    .without("\"1\":").run(server);
            Scenario.of("no requests", "POST", "/api/batch", null, "{}", 400,
                    "\"requests\":{\"code\":\"validation_required\"").run(server);
            Scenario.of("not json", "POST", "/api/batch", null, "{\"requests\":", 400,
                    "\"message\":\"Failed to read the submitted batch data.\"").run(server);
        }
    }

    @Test
    void anUnknownActionFailsTheBatch() throws Exception {
        try (TestServer server = TestServer.onFixture()) {
            Scenario.of("unknown action", "POST", "/api/batch", null, "{\"requests\":[{\"method\":\"GET\",\"url\":\"/api/health\"}]}", 400,
                    "\"message\":\"Batch transaction failed.\"",
                    "\"requests\":{\"0\":{\"code\":\"batch_request_failed\",\"message\":\"Batch request failed.\",\"response\":{").run(server);
        }
    }

    @Test
    void aFailingRequestRollsBackTheOnesBeforeIt() throws Exception {
        try (TestServer server = TestServer.onFixture()) {
            Scenario.of("2 ok, 1 failing", "POST", "/api/batch", null, """
                    {"requests":[
                      {"method":"POST","url":"/api/collections/demo2/records","body":{"title":"batch1"}},
                      {"method":"POST","url":"/api/collections/demo2/records","body":{"title":"batch2"}},
                      {"method":"POST","url":"/api/collections/demo2/records","body":{"title":""}}]}""", 400,
                    "{\"data\":{\"requests\":{\"2\":{\"code\":\"batch_request_failed\",\"message\":\"Batch request failed.\","
                            + "\"response\":{\"data\":{\"title\":{\"code\":\"validation_required\",\"message\":\"Cannot be blank.\"}},"
                            + "\"message\":\"Failed to create record.\",\"status\":400}}}},\"message\":\"Batch transaction failed.\",\"status\":400}")
                    .without("\"0\":", "\"1\":").run(server);
            assertThat(server.expect("GET", DEMO2_BATCH_COUNT, SUPERUSER, null, 200)).contains("\"totalItems\":0");
        }
    }

    @Test
    void createsAndUpsertsAnswerInRequestOrder() throws Exception {
        try (TestServer server = TestServer.onFixture()) {
            Scenario.of("4 ok", "POST", "/api/batch", null, """
                    {"requests":[
                      {"method":"POST","url":"/api/collections/demo2/records","body":{"title":"batch1"}},
                      {"method":"POST","url":"/api/collections/demo2/records","body":{"title":"batch2"}},
                      {"method":"PUT","url":"/api/collections/demo2/records","body":{"title":"batch3"}},
                      {"method":"PUT","url":"/api/collections/demo2/records?fields=id,title","body":{"id":"achvryl401bhse3","title":"batch4"}}]}""",
                    200, "\"title\":\"batch1\"", "\"title\":\"batch2\"", "\"title\":\"batch3\"",
                    "{\"body\":{\"id\":\"achvryl401bhse3\",\"title\":\"batch4\"},\"status\":200}]", "\"active\":false", "\"body\":{")
                    .run(server);
            String list = server.expect("GET", DEMO2_BATCH_COUNT + "&sort=title", SUPERUSER, null, 200);
            assertThat(list).contains("\"totalItems\":4");
            String body = server.expect("POST", "/api/batch", null, """
                    {"requests":[{"method":"POST","url":"/api/collections/demo2/records","body":{"title":"batch_a"}},
                                 {"method":"PUT","url":"/api/collections/demo2/records","body":{"id":"batchupsert0001","title":"batch_b"}}]}""", 200);
            assertThat(body).startsWith("[{\"body\":{").contains("\"title\":\"batch_a\"")
                    .contains("\"id\":\"batchupsert0001\"").containsSubsequence("batch_a", "batch_b");
        }
    }

    @Test
    void aRuleFailureRollsBackCreatesDeletesAndUpdates() throws Exception {
        try (TestServer server = TestServer.onFixture()) {
            Scenario.of("guest rule failure", "POST", "/api/batch", null, """
                    {"requests":[
                      {"method":"POST","url":"/api/collections/demo2/records","body":{"title":"batch_create"}},
                      {"method":"DELETE","url":"/api/collections/demo2/records/achvryl401bhse3"},
                      {"method":"PATCH","url":"/api/collections/demo3/records/1tmknxy2868d869","body":{"title":"batch_update"}}]}""",
                    400, "\"2\":{\"code\":\"batch_request_failed\"", "\"response\":{").without("\"0\":", "\"1\":").run(server);
            assertUntouched(server);
        }
    }

    @Test
    void subRequestsUseTheOuterAuthAndIgnoreTheirOwnAuthorization() throws Exception {
        try (TestServer server = TestServer.onFixture()) {
            Scenario.of("client, superuser-only create", "POST", "/api/batch", CLIENT, """
                    {"requests":[
                      {"method":"DELETE","url":"/api/collections/demo2/records/achvryl401bhse3","headers":{"Authorization":"ignored"}},
                      {"method":"PATCH","url":"/api/collections/demo3/records/1tmknxy2868d869","body":{"title":"batch_update"},"headers":{"Authorization":"ignored"}},
                      {"method":"POST","url":"/api/collections/_superusers/records","body":{"email":"test_batch@example.com","password":"1234567890"},
                       "headers":{"Authorization":"%s"}}]}""".formatted(SUPERUSER),
                    400, "\"2\":{\"code\":\"batch_request_failed\"", "\"status\":403").without("\"0\":", "\"1\":").run(server);
            assertUntouched(server);
            assertThat(server.expect("GET", "/api/collections/_superusers/records?filter=" + enc("email=\"test_batch@example.com\""),
                    SUPERUSER, null, 200)).contains("\"totalItems\":0");
        }
    }

    @Test
    void mixedActionsCommitTogether() throws Exception {
        for (String token : new String[] {CLIENT, SUPERUSER}) {
            try (TestServer server = TestServer.onFixture()) {
                Scenario.of("mixed ok", "POST", "/api/batch", token, """
                        {"requests":[
                          {"method":"POST","url":"/api/collections/demo2/records","body":{"title":"batch_create"}},
                          {"method":"DELETE","url":"/api/collections/demo2/records/achvryl401bhse3"},
                          {"method":"PATCH","url":"/api/collections/demo3/records/1tmknxy2868d869","body":{"title":"batch_update"}}]}""",
                        200, "\"title\":\"batch_create\"", "\"title\":\"batch_update\"", "\"status\":200", "{\"body\":null,\"status\":204}")
                        .run(server);
                assertThat(server.expect("GET", "/api/collections/demo2/records?filter=" + enc("title=\"batch_create\""), SUPERUSER, null, 200))
                        .contains("\"totalItems\":1");
                assertThat(server.expect("GET", "/api/collections/demo3/records/1tmknxy2868d869", SUPERUSER, null, 200))
                        .contains("\"title\":\"batch_update\"");
                server.expect("GET", "/api/collections/demo2/records/achvryl401bhse3", SUPERUSER, null, 404);
            }
        }
    }

    @Test
    void theSdksMultipartFormWithJsonPayloadWorks() throws Exception {
        try (TestServer server = TestServer.onFixture()) {
            String boundary = "XbatchBoundary";
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"@jsonPayload\"\r\n\r\n"
                    + "{\"requests\":[{\"method\":\"POST\",\"url\":\"/api/collections/demo2/records\",\"body\":{\"title\":\"batch_mp\"}}]}\r\n"
                    + "--" + boundary + "--\r\n";
            TestServer.Response r = server.sendWith("POST", "/api/batch",
                    Map.of("Content-Type", "multipart/form-data; boundary=" + boundary), body);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).contains("\"title\":\"batch_mp\"", "\"status\":200");
        }
    }

    @Test
    void fileUploadsForFileFieldsFailTheBatchUntilFilesAreSupported() throws Exception {
        try (TestServer server = TestServer.onFixture()) {
            String boundary = "XbatchBoundary";
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"@jsonPayload\"\r\n\r\n"
                    + "{\"requests\":[{\"method\":\"POST\",\"url\":\"/api/collections/demo2/records\",\"body\":{\"title\":\"batch_ok\"}},"
                    + "{\"method\":\"PATCH\",\"url\":\"/api/collections/demo3/records/mk5fmymtx4wsprk\",\"body\":{\"title\":\"batch_f\"}}]}\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"requests[1].files+\"; filename=\"a.txt\"\r\n"
                    + "Content-Type: text/plain\r\n\r\nhello\r\n--" + boundary + "--\r\n";
            TestServer.Response r = server.sendWith("POST", "/api/batch",
                    Map.of("Content-Type", "multipart/form-data; boundary=" + boundary, "Authorization", SUPERUSER), body);
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.body()).contains("\"1\":{\"code\":\"batch_request_failed\"", "\"files\":{\"code\":\"validation_file_upload_unsupported\"",
                    "\"message\":\"Failed to update record.\"");
            assertThat(server.expect("GET", DEMO2_BATCH_COUNT, SUPERUSER, null, 200)).contains("\"totalItems\":0");
        }
    }

    @Test
    void rulesSeeTheBatchContextAndTheSubRequestHeaders() throws Exception {
        try (TestServer server = new TestServer()) {
            batchSettings(server, true, 50, 3);
            String su = server.superuserToken();
            server.expect("POST", "/api/collections", su, """
                    {"name":"only_batch","createRule":"@request.context = 'batch' && @request.headers.x_custom = '1'",
                     "fields":[{"type":"text","name":"title"}]}""", 200);
            server.expect("POST", "/api/collections/only_batch/records", null, "{\"title\":\"direct\"}", 400);
            Scenario.of("without the header", "POST", "/api/batch", null, """
                    {"requests":[{"method":"POST","url":"/api/collections/only_batch/records","body":{"title":"a"}}]}""", 400,
                    "\"message\":\"Failed to create record.\"").run(server);
            Scenario.of("context and header", "POST", "/api/batch", null, """
                    {"requests":[{"method":"POST","url":"/api/collections/only_batch/records","headers":{"X-Custom":"1"},"body":{"title":"a"}}]}""",
                    200, "\"title\":\"a\"").run(server);
        }
    }

    @Test
    void aBatchPastItsTimeoutFailsAndRollsBack() throws Exception {
        try (TestServer server = TestServer.onFixture()) {
            batchSettings(server, true, 50, 1);
            // 50 password hashes (bcrypt) take well over the 1 s timeout
            StringBuilder requests = new StringBuilder();
            for (int i = 0; i < 50; i++) {
                requests.append(i == 0 ? "" : ",").append("{\"method\":\"POST\",\"url\":\"/api/collections/_superusers/records\",")
                        .append("\"body\":{\"email\":\"batch_timeout").append(i).append("@example.com\",\"password\":\"1234567890\",")
                        .append("\"passwordConfirm\":\"1234567890\"}}");
            }
            Scenario.of("timeout", "POST", "/api/batch", SUPERUSER, "{\"requests\":[" + requests + "]}", 400,
                    "{\"data\":{},\"message\":\"Batch transaction failed.\",\"status\":400}").run(server);
            assertThat(server.expect("GET", "/api/collections/_superusers/records?filter=" + enc("email~\"batch_timeout\""),
                    SUPERUSER, null, 200)).contains("\"totalItems\":0");
        }
    }

    private static void assertUntouched(TestServer server) {
        assertThat(server.expect("GET", "/api/collections/demo2/records?filter=" + enc("title=\"batch_create\""), SUPERUSER, null, 200))
                .contains("\"totalItems\":0");
        assertThat(server.expect("GET", "/api/collections/demo3/records/1tmknxy2868d869", SUPERUSER, null, 200))
                .doesNotContain("\"title\":\"batch_update\"");
        server.expect("GET", "/api/collections/demo2/records/achvryl401bhse3", SUPERUSER, null, 200);
    }

    static void batchSettings(TestServer server, boolean enabled, int maxRequests, int timeout) {
        JsonObject settings = server.app.settings();
        server.app.saveSettingsNoValidate(Json.createObjectBuilder(settings).add("batch", Json.createObjectBuilder()
                .add("enabled", enabled).add("maxRequests", maxRequests).add("timeout", timeout).add("maxBodySize", 0)).build());
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
