package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The collections API over real HTTP. */
class CollectionsApiTest {
    private static TestServer server;
    private static String superuser;
    private static String user;

    @BeforeAll
    static void start() {
        server = new TestServer();
        superuser = server.superuserToken();
        server.expect("POST", "/api/collections/users/records", null,
                "{\"email\":\"user@example.com\",\"password\":\"12345678\",\"passwordConfirm\":\"12345678\"}", 200);
        String body = server.expect("POST", "/api/collections/users/auth-with-password", null,
                "{\"identity\":\"user@example.com\",\"password\":\"12345678\"}", 200);
        user = json(body).getString("token");
        server.expect("POST", "/api/collections", superuser, "{\"name\":\"existing\",\"fields\":[{\"type\":\"text\",\"name\":\"title\"}]}", 200);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                Scenario.of("guest gets 401", "GET", "/api/collections", null, null, 401,
                        "\"message\":\"The request requires valid record authorization token.\""),
                Scenario.of("regular user gets 403", "GET", "/api/collections", user, null, 403,
                        "\"message\":\"The authorized record is not allowed to perform this action.\""),
                Scenario.of("forged token is a guest", "GET", "/api/collections", superuser.substring(0, superuser.length() - 2) + "xx", null, 401),
                Scenario.of("Bearer prefix accepted", "GET", "/api/collections?perPage=1", "Bearer " + superuser, null, 200),
                Scenario.of("list", "GET", "/api/collections", superuser, null, 200,
                        "\"name\":\"_superusers\"", "\"name\":\"users\"", "\"name\":\"_mfas\"", "\"id\":\"pbc_3142635823\"",
                        "\"id\":\"_pb_users_auth_\"").without("\"secret\"", "clientSecret"),
                Scenario.of("list filter and sort", "GET", "/api/collections?filter=" + RecordsApiTest.enc("system = false") + "&sort=-name",
                        superuser, null, 200, "\"totalItems\":2", "\"name\":\"users\""),
                Scenario.of("list filter on other keys fails", "GET", "/api/collections?filter=" + RecordsApiTest.enc("listRule = ''"),
                        superuser, null, 400),
                Scenario.of("view by name", "GET", "/api/collections/USERS", superuser, null, 200, "\"id\":\"_pb_users_auth_\"",
                        "\"authToken\":{\"duration\":432000}", "\"passwordAuth\":{\"enabled\":true,\"identityFields\":[\"email\"]}"),
                Scenario.of("view missing", "GET", "/api/collections/nope", superuser, null, 404),
                Scenario.of("create defaults", "POST", "/api/collections", superuser,
                        "{\"name\":\"posts\",\"fields\":[{\"type\":\"text\",\"name\":\"title\",\"required\":true}],\"listRule\":\"\",\"viewRule\":\"\"}",
                        200, "\"id\":\"pbc_1125843985\"", "\"type\":\"base\"", "\"createRule\":null", "\"indexes\":[]",
                        "{\"autogeneratePattern\":\"[a-z0-9]{15}\",\"help\":\"\",\"hidden\":false,\"id\":\"text3208210256\",\"max\":15,\"min\":15,\"name\":\"id\"",
                        "{\"autogeneratePattern\":\"\",\"help\":\"\",\"hidden\":false,\"id\":\"text724990059\",\"max\":0,\"min\":0,\"name\":\"title\",\"pattern\":\"\",\"presentable\":false,\"primaryKey\":false,\"required\":true,\"system\":false,\"type\":\"text\"}"),
                Scenario.of("create auth collection", "POST", "/api/collections", superuser, "{\"name\":\"members\",\"type\":\"auth\"}", 200,
                        "\"name\":\"tokenKey\"", "\"name\":\"emailVisibility\"", "\"authRule\":\"\"", "idx_tokenKey_").without("\"secret\""),
                Scenario.of("duplicate name", "POST", "/api/collections", superuser, "{\"name\":\"EXISTING\"}", 400,
                        "\"message\":\"Failed to create collection.\"", "\"name\":{\"code\":\"validation_collection_name_exists\""),
                Scenario.of("bad name", "POST", "/api/collections", superuser, "{\"name\":\"has space\"}", 400, "validation_match_invalid"),
                Scenario.of("missing name", "POST", "/api/collections", superuser, "{}", 400, "\"name\":{\"code\":\"validation_required\""),
                Scenario.of("bad type", "POST", "/api/collections", superuser, "{\"name\":\"t1\",\"type\":\"nope\"}", 400, "validation_in_invalid"),
                Scenario.of("duplicated field names", "POST", "/api/collections", superuser,
                        "{\"name\":\"t2\",\"fields\":[{\"type\":\"text\",\"name\":\"a\"},{\"type\":\"bool\",\"name\":\"A\"}]}", 400,
                        "validation_duplicated_field_name"),
                Scenario.of("unknown field type", "POST", "/api/collections", superuser,
                        "{\"name\":\"t3\",\"fields\":[{\"type\":\"nope\",\"name\":\"a\"}]}", 400,
                        "Failed to load the submitted data due to invalid formatting."),
                Scenario.of("file field (pb-files present)", "POST", "/api/collections", superuser,
                        "{\"name\":\"t4\",\"fields\":[{\"type\":\"file\",\"name\":\"doc\",\"maxSelect\":2,\"thumbs\":[\"10x10\"]}]}", 200,
                        "{\"help\":\"\",\"hidden\":false,\"id\":\"file2252471652\",\"maxSelect\":2,\"maxSize\":0,\"mimeTypes\":null,\"name\":\"doc\",\"presentable\":false,\"protected\":false,\"required\":false,\"system\":false,\"thumbs\":[\"10x10\"],\"type\":\"file\"}"),
                Scenario.of("file field with a bad thumb size", "POST", "/api/collections", superuser,
                        "{\"name\":\"t4b\",\"fields\":[{\"type\":\"file\",\"name\":\"doc\",\"thumbs\":[\"0x0\"]}]}", 400,
                        "\"thumbs\":{\"code\":\"validation_not_in_invalid\""),
                Scenario.of("invalid rule", "POST", "/api/collections", superuser, "{\"name\":\"t5\",\"listRule\":\"missing = 1\"}", 400,
                        "\"listRule\":{\"code\":\"validation_invalid_rule\""),
                Scenario.of("malformed body", "POST", "/api/collections", superuser, "{nope", 400,
                        "Failed to load the collection type data due to invalid formatting."),
                Scenario.of("system collection cannot be deleted", "DELETE", "/api/collections/_superusers", superuser, null, 400),
                Scenario.of("system collection cannot be renamed", "PATCH", "/api/collections/_superusers", superuser,
                        "{\"name\":\"admins\"}", 400, "validation_collection_system_name_change"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario(Scenario s) {
        s.run(server);
    }

    @Test
    void updateAddsRenamesAndRemovesFieldsKeepingData() {
        String created = server.expect("POST", "/api/collections", superuser, """
                {"name":"evolving","listRule":"","fields":[{"type":"text","name":"title"},{"type":"number","name":"n"}]}""", 200);
        String titleId = json(created).getJsonArray("fields").getJsonObject(1).getString("id");
        String nId = json(created).getJsonArray("fields").getJsonObject(2).getString("id");
        server.expect("POST", "/api/collections/evolving/records", superuser, "{\"title\":\"kept\",\"n\":3}", 200);

        String patched = server.expect("PATCH", "/api/collections/evolving", superuser, """
                {"fields":[{"id":"text3208210256","type":"text","name":"id","primaryKey":true,"required":true,"system":true,
                            "min":15,"max":15,"pattern":"^[a-z0-9]+$","autogeneratePattern":"[a-z0-9]{15}"},
                           {"id":"%s","type":"text","name":"headline"},
                           {"type":"bool","name":"done"}]}""".formatted(titleId), 200);
        assertThat(patched).contains("\"name\":\"headline\"").doesNotContain(nId);

        String list = server.expect("GET", "/api/collections/evolving/records", null, null, 200);
        assertThat(list).contains("\"headline\":\"kept\"", "\"done\":false").doesNotContain("\"n\":", "\"title\"");
    }

    @Test
    void renameMovesTheTableAndTruncateEmptiesIt() {
        server.expect("POST", "/api/collections", superuser, "{\"name\":\"before\",\"listRule\":\"\",\"fields\":[{\"type\":\"text\",\"name\":\"t\"}]}", 200);
        server.expect("POST", "/api/collections/before/records", superuser, "{\"t\":\"x\"}", 200);
        server.expect("PATCH", "/api/collections/before", superuser, "{\"name\":\"after\"}", 200);
        assertThat(server.expect("GET", "/api/collections/after/records", null, null, 200)).contains("\"totalItems\":1");
        server.expect("GET", "/api/collections/before/records", null, null, 404);
        server.expect("DELETE", "/api/collections/after/truncate", superuser, null, 204);
        assertThat(server.expect("GET", "/api/collections/after/records", null, null, 200)).contains("\"totalItems\":0");
        server.expect("DELETE", "/api/collections/after", superuser, null, 204);
        server.expect("GET", "/api/collections/after", superuser, null, 404);
    }

    @Test
    void aFailedMigrationLeavesNothingHalfWritten() {
        server.expect("POST", "/api/collections", superuser, "{\"name\":\"atomic\",\"fields\":[{\"type\":\"text\",\"name\":\"t\"}]}", 200);
        // the index is invalid SQL, so the save fails after the table was altered: all of it must roll back
        server.expect("PATCH", "/api/collections/atomic", superuser,
                "{\"fields\":[{\"type\":\"text\",\"name\":\"t\"},{\"type\":\"text\",\"name\":\"u\"}],\"indexes\":[\"CREATE INDEX broken ON atomic (nope)\"]}", 400);
        String view = server.expect("GET", "/api/collections/atomic", superuser, null, 200);
        assertThat(view).doesNotContain("\"name\":\"u\"");
        server.expect("POST", "/api/collections/atomic/records", superuser, "{\"t\":\"still works\"}", 200);
    }

    static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
