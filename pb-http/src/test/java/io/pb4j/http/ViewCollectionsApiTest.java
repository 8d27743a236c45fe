package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** View collections over real HTTP: fields inferred from the query, the SQL view, the dry run and read-only records. */
class ViewCollectionsApiTest {
    private static TestServer server;
    private static String superuser;
    private static String user;
    private static String postsId;

    @BeforeAll
    static void start() {
        server = new TestServer();
        superuser = server.superuserToken();
        server.expect("POST", "/api/collections/users/records", null,
                "{\"email\":\"viewer@example.com\",\"password\":\"12345678\",\"passwordConfirm\":\"12345678\"}", 200);
        user = CollectionsApiTest.json(server.expect("POST", "/api/collections/users/auth-with-password", null,
                "{\"identity\":\"viewer@example.com\",\"password\":\"12345678\"}", 200)).getString("token");
        postsId = CollectionsApiTest.json(server.expect("POST", "/api/collections", superuser, """
                {"name":"posts","listRule":"","viewRule":"","fields":[{"type":"text","name":"title","max":50},
                 {"type":"number","name":"score"},{"type":"bool","name":"published"}]}""", 200)).getString("id");
        for (int i = 1; i <= 12; i++) {
            server.expect("POST", "/api/collections/posts/records", superuser,
                    "{\"title\":\"post " + i + "\",\"score\":" + i + ",\"published\":" + (i % 2 == 0) + "}", 200);
        }
        server.expect("POST", "/api/collections", superuser, """
                {"name":"published_posts","type":"view","listRule":"","viewRule":"",
                 "viewQuery":"select id, title from posts where published = true"}""", 200);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String view(String name, String query) {
        return "{\"name\":\"" + name + "\",\"type\":\"view\",\"viewQuery\":\"" + query + "\"}";
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                Scenario.of("a view needs a query", "POST", "/api/collections", superuser, "{\"name\":\"v_none\",\"type\":\"view\"}", 400,
                        "\"message\":\"Failed to create collection.\"", "\"viewQuery\":{\"code\":\"validation_required\""),
                Scenario.of("select * is rejected", "POST", "/api/collections", superuser, view("v_star", "select * from posts"), 400,
                        "\"viewQuery\":{\"code\":\"validation_invalid_view_query\",\"message\":\"Invalid query - wildcard columns (*) are not supported"),
                Scenario.of("the query must expose an id", "POST", "/api/collections", superuser, view("v_noid", "select title from posts"), 400,
                        "\"message\":\"Invalid query - missing required id column (you can use `(ROW_NUMBER() OVER()) as id` if you don't have one).\""),
                Scenario.of("invalid SQL reports the raw error", "POST", "/api/collections", superuser, view("v_bad", "select id from nowhere"), 400,
                        "\"viewQuery\":{\"code\":\"validation_invalid_view_query\",\"message\":\"Invalid query - no such table: main.nowhere.\"}"),
                Scenario.of("multiple statements are refused", "POST", "/api/collections", superuser,
                        view("v_multi", "select id from posts; delete from posts"), 400, "multiple statements are not supported"),
                Scenario.of("write rules must be null", "POST", "/api/collections", superuser,
                        "{\"name\":\"v_rules\",\"type\":\"view\",\"viewQuery\":\"select id from posts\",\"createRule\":\"\",\"updateRule\":\"\",\"deleteRule\":\"\"}",
                        400, "\"createRule\":{\"code\":\"validation_nil_invalid\"", "\"updateRule\":{\"code\":\"validation_nil_invalid\"",
                        "\"deleteRule\":{\"code\":\"validation_nil_invalid\""),
                Scenario.of("views have no indexes", "POST", "/api/collections", superuser,
                        "{\"name\":\"v_idx\",\"type\":\"view\",\"viewQuery\":\"select id from posts\",\"indexes\":[\"CREATE INDEX x ON v_idx (id)\"]}",
                        400, "\"indexes\":{\"code\":\"validation_indexes_not_supported\""),
                Scenario.of("submitted fields are ignored", "POST", "/api/collections", superuser,
                        "{\"name\":\"v_ignored\",\"type\":\"view\",\"fields\":[{\"type\":\"text\",\"name\":\"bad name!\"}],\"viewQuery\":\"select id from posts\"}",
                        200, "\"fields\":[{\"autogeneratePattern\":\"\",\"help\":\"\",\"hidden\":false,\"id\":\"text3208210256\",\"max\":0,\"min\":0,"
                                + "\"name\":\"id\",\"pattern\":\"^[a-z0-9]+$\",\"presentable\":false,\"primaryKey\":true,\"required\":true,\"system\":true,\"type\":\"text\"}]",
                        "\"viewQuery\":\"select id from posts\"", "\"createRule\":null").without("bad name"),
                Scenario.of("view records are listed through the list rule, counted by id", "GET", "/api/collections/published_posts/records",
                        null, null, 200, "\"totalItems\":6", "\"title\":\"post 2\"", "\"collectionName\":\"published_posts\"").without("\"score\""),
                Scenario.of("view records cannot be created", "POST", "/api/collections/published_posts/records", superuser,
                        "{\"title\":\"x\"}", 400, "\"message\":\"Unsupported collection type.\""),
                Scenario.of("view records cannot be updated", "PATCH", "/api/collections/published_posts/records/anything", superuser,
                        "{\"title\":\"x\"}", 400, "\"message\":\"Unsupported collection type.\""),
                Scenario.of("view records cannot be deleted", "DELETE", "/api/collections/published_posts/records/anything", superuser,
                        null, 400, "\"message\":\"Unsupported collection type.\""),
                Scenario.of("dry run: guest", "POST", "/api/collections/meta/dry-run-view", null, "{\"query\":\"select 1 as id\"}", 401,
                        "\"data\":{}"),
                Scenario.of("dry run: regular user", "POST", "/api/collections/meta/dry-run-view", user, "{\"query\":\"select 1 as id\"}", 403,
                        "\"data\":{}"),
                Scenario.of("dry run: query required", "POST", "/api/collections/meta/dry-run-view", superuser, "{}", 400,
                        "\"message\":\"An error occurred while validating the submitted data.\"",
                        "\"data\":{\"query\":{\"code\":\"validation_required\",\"message\":\"Cannot be blank.\"}}"),
                Scenario.of("dry run: at most 5000 characters", "POST", "/api/collections/meta/dry-run-view", superuser,
                        "{\"query\":\"select 1 as id" + " ".repeat(4987) + "\"}", 400, "\"query\":{\"code\":\"validation_length_too_long\""),
                Scenario.of("dry run: a write query is refused", "POST", "/api/collections/meta/dry-run-view", superuser,
                        "{\"query\":\"DELETE FROM posts\"}", 400,
                        "\"message\":\"Invalid view query. Raw error: \\nnear \\\"DELETE\\\": syntax error.\"", "\"data\":{}"),
                Scenario.of("dry run: select * is refused", "POST", "/api/collections/meta/dry-run-view", superuser,
                        "{\"query\":\"select * from posts\"}", 400, "wildcard columns (*) are not supported"),
                Scenario.of("dry run: ids must be unique", "POST", "/api/collections/meta/dry-run-view", superuser,
                        "{\"query\":\"select 'same' as id from posts\"}", 400, "the query could return records with non-unique ids"),
                Scenario.of("dry run: ids must not be empty", "POST", "/api/collections/meta/dry-run-view", superuser,
                        "{\"query\":\"select '' as id\"}", 400, "the query could return records with empty or invalid ids"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario(Scenario s) {
        s.run(server);
    }

    @Test
    void fieldsAreInferredFromTheQueryLikePocketBase() {
        JsonObject created = CollectionsApiTest.json(server.expect("POST", "/api/collections", superuser, view("v_inferred",
                "select p.id, p.title, p.title as headline, p.id as post, count(p.score) as c, total(p.score) as t,"
                        + " cast(p.score as real) as r, cast(p.score as integer) as i, cast(p.score as text) as s,"
                        + " cast(p.published as boolean) as b, p.published, (p.score + 1) as expr from posts p group by p.id"), 200));
        JsonArray fields = created.getJsonArray("fields");
        assertThat(fields.stream().map(f -> f.asJsonObject().getString("name")))
                .containsExactly("id", "title", "headline", "post", "c", "t", "r", "i", "s", "b", "published", "expr");
        assertThat(field(fields, "id").toString()).isEqualTo("{\"autogeneratePattern\":\"\",\"help\":\"\",\"hidden\":false,"
                + "\"id\":\"text3208210256\",\"max\":0,\"min\":0,\"name\":\"id\",\"pattern\":\"^[a-z0-9]+$\",\"presentable\":false,"
                + "\"primaryKey\":true,\"required\":true,\"system\":true,\"type\":\"text\"}");
        // a column of a known collection keeps that field's definition under its alias, with a fresh clone id
        assertThat(field(fields, "headline").getString("type")).isEqualTo("text");
        assertThat(field(fields, "headline").getInt("max")).isEqualTo(50);
        assertThat(field(fields, "headline").getString("id")).startsWith("_clone_").isNotEqualTo(field(fields, "title").getString("id"));
        assertThat(field(fields, "published").getString("type")).isEqualTo("bool");
        assertThat(field(fields, "post").toString()).isEqualTo("{\"cascadeDelete\":false,\"collectionId\":\"" + postsId + "\","
                + "\"help\":\"\",\"hidden\":false,\"id\":\"relation1519021197\",\"maxSelect\":1,\"minSelect\":0,\"name\":\"post\","
                + "\"presentable\":false,\"required\":false,\"system\":false,\"type\":\"relation\"}");
        assertThat(field(fields, "c").getString("type")).isEqualTo("number");
        assertThat(field(fields, "c").getBoolean("onlyInt")).isTrue();
        assertThat(field(fields, "t").getBoolean("onlyInt")).isFalse();
        assertThat(field(fields, "r").getBoolean("onlyInt")).isFalse();
        assertThat(field(fields, "i").getBoolean("onlyInt")).isTrue();
        assertThat(field(fields, "s").getString("type")).isEqualTo("text");
        assertThat(field(fields, "b").getString("type")).isEqualTo("bool");
        assertThat(field(fields, "expr").toString()).isEqualTo("{\"help\":\"\",\"hidden\":false,\"id\":\"json3865741347\","
                + "\"maxSize\":1,\"name\":\"expr\",\"presentable\":false,\"required\":false,\"system\":false,\"type\":\"json\"}");

        server.expect("PATCH", "/api/collections/v_inferred", superuser, "{\"listRule\":\"\"}", 200);
        String list = server.expect("GET", "/api/collections/v_inferred/records?perPage=1&sort=-i", null, null, 200);
        assertThat(list).contains("\"totalItems\":12", "\"i\":12", "\"c\":1", "\"s\":\"12\"", "\"b\":true", "\"expr\":13", "\"headline\":\"post 12\"");
    }

    @Test
    void numericIdsAreServedAsText() {
        server.expect("POST", "/api/collections", superuser, "{\"name\":\"v_numbered\",\"type\":\"view\",\"listRule\":\"\",\"viewRule\":\"\","
                + "\"viewQuery\":\"select (ROW_NUMBER() OVER()) as id, title from posts\"}", 200);
        assertThat(server.expect("GET", "/api/collections/v_numbered/records/3", null, null, 200)).contains("\"id\":\"3\"");
        assertThat(server.expect("GET", "/api/collections/v_numbered/records?filter=id%3D'12'", null, null, 200))
                .contains("\"totalItems\":1", "\"id\":\"12\"");
    }

    @Test
    void updateReplacesTheViewAndItsFieldsAndRenameMovesIt() {
        server.expect("POST", "/api/collections", superuser, "{\"name\":\"v_changing\",\"type\":\"view\",\"listRule\":\"\","
                + "\"viewQuery\":\"select id, title from posts\"}", 200);
        String updated = server.expect("PATCH", "/api/collections/v_changing", superuser,
                "{\"name\":\"v_changed\",\"fields\":[],\"viewQuery\":\"select id, score from posts where score > 10\"}", 200);
        // PocketBase (Go) writes > in JSON strings as \\u003e
        assertThat(updated).contains("\"name\":\"score\"", "\"viewQuery\":\"select id, score from posts where score \\u003e 10\"")
                .doesNotContain("\"name\":\"title\"");
        assertThat(server.expect("GET", "/api/collections/v_changed/records", null, null, 200))
                .contains("\"totalItems\":2", "\"score\":11").doesNotContain("\"title\"");
        server.expect("GET", "/api/collections/v_changing/records", null, null, 404);

        // an invalid update changes nothing
        server.expect("PATCH", "/api/collections/v_changed", superuser, "{\"viewQuery\":\"select id from nowhere\"}", 400);
        server.expect("PATCH", "/api/collections/v_changed", superuser, "{\"createRule\":\"\"}", 400);
        assertThat(server.expect("GET", "/api/collections/v_changed/records", null, null, 200)).contains("\"totalItems\":2");

        server.expect("DELETE", "/api/collections/v_changed", superuser, null, 204);
        server.expect("GET", "/api/collections/v_changed/records", null, null, 404);
        // the name is free again: the SQL view was dropped with the collection
        server.expect("POST", "/api/collections", superuser, "{\"name\":\"v_changed\",\"fields\":[{\"type\":\"text\",\"name\":\"t\"}]}", 200);
    }

    @Test
    void dryRunReturnsTheFieldsAndATenRecordSample() {
        JsonObject run = CollectionsApiTest.json(server.expect("POST", "/api/collections/meta/dry-run-view", superuser,
                "{\"query\":\"select id, title, id as post from posts;\"}", 200));
        assertThat(run.keySet()).containsExactly("fields", "sample");
        assertThat(run.getJsonArray("fields").stream().map(f -> f.asJsonObject().getString("type")))
                .containsExactly("text", "text", "relation");
        JsonArray sample = run.getJsonArray("sample");
        assertThat(sample).hasSize(10);
        JsonObject first = sample.getJsonObject(0);
        assertThat(first.keySet()).containsExactly("collectionId", "collectionName", "id", "post", "title");
        assertThat(first.getString("collectionName")).startsWith("temp_view_");
        assertThat(first.getString("post")).isEqualTo(first.getString("id"));
        // nothing of the dry run is kept
        assertThat(server.expect("GET", "/api/collections/posts/records?perPage=1", null, null, 200)).contains("\"totalItems\":12");
        assertThat(server.expect("GET", "/api/collections?filter=name~'temp'", superuser, null, 200)).contains("\"totalItems\":0");
    }

    @Test
    void dependentViewsFollowTheirSourceAndBlockItsDeletion() {
        String sourceId = CollectionsApiTest.json(server.expect("POST", "/api/collections", superuser,
                "{\"name\":\"source\",\"fields\":[{\"type\":\"text\",\"name\":\"label\",\"max\":10}]}", 200)).getString("id");
        server.expect("POST", "/api/collections", superuser, view("v_dependent", "select id, label from source"), 200);

        // a changed field definition reaches the view that selects it
        server.expect("PATCH", "/api/collections/source", superuser, "{\"fields\":[{\"id\":\"text3208210256\",\"type\":\"text\","
                + "\"name\":\"id\",\"primaryKey\":true,\"required\":true,\"system\":true,\"min\":15,\"max\":15,"
                + "\"pattern\":\"^[a-z0-9]+$\",\"autogeneratePattern\":\"[a-z0-9]{15}\"},"
                + "{\"id\":\"text245846248\",\"type\":\"text\",\"name\":\"label\",\"max\":20}]}", 200);
        JsonArray fields = CollectionsApiTest.json(server.expect("GET", "/api/collections/v_dependent", superuser, null, 200))
                .getJsonArray("fields");
        assertThat(field(fields, "label").getInt("max")).isEqualTo(20);

        // the view would break: the source stays
        server.expect("DELETE", "/api/collections/source", superuser, null, 400);
        assertThat(server.expect("GET", "/api/collections/" + sourceId, superuser, null, 200)).contains("\"name\":\"source\"");
        server.expect("GET", "/api/collections/v_dependent/records", superuser, null, 200);

        server.expect("DELETE", "/api/collections/v_dependent", superuser, null, 204);
        server.expect("DELETE", "/api/collections/source", superuser, null, 204);
    }

    private static JsonObject field(JsonArray fields, String name) {
        return fields.stream().map(f -> f.asJsonObject()).filter(f -> f.getString("name").equals(name)).findFirst().orElseThrow();
    }
}
