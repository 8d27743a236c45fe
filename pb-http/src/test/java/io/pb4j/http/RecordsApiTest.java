package io.pb4j.http;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The records API over real HTTP, as PocketBase's scenario tables. */
class RecordsApiTest {
    private static TestServer server;
    private static String superuser;

    @BeforeAll
    static void start() {
        server = new TestServer();
        superuser = server.superuserToken();
        server.expect("POST", "/api/collections", superuser, """
                {"name":"posts","listRule":"","viewRule":"","createRule":"","updateRule":"","deleteRule":"",
                 "fields":[{"type":"text","name":"title","required":true,"max":20},
                           {"type":"number","name":"views"},
                           {"type":"select","name":"tags","maxSelect":3,"values":["a","b","c"]},
                           {"type":"text","name":"secret","hidden":true},
                           {"type":"autodate","name":"created","onCreate":true},
                           {"type":"autodate","name":"updated","onCreate":true,"onUpdate":true}]}""", 200);
        server.expect("POST", "/api/collections", superuser, """
                {"name":"locked","fields":[{"type":"text","name":"title"}]}""", 200);
        server.expect("POST", "/api/collections", superuser, """
                {"name":"guarded","listRule":"views > 10","viewRule":"views > 10","createRule":"views > 10",
                 "updateRule":"views > 10","deleteRule":"views > 10",
                 "fields":[{"type":"number","name":"views"}]}""", 200);
        for (int i = 1; i <= 5; i++) {
            server.expect("POST", "/api/collections/posts/records", superuser,
                    "{\"id\":\"post0000000000" + i + "\",\"title\":\"post " + i + "\",\"views\":" + (i * 10)
                            + ",\"tags\":[\"a\"],\"secret\":\"s" + i + "\"}", 200);
        }
        server.expect("POST", "/api/collections/locked/records", superuser, "{\"id\":\"locked000000001\",\"title\":\"x\"}", 200);
        server.expect("POST", "/api/collections/guarded/records", superuser, "{\"id\":\"guarded00000001\",\"views\":5}", 200);
        server.expect("POST", "/api/collections/guarded/records", superuser, "{\"id\":\"guarded00000002\",\"views\":50}", 200);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                Scenario.of("missing collection", "GET", "/api/collections/missing/records", null, null, 404,
                        "\"message\":\"Missing collection context.\"", "\"status\":404", "\"data\":{}"),
                Scenario.of("list as guest", "GET", "/api/collections/posts/records", null, null, 200,
                        "\"page\":1", "\"perPage\":30", "\"totalItems\":5", "\"totalPages\":1", "\"collectionName\":\"posts\"")
                        .without("\"secret\""),
                Scenario.of("list as superuser shows hidden fields", "GET", "/api/collections/posts/records", superuser, null, 200,
                        "\"secret\":\"s1\""),
                Scenario.of("paging", "GET", "/api/collections/posts/records?page=2&perPage=2", null, null, 200,
                        "\"page\":2", "\"perPage\":2", "\"totalItems\":5", "\"totalPages\":3"),
                Scenario.of("perPage clamps to 1000", "GET", "/api/collections/posts/records?perPage=5000", null, null, 200,
                        "\"perPage\":1000"),
                Scenario.of("page below 1 is 1", "GET", "/api/collections/posts/records?page=0", null, null, 200, "\"page\":1"),
                Scenario.of("non-numeric page", "GET", "/api/collections/posts/records?page=x", null, null, 400,
                        "\"message\":\"Something went wrong while processing your request.\""),
                Scenario.of("skipTotal", "GET", "/api/collections/posts/records?skipTotal=1", null, null, 200,
                        "\"totalItems\":-1", "\"totalPages\":-1"),
                Scenario.of("bad skipTotal", "GET", "/api/collections/posts/records?skipTotal=maybe", null, null, 400),
                Scenario.of("sort descending", "GET", "/api/collections/posts/records?sort=-views&perPage=1", null, null, 200,
                        "\"title\":\"post 5\""),
                Scenario.of("sort ascending", "GET", "/api/collections/posts/records?sort=views&perPage=1", null, null, 200,
                        "\"title\":\"post 1\""),
                Scenario.of("filter", "GET", "/api/collections/posts/records?filter=" + enc("views >= 30 && title ~ 'post'"), null, null, 200,
                        "\"totalItems\":3"),
                Scenario.of("malformed filter", "GET", "/api/collections/posts/records?filter=" + enc("views >>> 1"), null, null, 400,
                        "\"data\":{}"),
                Scenario.of("unknown field in filter", "GET", "/api/collections/posts/records?filter=" + enc("nope = 1"), null, null, 400),
                Scenario.of("hidden field in guest filter", "GET", "/api/collections/posts/records?filter=" + enc("secret = 's1'"), null, null, 400),
                Scenario.of("hidden field in superuser filter", "GET", "/api/collections/posts/records?filter=" + enc("secret = 's1'"), superuser, null, 200,
                        "\"totalItems\":1"),
                Scenario.of("@request in guest filter", "GET", "/api/collections/posts/records?filter=" + enc("@request.auth.id != ''"), null, null, 403,
                        "Only superusers can filter by @request."),
                Scenario.of("@collection in guest sort", "GET", "/api/collections/posts/records?sort=" + enc("@collection.posts.title"), null, null, 403,
                        "Only superusers can filter by @collection."),
                Scenario.of("fields picker", "GET", "/api/collections/posts/records?fields=id,title&perPage=1", null, null, 200,
                        "\"title\"", "\"totalItems\"").without("\"views\"", "\"collectionName\""),
                Scenario.of("fields excerpt", "GET", "/api/collections/posts/records/post00000000001?fields=id,title:excerpt(3,true)", null, null, 200,
                        "{\"id\":\"post00000000001\",\"title\":\"pos...\"}"),
                Scenario.of("unknown fields modifier", "GET", "/api/collections/posts/records?fields=title:nope(1)", null, null, 400),
                Scenario.of("view", "GET", "/api/collections/posts/records/post00000000001", null, null, 200,
                        "\"id\":\"post00000000001\"", "\"views\":10", "\"tags\":[\"a\"]"),
                Scenario.of("view missing record", "GET", "/api/collections/posts/records/missing", null, null, 404,
                        "\"message\":\"The requested resource wasn't found.\""),
                Scenario.of("locked list rule", "GET", "/api/collections/locked/records", null, null, 403,
                        "\"message\":\"Only superusers can perform this action.\""),
                Scenario.of("locked view rule", "GET", "/api/collections/locked/records/locked000000001", null, null, 403),
                Scenario.of("locked create rule", "POST", "/api/collections/locked/records", null, "{\"title\":\"y\"}", 403),
                Scenario.of("locked rules pass superusers", "GET", "/api/collections/locked/records/locked000000001", superuser, null, 200),
                Scenario.of("list rule filters rows", "GET", "/api/collections/guarded/records", null, null, 200,
                        "\"totalItems\":1", "guarded00000002").without("guarded00000001"),
                Scenario.of("view rule hides as 404", "GET", "/api/collections/guarded/records/guarded00000001", null, null, 404),
                Scenario.of("view rule passes", "GET", "/api/collections/guarded/records/guarded00000002", null, null, 200),
                Scenario.of("create rule rejects with 400", "POST", "/api/collections/guarded/records", null, "{\"views\":1}", 400,
                        "\"message\":\"Failed to create record.\"", "\"data\":{}"),
                Scenario.of("create rule passes", "POST", "/api/collections/guarded/records", null, "{\"views\":11}", 200, "\"views\":11"),
                Scenario.of("update rule hides as 404", "PATCH", "/api/collections/guarded/records/guarded00000001", null, "{\"views\":100}", 404),
                Scenario.of("delete rule hides as 404", "DELETE", "/api/collections/guarded/records/guarded00000001", null, null, 404),
                Scenario.of("validation errors", "POST", "/api/collections/posts/records", null,
                        "{\"title\":\"" + "x".repeat(21) + "\",\"tags\":[\"zzz\"]}", 400,
                        "\"message\":\"Failed to create record.\"", "\"title\":{\"code\":\"validation_max_text_constraint\"",
                        "\"params\":{\"max\":20}", "\"tags\":{\"code\":\"validation_invalid_value\""),
                Scenario.of("required field", "POST", "/api/collections/posts/records", null, "{}", 400,
                        "\"title\":{\"code\":\"validation_required\",\"message\":\"Cannot be blank.\"}"),
                Scenario.of("duplicate id", "POST", "/api/collections/posts/records", null,
                        "{\"id\":\"post00000000001\",\"title\":\"dup\"}", 400, "\"id\":{\"code\":\"validation_not_unique\""),
                Scenario.of("invalid id", "POST", "/api/collections/posts/records", null, "{\"id\":\"UPPER\",\"title\":\"t\"}", 400,
                        "\"id\":{\"code\":\"validation_min_text_constraint\""),
                Scenario.of("create returns 200 with autodates", "POST", "/api/collections/posts/records", null,
                        "{\"title\":\"new\",\"views\":\"7\",\"tags\":\"b\",\"created\":\"2000-01-01 00:00:00.000Z\",\"unknown\":1}", 200,
                        "\"title\":\"new\"", "\"views\":7", "\"tags\":[\"b\"]", "\"created\":\"20").without("2000-01-01", "unknown"),
                Scenario.of("superusers may set hidden fields", "POST", "/api/collections/posts/records?fields=id,secret", superuser,
                        "{\"id\":\"hiddeninput0001\",\"title\":\"h\",\"secret\":\"kept\"}", 200, "\"secret\":\"kept\""),
                Scenario.of("update with modifiers", "PATCH", "/api/collections/posts/records/post00000000002", null,
                        "{\"views+\":5,\"tags+\":\"b\",\"+tags\":\"c\"}", 200, "\"views\":25", "\"tags\":[\"c\",\"a\",\"b\"]"),
                Scenario.of("update removes items", "PATCH", "/api/collections/posts/records/post00000000003", null,
                        "{\"tags-\":\"a\",\"views-\":10}", 200, "\"views\":20", "\"tags\":[]"),
                Scenario.of("update cannot change the id", "PATCH", "/api/collections/posts/records/post00000000004", null,
                        "{\"id\":\"post00000000099\"}", 400, "validation_pk_change"),
                Scenario.of("malformed JSON body", "POST", "/api/collections/posts/records", null, "{oops", 400,
                        "Failed to read the submitted data."),
                Scenario.of("JSON body with trailing content", "POST", "/api/collections/posts/records", null, "{\"title\":\"x\"} tail", 400,
                        "Failed to read the submitted data."),
                Scenario.of("delete", "DELETE", "/api/collections/posts/records/post00000000005", null, null, 204),
                Scenario.of("deleted is gone", "GET", "/api/collections/posts/records/post00000000005", null, null, 404));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario(Scenario s) {
        s.run(server);
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

}
