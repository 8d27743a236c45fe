package io.pb4j.http;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Relation fields over real HTTP: definitions, values and validation, as PocketBase's scenario tables. */
class RelationsApiTest {
    private static TestServer server;
    private static String superuser;

    @BeforeAll
    static void start() {
        server = new TestServer();
        superuser = server.superuserToken();
        server.expect("POST", "/api/collections", superuser, """
                {"id":"authorscoll0001","name":"authors","listRule":"name != 'author 4'","viewRule":"",
                 "fields":[{"type":"text","name":"name"}]}""", 200);
        server.expect("POST", "/api/collections", superuser, """
                {"id":"secretscoll0001","name":"secrets","fields":[{"type":"text","name":"code"}]}""", 200);
        server.expect("POST", "/api/collections", superuser, """
                {"id":"bookscolle00001","name":"books","listRule":"","viewRule":"","createRule":"","updateRule":"","deleteRule":"",
                 "fields":[{"type":"text","name":"title"},
                           {"type":"relation","name":"author","collectionId":"authorscoll0001"},
                           {"type":"relation","name":"coauthors","collectionId":"authorscoll0001","maxSelect":3,"minSelect":2},
                           {"type":"relation","name":"secret","collectionId":"secretscoll0001"}]}""", 200);
        server.expect("POST", "/api/collections", superuser, """
                {"name":"reviews","listRule":"book.author.name = 'author 1'",
                 "fields":[{"type":"relation","name":"book","collectionId":"bookscolle00001"}]}""", 200);
        server.expect("POST", "/api/collections", superuser, """
                {"id":"contextcoll0001","name":"contextual","viewRule":"@request.context = 'expand'","fields":[{"type":"text","name":"label"}]}""", 200);
        server.expect("POST", "/api/collections", superuser, """
                {"name":"chapters","fields":[{"type":"relation","name":"book","collectionId":"bookscolle00001","required":true,"cascadeDelete":true}]}""", 200);
        server.expect("POST", "/api/collections", superuser, """
                {"name":"notes","fields":[{"type":"relation","name":"book","collectionId":"bookscolle00001","required":true}]}""", 200);
        server.expect("POST", "/api/collections/secrets/records", superuser, "{\"id\":\"secret000000001\",\"code\":\"x\"}", 200);
        for (int i = 1; i <= 4; i++) {
            server.expect("POST", "/api/collections/authors/records", superuser,
                    "{\"id\":\"author00000000" + i + "\",\"name\":\"author " + i + "\"}", 200);
        }
        server.expect("POST", "/api/collections/books/records", superuser,
                "{\"id\":\"book00000000001\",\"title\":\"b1\",\"author\":\"author000000001\",\"coauthors\":[\"author000000002\",\"author000000003\"],\"secret\":\"secret000000001\"}", 200);
        server.expect("POST", "/api/collections/books/records", superuser,
                "{\"id\":\"book00000000002\",\"title\":\"b2\",\"author\":\"author000000002\",\"coauthors\":[\"author000000003\",\"author000000004\"]}", 200);
        server.expect("POST", "/api/collections/reviews/records", superuser, "{\"id\":\"review000000001\",\"book\":\"book00000000001\"}", 200);
        server.expect("POST", "/api/collections/reviews/records", superuser, "{\"id\":\"review000000002\",\"book\":\"book00000000002\"}", 200);
        server.expect("POST", "/api/collections/chapters/records", superuser, "{\"id\":\"chapter00000001\",\"book\":\"book00000000002\"}", 200);
        server.expect("POST", "/api/collections/contextual/records", superuser, "{\"id\":\"context00000001\",\"label\":\"only expanded\"}", 200);
        server.expect("POST", "/api/collections", superuser, """
                {"name":"pointers","viewRule":"","fields":[{"type":"text","name":"note"},
                 {"type":"relation","name":"target","collectionId":"contextcoll0001"}]}""", 200);
        server.expect("POST", "/api/collections/pointers/records", superuser, "{\"id\":\"pointer00000001\",\"target\":\"context00000001\"}", 200);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
                Scenario.of("expand a single and a multiple relation", "GET", "/api/collections/books/records/book00000000001?expand=author,coauthors",
                        null, null, 200, "\"expand\":{\"author\":{\"collectionId\":\"authorscoll0001\"",
                        "\"coauthors\":[{\"collectionId\":\"authorscoll0001\",\"collectionName\":\"authors\",\"id\":\"author000000002\"",
                        "\"id\":\"author000000003\",\"name\":\"author 3\"}]},\"id\":\"book00000000001\""),
                Scenario.of("expand on a list, nested through a back-relation", "GET", "/api/collections/authors/records?perPage=1&sort=id&expand="
                        + enc(" books_via_author.coauthors ,books_via_author"), null, null, 200,
                        "\"expand\":{\"books_via_author\":[{", "\"expand\":{\"coauthors\":[{", "\"id\":\"author000000003\""),
                Scenario.of("a record without the relation still gets an empty expand", "GET", "/api/collections/authors/records/author000000004?expand=books_via_author",
                        null, null, 200, "\"expand\":{}"),
                Scenario.of("a failing path alone leaves no expand key", "GET", "/api/collections/books/records/book00000000001?expand=nope,title,secret",
                        null, null, 200).without("\"expand\""),
                Scenario.of("a null viewRule blocks the expand for guests", "GET", "/api/collections/books/records/book00000000001?expand=secret,author",
                        null, null, 200, "\"expand\":{\"author\":{").without("\"code\""),
                Scenario.of("superusers expand past viewRules", "GET", "/api/collections/books/records/book00000000001?expand=secret",
                        superuser, null, 200, "\"expand\":{\"secret\":{", "\"code\":\"x\""),
                Scenario.of("expanded viewRules see @request.context = expand", "GET", "/api/collections/pointers/records/pointer00000001?expand=target",
                        null, null, 200, "\"expand\":{\"target\":{", "only expanded"),
                Scenario.of("the same viewRule hides the record when viewed directly", "GET", "/api/collections/contextual/records/context00000001",
                        null, null, 404),
                Scenario.of("legacy back-relation form", "GET", "/api/collections/authors/records/author000000002?expand=" + enc("books(coauthors)"),
                        superuser, null, 200, "\"expand\":{\"books(coauthors)\":[{", "book00000000001"),
                Scenario.of("filter through a single relation", "GET", books("author.name = 'author 1'"), null, null, 200,
                        "\"totalItems\":1", "book00000000001"),
                Scenario.of("rel.id needs no join", "GET", books("author.id = 'author000000002'"), null, null, 200,
                        "\"totalItems\":1", "book00000000002"),
                Scenario.of("multiple relation: = needs every item", "GET", books("coauthors.name = 'author 3'"), null, null, 200,
                        "\"totalItems\":0"),
                Scenario.of("multiple relation: != needs every item", "GET", books("coauthors.name != 'author 2'"), superuser, null, 200,
                        "\"totalItems\":1", "book00000000002"),
                Scenario.of("multiple relation: ?= needs one item", "GET", books("coauthors.name ?= 'author 3'"), null, null, 200,
                        "\"totalItems\":2"),
                Scenario.of(":length of a relation", "GET", books("coauthors:length = 2 && author:length = 1"), null, null, 200,
                        "\"totalItems\":2"),
                Scenario.of(":each of a relation", "GET", books("coauthors:each ?= 'author000000004'"), null, null, 200,
                        "\"totalItems\":1", "book00000000002"),
                Scenario.of("the joined collection's listRule is AND-ed for guests", "GET", books("coauthors.name ?= 'author 4'"), null, null, 200,
                        "\"totalItems\":0"),
                Scenario.of("superusers skip the joined listRule", "GET", books("coauthors.name ?= 'author 4'"), superuser, null, 200,
                        "\"totalItems\":1"),
                Scenario.of("a joined collection without listRule is 400 for guests", "GET", books("secret.code = 'x'"), null, null, 400,
                        "\"data\":{}"),
                Scenario.of("a joined collection without listRule is fine for superusers", "GET", books("secret.code = 'x'"), superuser, null, 200,
                        "\"totalItems\":1"),
                Scenario.of("sort through a relation", "GET", "/api/collections/books/records?perPage=1&sort=" + enc("-author.name"), null, null, 200,
                        "book00000000002").without("book00000000001"),
                Scenario.of("back-relation through a single relation", "GET", "/api/collections/authors/records?filter="
                        + enc("books_via_author.title = 'b1'"), null, null, 200, "\"totalItems\":1", "author000000001"),
                Scenario.of("back-relation through a multiple relation", "GET", "/api/collections/authors/records?filter="
                        + enc("books_via_coauthors.title ?= 'b2'"), superuser, null, 200, "\"totalItems\":2"),
                Scenario.of("back-relation with the collection's own listRule", "GET", "/api/collections/authors/records?filter="
                        + enc("books_via_coauthors.title ?= 'b2'"), null, null, 200, "\"totalItems\":1", "author000000003"),
                Scenario.of("unknown back-relation", "GET", "/api/collections/authors/records?filter=" + enc("nope_via_author.title = 'b1'"),
                        null, null, 400),
                Scenario.of("a rule through two relations", "GET", "/api/collections/reviews/records", null, null, 200,
                        "\"totalItems\":1", "review000000001"),
                Scenario.of("a rule with an unknown relation path is refused", "POST", "/api/collections", superuser,
                        "{\"name\":\"bad\",\"listRule\":\"rel.name = 1\",\"fields\":[{\"type\":\"relation\",\"name\":\"rel\",\"collectionId\":\"secretscoll0001\"}]}",
                        400, "\"listRule\":{\"code\":\"validation_invalid_rule\""),
                Scenario.of("definition is returned with every option", "GET", "/api/collections/books", superuser, null, 200,
                        "{\"cascadeDelete\":false,\"collectionId\":\"authorscoll0001\",\"help\":\"\",\"hidden\":false,"
                                + "\"id\":\"relation3182418120\",\"maxSelect\":0,\"minSelect\":0,\"name\":\"author\","
                                + "\"presentable\":false,\"required\":false,\"system\":false,\"type\":\"relation\"}"),
                Scenario.of("target collection must exist", "POST", "/api/collections", superuser,
                        "{\"name\":\"bad\",\"fields\":[{\"type\":\"relation\",\"name\":\"r\",\"collectionId\":\"missing\"}]}", 400,
                        "\"collectionId\":{\"code\":\"validation_field_relation_missing_collection\""),
                Scenario.of("target collection is required", "POST", "/api/collections", superuser,
                        "{\"name\":\"bad\",\"fields\":[{\"type\":\"relation\",\"name\":\"r\"}]}", 400,
                        "\"collectionId\":{\"code\":\"validation_required\""),
                Scenario.of("target collection cannot change", "PATCH", "/api/collections/books", superuser,
                        "{\"fields\":[{\"id\":\"relation3182418120\",\"type\":\"relation\",\"name\":\"author\",\"collectionId\":\"bookscolle00001\"}]}", 400,
                        "\"collectionId\":{\"code\":\"validation_field_relation_change\""),
                Scenario.of("values are single and multiple", "GET", "/api/collections/books/records/book00000000001", null, null, 200,
                        "\"author\":\"author000000001\"", "\"coauthors\":[\"author000000002\",\"author000000003\"]"),
                Scenario.of("ids must exist", "POST", "/api/collections/books/records", null,
                        "{\"author\":\"missing\"}", 400,
                        "\"author\":{\"code\":\"validation_missing_rel_records\",\"message\":\"Failed to find all relation records with the provided ids.\"}"),
                Scenario.of("minSelect", "POST", "/api/collections/books/records", null,
                        "{\"coauthors\":[\"author000000001\"]}", 400,
                        "\"coauthors\":{\"code\":\"validation_not_enough_values\"", "\"params\":{\"minSelect\":2}"),
                Scenario.of("maxSelect", "POST", "/api/collections/books/records", null,
                        "{\"coauthors\":[\"author000000001\",\"author000000002\",\"author000000003\",\"author000000004\"]}", 400,
                        "\"coauthors\":{\"code\":\"validation_too_many_values\"", "\"params\":{\"maxSelect\":3}"),
                Scenario.of("create links existing records", "POST", "/api/collections/books/records", null,
                        "{\"id\":\"book00000000003\",\"author\":[\"author000000001\",\"author000000002\"],\"coauthors\":\"[\\\"author000000003\\\",\\\"author000000004\\\"]\"}", 200,
                        "\"author\":\"author000000002\"", "\"coauthors\":[\"author000000003\",\"author000000004\"]"),
                Scenario.of("prepend modifier, expanded", "PATCH", "/api/collections/books/records/book00000000001?expand=coauthors", null,
                        "{\"+coauthors\":\"author000000001\"}", 200, "\"expand\":{\"coauthors\":[{",
                        "\"coauthors\":[\"author000000001\",\"author000000002\",\"author000000003\"]"),
                Scenario.of("remove modifier", "PATCH", "/api/collections/books/records/book00000000001", null,
                        "{\"coauthors-\":[\"author000000003\"]}", 200,
                        "\"coauthors\":[\"author000000001\",\"author000000002\"]"),
                Scenario.of("append modifier checks the ids", "PATCH", "/api/collections/books/records/book00000000001", null,
                        "{\"coauthors+\":\"nope\"}", 400, "\"coauthors\":{\"code\":\"validation_missing_rel_records\""),
                Scenario.of("append modifier", "PATCH", "/api/collections/books/records/book00000000001", null,
                        "{\"coauthors+\":\"author000000004\"}", 200,
                        "\"coauthors\":[\"author000000001\",\"author000000002\",\"author000000004\"]"),
                Scenario.of("a referenced record cannot go while a required reference would be left empty", "POST",
                        "/api/collections/notes/records", superuser, "{\"id\":\"note00000000001\",\"book\":\"book00000000003\"}", 200),
                Scenario.of("delete fails on a required non-cascading reference", "DELETE", "/api/collections/books/records/book00000000003",
                        superuser, null, 400, "\"message\":\"Failed to delete record. Make sure that the record is not part of a required relation reference.\"",
                        "\"data\":{}"),
                Scenario.of("the failed delete changed nothing", "GET", "/api/collections/books/records/book00000000003", superuser, null, 200,
                        "\"author\":\"author000000002\""),
                Scenario.of("delete removes the id from referencing records", "DELETE", "/api/collections/authors/records/author000000001",
                        superuser, null, 204),
                Scenario.of("single reference emptied, multiple reference shortened", "GET", "/api/collections/books/records/book00000000001",
                        superuser, null, 200, "\"author\":\"\"", "\"coauthors\":[\"author000000002\",\"author000000004\"]"),
                Scenario.of("delete cascades to required cascading references", "DELETE", "/api/collections/books/records/book00000000002",
                        superuser, null, 204),
                Scenario.of("the cascaded record is gone", "GET", "/api/collections/chapters/records/chapter00000001", superuser, null, 404),
                Scenario.of("an optional reference is emptied", "GET", "/api/collections/reviews/records/review000000002", superuser, null, 200,
                        "\"book\":\"\""),
                Scenario.of("truncate cascades the same way", "DELETE", "/api/collections/books/truncate", superuser, null, 400,
                        "\"data\":{}"));
    }

    static String books(String filter) {
        return "/api/collections/books/records?filter=" + enc(filter);
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario(Scenario s) {
        s.run(server);
    }
}
