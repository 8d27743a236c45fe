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
                {"id":"authorscoll0001","name":"authors","listRule":"","viewRule":"",
                 "fields":[{"type":"text","name":"name"}]}""", 200);
        server.expect("POST", "/api/collections", superuser, """
                {"id":"bookscolle00001","name":"books","listRule":"","viewRule":"","createRule":"","updateRule":"","deleteRule":"",
                 "fields":[{"type":"text","name":"title"},
                           {"type":"relation","name":"author","collectionId":"authorscoll0001"},
                           {"type":"relation","name":"coauthors","collectionId":"authorscoll0001","maxSelect":3,"minSelect":2}]}""", 200);
        for (int i = 1; i <= 4; i++) {
            server.expect("POST", "/api/collections/authors/records", superuser,
                    "{\"id\":\"author00000000" + i + "\",\"name\":\"author " + i + "\"}", 200);
        }
        server.expect("POST", "/api/collections/books/records", superuser,
                "{\"id\":\"book00000000001\",\"title\":\"b1\",\"author\":\"author000000001\",\"coauthors\":[\"author000000002\",\"author000000003\"]}", 200);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    static Stream<Scenario> scenarios() {
        return Stream.of(
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
                        "{\"id\":\"book00000000002\",\"author\":[\"author000000001\",\"author000000002\"],\"coauthors\":\"[\\\"author000000003\\\",\\\"author000000004\\\"]\"}", 200,
                        "\"author\":\"author000000002\"", "\"coauthors\":[\"author000000003\",\"author000000004\"]"),
                Scenario.of("prepend modifier", "PATCH", "/api/collections/books/records/book00000000001", null,
                        "{\"+coauthors\":\"author000000001\"}", 200,
                        "\"coauthors\":[\"author000000001\",\"author000000002\",\"author000000003\"]"),
                Scenario.of("remove modifier", "PATCH", "/api/collections/books/records/book00000000001", null,
                        "{\"coauthors-\":[\"author000000003\"]}", 200,
                        "\"coauthors\":[\"author000000001\",\"author000000002\"]"),
                Scenario.of("append modifier checks the ids", "PATCH", "/api/collections/books/records/book00000000001", null,
                        "{\"coauthors+\":\"nope\"}", 400, "\"coauthors\":{\"code\":\"validation_missing_rel_records\""),
                Scenario.of("append modifier", "PATCH", "/api/collections/books/records/book00000000001", null,
                        "{\"coauthors+\":\"author000000004\"}", 200,
                        "\"coauthors\":[\"author000000001\",\"author000000002\",\"author000000004\"]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario(Scenario s) {
        s.run(server);
    }
}
