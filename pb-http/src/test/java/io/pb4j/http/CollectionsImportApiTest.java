package io.pb4j.http;

import static io.pb4j.http.PocketBaseScenarios.SUPERUSER;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code PUT /api/collections/import} over real HTTP on copies of PocketBase's test data: what PocketBase's
 * AfterTestFunc checks (collection counts, tables, indexes), the rollback of a failed import, and the merge rules.
 */
class CollectionsImportApiTest {
    private static final String URL = "/api/collections/import";
    /** Collections in PocketBase's test data (totalCollections in collection_import_test.go). */
    private static final int FIXTURE_COLLECTIONS = 16;

    @Test
    void emptyCollectionsAreRequiredAndChangeNothing() throws Exception {
        try (TestServer server = TestServer.onFixture()) {
            JsonObject error = json(server.expect("PUT", URL, SUPERUSER, "{\"collections\":[],\"deleteMissing\":true}", 400));
            assertThat(error.getString("message")).isEqualTo("An error occurred while validating the submitted data.");
            assertThat(error.getJsonObject("data").getJsonObject("collections").getString("code")).isEqualTo("validation_required");
            assertThat(collectionCount(server)).isEqualTo(FIXTURE_COLLECTIONS);
        }
    }

    @Test
    void aValidationFailureNamesTheCollectionAndRollsBackEveryImport() throws Exception {
        try (TestServer server = TestServer.onFixture()) {
            JsonObject error = json(server.expect("PUT", URL, SUPERUSER,
                    "{\"collections\":[{\"name\":\"import1\"},{\"name\":\"import2\",\"fields\":[{\"id\":\"koih1lqx\",\"name\":\"expand\",\"type\":\"text\"}]}]}",
                    400));
            assertThat(error.getString("message")).isEqualTo("Failed to import collections.");
            JsonObject collections = error.getJsonObject("data").getJsonObject("collections");
            assertThat(collections.getString("code")).isEqualTo("validation_collections_import_failure");
            assertThat(collections.getString("message"))
                    .startsWith("Data validations failed for collection \"import2\" (pbc_")
                    // Go's json.MarshalIndent of the errors, sentenized as every error message in PocketBase's envelope
                    .endsWith("):\n{\n  \"fields\": {\n    \"1\": {\n      \"name\": \"Must not be in list.\"\n    }\n  }\n}.");
            assertThat(collectionCount(server)).isEqualTo(FIXTURE_COLLECTIONS);
            assertThat(tableExists(server, "import1")).isFalse();
            server.expect("GET", "/api/collections/import1", SUPERUSER, null, 404);
        }
    }

    @Test
    void aDatabaseFailureIsARawErrorAndRollsBack() throws Exception {
        try (TestServer server = TestServer.onFixture()) {
            JsonObject error = json(server.expect("PUT", URL, SUPERUSER,
                    "{\"collections\":[{\"name\":\"import1\"},{\"name\":\"import2\",\"indexes\":[\"create index idx_missing on import2 (missing)\"]}]}",
                    400));
            JsonObject collections = error.getJsonObject("data").getJsonObject("collections");
            assertThat(collections.getString("code")).isEqualTo("validation_collections_import_failure");
            assertThat(collections.getString("message"))
                    .startsWith("Failed to import the collections configuration. Raw error:\nfailed to save collection \"import2\"");
            assertThat(collectionCount(server)).isEqualTo(FIXTURE_COLLECTIONS);
            assertThat(tableExists(server, "import1")).isFalse();
        }
    }

    @Test
    void successfulCreateAddsTheCollectionsTheirTablesAndIndexes() throws Exception {
        try (TestServer server = TestServer.onFixture()) {
            server.expect("PUT", URL, SUPERUSER, "{\"collections\":["
                    + "{\"name\":\"import1\",\"fields\":[{\"id\":\"koih1lqx\",\"name\":\"test\",\"type\":\"text\"}]},"
                    + "{\"name\":\"import2\",\"fields\":[{\"id\":\"koih1lqx\",\"name\":\"test\",\"type\":\"text\"}],\"indexes\":[\"create index idx_test on import2 (test)\"]},"
                    + "{\"name\":\"auth_without_fields\",\"type\":\"auth\"}]}", 204);
            assertThat(collectionCount(server)).isEqualTo(FIXTURE_COLLECTIONS + 3);
            List<Map<String, Object>> index = server.app.store().read(s -> s.query(
                    "SELECT tbl_name FROM sqlite_master WHERE type = 'index' AND name = 'idx_test'", List.of()));
            assertThat(index).containsExactly(Map.of("tbl_name", "import2"));
            JsonObject auth = json(server.expect("GET", "/api/collections/auth_without_fields", SUPERUSER, null, 200));
            assertThat(auth.getJsonArray("fields").stream().map(f -> f.asJsonObject().getString("name")))
                    .contains("id", "password", "tokenKey", "email", "emailVisibility", "verified");
            server.expect("POST", "/api/collections/import1/records", SUPERUSER, "{\"test\":\"hello\"}", 200);
        }
    }

    @Test
    void deleteMissingDeletesNonSystemCollectionsAndFieldsButKeepsRecords() throws Exception {
        try (TestServer server = TestServer.onFixture()) {
            int system = server.app.store().read(s -> s.query("SELECT id FROM _collections WHERE system = 1", List.of())).size();
            server.expect("PUT", URL, SUPERUSER, "{\"deleteMissing\":true,\"collections\":[{\"name\":\"test123\"},"
                    + "{\"id\":\"wsmn24bux7wo113\",\"name\":\"demo1\",\"fields\":[{\"id\":\"_2hlxbmp\",\"name\":\"title\",\"type\":\"text\",\"required\":true}],"
                    + "\"indexes\":[]}]}", 204);
            assertThat(collectionCount(server)).isEqualTo(system + 2);
            assertThat(tableExists(server, "demo2")).isFalse();
            assertThat(columns(server, "demo1")).containsExactly("id", "title");
            JsonObject demo1 = json(server.expect("GET", "/api/collections/demo1", SUPERUSER, null, 200));
            assertThat(demo1.getJsonArray("indexes")).isEmpty();
            JsonObject records = json(server.expect("GET", "/api/collections/demo1/records", SUPERUSER, null, 200));
            assertThat(records.getInt("totalItems")).isEqualTo(3);
            // the 5 records PocketBase's scenario counts as deleted: the external auths and auth origins of users and clients
            assertThat(rows(server, "SELECT collectionRef FROM _externalAuths UNION ALL "
                    + "SELECT collectionRef FROM _authOrigins WHERE collectionRef != 'pbc_3142635823'")).isEmpty();
            assertThat(rows(server, "SELECT id FROM _authOrigins")).hasSize(4);
        }
    }

    @Test
    void withoutDeleteMissingAnEntryIsMergedOntoTheStoredCollection() throws Exception {
        try (TestServer server = TestServer.onFixture()) {
            List<String> before = columns(server, "demo2");
            server.expect("PUT", URL, SUPERUSER, "{\"collections\":[{\"name\":\"demo2\",\"listRule\":\"title != ''\","
                    + "\"fields\":[{\"name\":\"extra\",\"type\":\"number\"}]}]}", 204);
            assertThat(collectionCount(server)).isEqualTo(FIXTURE_COLLECTIONS);
            assertThat(columns(server, "demo2")).containsAll(before).contains("extra");
            JsonObject demo2 = json(server.expect("GET", "/api/collections/demo2", SUPERUSER, null, 200));
            assertThat(demo2.getString("listRule")).isEqualTo("title != ''");
            assertThat(demo2.getString("viewRule")).isEmpty();
            assertThat(json(server.expect("GET", "/api/collections/demo2/records", SUPERUSER, null, 200)).getInt("totalItems"))
                    .isEqualTo(3);
        }
    }

    @Test
    void aRelationMayPointToACollectionImportedLater() throws Exception {
        try (TestServer server = TestServer.onFixture()) {
            server.expect("PUT", URL, SUPERUSER, "{\"collections\":["
                    + "{\"id\":\"pbc_posts0000001\",\"name\":\"posts\",\"fields\":[{\"name\":\"author\",\"type\":\"relation\",\"collectionId\":\"pbc_authors00001\",\"maxSelect\":1}]},"
                    + "{\"id\":\"pbc_authors00001\",\"name\":\"authors\",\"fields\":[{\"name\":\"name\",\"type\":\"text\"}]}]}", 204);
            assertThat(collectionCount(server)).isEqualTo(FIXTURE_COLLECTIONS + 2);
            assertThat(tableExists(server, "posts")).isTrue();
        }
    }

    @Test
    void anEntryWithAStoredIdAndANewNameRenamesTheCollection() throws Exception {
        try (TestServer server = TestServer.onFixture()) {
            server.expect("PUT", URL, SUPERUSER, "{\"collections\":[{\"id\":\"sz5l5z67tg7gku0\",\"name\":\"demo2_renamed\"}]}", 204);
            assertThat(tableExists(server, "demo2")).isFalse();
            assertThat(json(server.expect("GET", "/api/collections/demo2_renamed/records", SUPERUSER, null, 200)).getInt("totalItems"))
                    .isEqualTo(3);
        }
    }

    @Test
    void aBodyThatIsNotTheFormIsALoadingError() throws Exception {
        try (TestServer server = TestServer.onFixture()) {
            for (String body : List.of("{\"collections\":\"demo1\"}", "{\"collections\":[1]}", "{\"collections\":[{}],\"deleteMissing\":\"yes\"}", "[]")) {
                JsonObject error = json(server.expect("PUT", URL, SUPERUSER, body, 400));
                assertThat(error.getString("message")).as(body).isEqualTo("An error occurred while loading the submitted data.");
            }
            assertThat(collectionCount(server)).isEqualTo(FIXTURE_COLLECTIONS);
        }
    }

    private static List<Map<String, Object>> rows(TestServer server, String sql) {
        return server.app.store().read(s -> s.query(sql, List.of()));
    }

    private static int collectionCount(TestServer server) {
        return server.app.store().read(s -> s.query("SELECT id FROM _collections", List.of())).size();
    }

    private static boolean tableExists(TestServer server, String name) {
        return !server.app.store().read(s -> s.query("SELECT name FROM sqlite_master WHERE name = ?", List.of(name))).isEmpty();
    }

    private static List<String> columns(TestServer server, String table) {
        return server.app.store().read(s -> s.query("SELECT name FROM pragma_table_info(?)", List.of(table))).stream()
                .map(row -> String.valueOf(row.get("name"))).toList();
    }

    private static JsonObject json(String body) {
        JsonValue v = Json.createReader(new StringReader(body)).readValue();
        return v.asJsonObject();
    }
}
