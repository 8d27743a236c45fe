package io.pb4j.http;

import static io.pb4j.http.RelationsApiTest.enc;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The filter/rule language over real HTTP: {@code @collection.<name>[:alias]} joins, {@code @request.auth} and
 * {@code @request.body} relation paths, {@code :changed}, body {@code :each}/{@code :length}, and the geoPoint field
 * with {@code geoDistance}. Members Ann (red team, admin), Bob (red) and Cid (blue); projects P1 (red, owned by Bob),
 * P2 (blue, Cid) and P3 (red, Ann); memberships Bob→P1 manager, Cid→P2 member, Bob→P3 member. The scenarios run in
 * order and the last ones change data.
 */
class QueryLanguageApiTest {
    private static final String PROJECTS = "/api/collections/projects/records";
    private static TestServer server;
    private static String superuser;
    private static String ann;
    private static String bob;
    private static String cid;

    @BeforeAll
    static void start() {
        server = new TestServer();
        superuser = server.superuserToken();
        create("/api/collections", """
                {"id":"teamscollection","name":"teams","listRule":"","viewRule":"","fields":[{"type":"text","name":"name"}]}""");
        create("/api/collections", """
                {"id":"memberscollecti","name":"members","type":"auth","listRule":"","viewRule":"",
                 "fields":[{"type":"text","name":"name"},{"type":"text","name":"role"},
                           {"type":"relation","name":"team","collectionId":"teamscollection"}]}""");
        create("/api/collections", """
                {"id":"projectscollect","name":"projects","listRule":"@request.auth.team.name = team.name",
                 "createRule":"@request.auth.id != '' && @request.body.team.name != 'locked' && @request.body.watchers:length <= 2 && @request.body.watchers:each != @request.auth.id",
                 "updateRule":"owner = @request.auth.id && @request.body.owner:changed = false && @request.body.status:changed = false || @request.auth.role = 'admin'",
                 "fields":[{"type":"text","name":"title"},{"type":"text","name":"status"},
                           {"type":"relation","name":"team","collectionId":"teamscollection"},
                           {"type":"relation","name":"owner","collectionId":"memberscollecti"},
                           {"type":"relation","name":"watchers","collectionId":"memberscollecti","maxSelect":5}]}""");
        create("/api/collections", """
                {"name":"memberships","fields":[{"type":"text","name":"role"},
                 {"type":"relation","name":"member","collectionId":"memberscollecti"},
                 {"type":"relation","name":"project","collectionId":"projectscollect"}]}""");
        server.expect("PATCH", "/api/collections/projects", superuser, """
                {"viewRule":"@collection.memberships:ms.member ?= @request.auth.id && @collection.memberships:ms.project ?= id",
                 "deleteRule":"@request.auth.memberships_via_member.project ?= id && @request.auth.memberships_via_member.role ?= 'manager'"}""",
                200);
        // memberships.project points to projects, not members: from @request.auth this back-relation is NULL
        create("/api/collections", """
                {"name":"notes","listRule":"@request.auth.memberships_via_project.id = null && @request.auth.id != ''",
                 "fields":[{"type":"text","name":"text"}]}""");
        create("/api/collections", """
                {"name":"places","listRule":"","viewRule":"","createRule":"","updateRule":"",
                 "fields":[{"type":"text","name":"name"},{"type":"geoPoint","name":"loc","required":true}]}""");
        for (String team : new String[] {"red", "blue", "locked"}) {
            create("/api/collections/teams/records", "{\"id\":\"team00000000" + team.charAt(0) + "00\",\"name\":\"" + team + "\"}");
        }
        member("ann", "Ann", "admin", "team00000000r00");
        member("bob", "Bob", "user", "team00000000r00");
        member("cid", "Cid", "user", "team00000000b00");
        project("1", "P1", "team00000000r00", "bob");
        project("2", "P2", "team00000000b00", "cid");
        project("3", "P3", "team00000000r00", "ann");
        membership("1", "bob", "1", "manager");
        membership("2", "cid", "2", "member");
        membership("3", "bob", "3", "member");
        create("/api/collections/notes/records", "{\"text\":\"n1\"}");
        create("/api/collections/places/records", "{\"id\":\"placesofia00001\",\"name\":\"Sofia\",\"loc\":{\"lon\":23.3219,\"lat\":42.6977}}");
        create("/api/collections/places/records", "{\"id\":\"placenewyork001\",\"name\":\"NYC\",\"loc\":\"{\\\"lon\\\":-74.006,\\\"lat\\\":40.7128}\"}");
        ann = AuthLogin.token(server, "members", "ann@example.com", "12345678");
        bob = AuthLogin.token(server, "members", "bob@example.com", "12345678");
        cid = AuthLogin.token(server, "members", "cid@example.com", "12345678");
    }

    private static void create(String path, String json) {
        server.expect("POST", path, superuser, json, 200);
    }

    private static void member(String key, String name, String role, String team) {
        create("/api/collections/members/records", "{\"id\":\"member000000" + key + "\",\"email\":\"" + key
                + "@example.com\",\"password\":\"12345678\",\"passwordConfirm\":\"12345678\",\"name\":\"" + name
                + "\",\"role\":\"" + role + "\",\"team\":\"" + team + "\"}");
    }

    private static void project(String n, String title, String team, String owner) {
        create("/api/collections/projects/records", "{\"id\":\"project0000000" + n + "\",\"title\":\"" + title
                + "\",\"status\":\"open\",\"team\":\"" + team + "\",\"owner\":\"member000000" + owner + "\"}");
    }

    private static void membership(String n, String member, String project, String role) {
        create("/api/collections/memberships/records", "{\"id\":\"membership0000" + n + "\",\"member\":\"member000000" + member
                + "\",\"project\":\"project0000000" + project + "\",\"role\":\"" + role + "\"}");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String projects(String filter) {
        return PROJECTS + "?sort=title&filter=" + enc(filter);
    }

    private static String places(String filter) {
        return "/api/collections/places/records?sort=name&filter=" + enc(filter);
    }

    /** Tokens are known only after the server started, so scenarios are built lazily. */
    static Stream<Function<Void, Scenario>> scenarios() {
        return Stream.of(
                // listRule: @request.auth.team.name = team.name
                x -> Scenario.of("list rule through an @request.auth relation (Bob, red team)", "GET", PROJECTS + "?sort=title", bob, null, 200,
                        "\"totalItems\":2", "\"title\":\"P1\"", "\"title\":\"P3\"").without("\"title\":\"P2\""),
                x -> Scenario.of("list rule through an @request.auth relation (Cid, blue team)", "GET", PROJECTS, cid, null, 200,
                        "\"totalItems\":1", "\"title\":\"P2\""),
                x -> Scenario.of("list rule through an @request.auth relation (guest)", "GET", PROJECTS, null, null, 200,
                        "\"totalItems\":0"),
                // viewRule: @collection.memberships:ms.member ?= @request.auth.id && @collection.memberships:ms.project ?= id
                x -> Scenario.of("view rule with an aliased @collection join (manager)", "GET", PROJECTS + "/project00000001", bob, null, 200,
                        "\"title\":\"P1\""),
                x -> Scenario.of("view rule with an aliased @collection join (member)", "GET", PROJECTS + "/project00000003", bob, null, 200,
                        "\"title\":\"P3\""),
                x -> Scenario.of("view rule with an aliased @collection join (no membership)", "GET", PROJECTS + "/project00000002", bob, null, 404),
                x -> Scenario.of("view rule with an aliased @collection join (owner without membership)", "GET", PROJECTS + "/project00000003", ann,
                        null, 404),
                // client filters
                x -> Scenario.of("@collection in a client filter is for superusers", "GET", projects("@collection.teams.name ?= 'red'"), bob, null, 403,
                        "\"message\":\"Only superusers can filter by @collection.\""),
                x -> Scenario.of("@collection in a client sort is for superusers", "GET", PROJECTS + "?sort=" + enc("@collection.teams.name"), cid,
                        null, 403, "\"message\":\"Only superusers can filter by @collection.\""),
                x -> Scenario.of("@request in a guest filter is for superusers", "GET", projects("@request.auth.id = ''"), null, null, 403,
                        "\"message\":\"Only superusers can filter by @request.\""),
                x -> Scenario.of("@collection: every row must match a plain operator", "GET", projects("@collection.teams.name = 'red'"), superuser,
                        null, 200, "\"totalItems\":0"),
                x -> Scenario.of("@collection: != holds for every row", "GET", projects("@collection.teams.name != 'green'"), superuser, null, 200,
                        "\"totalItems\":3"),
                x -> Scenario.of("@collection: ?= needs one row", "GET", projects("@collection.teams.name ?= 'locked'"), superuser, null, 200,
                        "\"totalItems\":3"),
                x -> Scenario.of("@collection without alias: one joined row for both conditions", "GET",
                        projects("@collection.members.name ?= 'Ann' && @collection.members.name ?= 'Bob'"), superuser, null, 200,
                        "\"totalItems\":0"),
                x -> Scenario.of("@collection with two aliases: two independent joins", "GET",
                        projects("@collection.members:a.name ?= 'Ann' && @collection.members:b.name ?= 'Bob'"), superuser, null, 200,
                        "\"totalItems\":3"),
                x -> Scenario.of("@collection with a relation path after it", "GET",
                        projects("@collection.memberships.project ?= id && @collection.memberships.member.name ?= 'Cid'"), superuser, null, 200,
                        "\"totalItems\":1", "\"title\":\"P2\""),
                x -> Scenario.of("@collection by id with an alias, correlated with the record", "GET",
                        projects("@collection.memberscollecti:o.id ?= owner && @collection.memberscollecti:o.role ?= 'admin'"), superuser, null,
                        200, "\"totalItems\":1", "\"title\":\"P3\""),
                x -> Scenario.of("unknown @collection is a 400", "GET", projects("@collection.nope.id ?= id"), superuser, null, 400, "\"data\":{}"),
                x -> Scenario.of("foreign back-relation from @request.auth is NULL, not an error", "GET", "/api/collections/notes/records", bob,
                        null, 200, "\"totalItems\":1", "\"text\":\"n1\""),
                // createRule: @request.auth.id != '' && @request.body.team.name != 'locked'
                //             && @request.body.watchers:length <= 2 && @request.body.watchers:each != @request.auth.id
                x -> Scenario.of("create rule: guests fail", "POST", PROJECTS, null, "{\"title\":\"g\"}", 400,
                        "\"message\":\"Failed to create record.\""),
                x -> Scenario.of("create rule: @request.body relation path passes", "POST", PROJECTS, bob,
                        "{\"id\":\"project0000000a\",\"title\":\"A\",\"team\":\"team00000000r00\",\"watchers\":[\"member000000ann\"]}", 200,
                        "\"id\":\"project0000000a\""),
                x -> Scenario.of("create rule: @request.body relation path fails", "POST", PROJECTS, bob,
                        "{\"title\":\"B\",\"team\":\"team00000000l00\"}", 400, "\"message\":\"Failed to create record.\""),
                x -> Scenario.of("create rule: body :length of a multiple relation", "POST", PROJECTS, bob,
                        "{\"title\":\"C\",\"watchers\":[\"member000000ann\",\"member000000cid\",\"member000000bob\"]}", 400),
                x -> Scenario.of("create rule: body :each must hold for every item", "POST", PROJECTS, bob,
                        "{\"title\":\"D\",\"watchers\":[\"member000000ann\",\"member000000bob\"]}", 400),
                x -> Scenario.of("create rule: body :each and :length pass", "POST", PROJECTS, bob,
                        "{\"id\":\"project0000000e\",\"title\":\"E\",\"watchers\":[\"member000000ann\",\"member000000cid\"]}", 200,
                        "\"watchers\":[\"member000000ann\",\"member000000cid\"]"),
                // updateRule: owner = @request.auth.id && @request.body.owner:changed = false
                //             && @request.body.status:changed = false || @request.auth.role = 'admin'
                x -> Scenario.of("update rule: the owner changes the title", "PATCH", PROJECTS + "/project00000001", bob,
                        "{\"title\":\"P1\",\"team\":\"team00000000r00\"}", 200, "\"title\":\"P1\""),
                x -> Scenario.of("update rule: sending the same status is not a change", "PATCH", PROJECTS + "/project00000001", bob,
                        "{\"status\":\"open\"}", 200, "\"status\":\"open\""),
                x -> Scenario.of("update rule: :changed blocks a new status", "PATCH", PROJECTS + "/project00000001", bob,
                        "{\"status\":\"closed\"}", 404),
                x -> Scenario.of("update rule: :changed blocks a new owner", "PATCH", PROJECTS + "/project00000001", bob,
                        "{\"owner\":\"member000000cid\"}", 404),
                x -> Scenario.of("update rule: others are not the owner", "PATCH", PROJECTS + "/project00000001", cid,
                        "{\"title\":\"x\"}", 404),
                x -> Scenario.of("update rule: @request.auth.role through the auth record", "PATCH", PROJECTS + "/project00000001", ann,
                        "{\"status\":\"closed\"}", 200, "\"status\":\"closed\""),
                // deleteRule: @request.auth.memberships_via_member.project ?= id && ....role ?= 'manager'
                x -> Scenario.of("delete rule through an @request.auth back-relation (member, not manager)", "DELETE",
                        PROJECTS + "/project00000003", bob, null, 404),
                x -> Scenario.of("delete rule through an @request.auth back-relation (other project)", "DELETE",
                        PROJECTS + "/project00000001", cid, null, 404),
                x -> Scenario.of("delete rule through an @request.auth back-relation (manager)", "DELETE",
                        PROJECTS + "/project00000001", bob, null, 204),
                // geoPoint
                x -> Scenario.of("geoPoint values come back as lon/lat objects", "GET", "/api/collections/places/records?sort=name", null, null,
                        200, "\"loc\":{\"lon\":-74.006,\"lat\":40.7128},\"name\":\"NYC\"", "\"loc\":{\"lon\":23.3219,\"lat\":42.6977}"),
                x -> Scenario.of("filter on field.lat", "GET", places("loc.lat > 41"), null, null, 200, "\"totalItems\":1", "Sofia"),
                x -> Scenario.of("filter on field.lon", "GET", places("loc.lon < 0"), null, null, 200, "\"totalItems\":1", "NYC"),
                x -> Scenario.of("geoDistance in km", "GET", places("geoDistance(loc.lon, loc.lat, 23.32, 42.69) < 5"), null, null, 200,
                        "\"totalItems\":1", "Sofia"),
                x -> Scenario.of("geoDistance between two cities", "GET",
                        places("geoDistance(loc.lon, loc.lat, -73.9, 40.7) < 10 && geoDistance(23.32, 42.69, loc.lon, loc.lat) > 7000"), null,
                        null, 200, "\"totalItems\":1", "NYC"),
                x -> Scenario.of("required geoPoint is not (0,0)", "POST", "/api/collections/places/records", null,
                        "{\"name\":\"zero\",\"loc\":{\"lon\":0,\"lat\":0}}", 400,
                        "\"loc\":{\"code\":\"validation_required\",\"message\":\"Cannot be blank.\"}"),
                x -> Scenario.of("latitude out of range", "POST", "/api/collections/places/records", null,
                        "{\"loc\":{\"lon\":190,\"lat\":-90.5}}", 400,
                        "\"loc\":{\"code\":\"validation_invalid_latitude\",\"message\":\"Latitude must be between -90 and 90 degrees.\"}"),
                x -> Scenario.of("longitude out of range", "POST", "/api/collections/places/records", null,
                        "{\"loc\":{\"lon\":-180.5,\"lat\":10}}", 400,
                        "\"loc\":{\"code\":\"validation_invalid_longitude\",\"message\":\"Longitude must be between -180 and 180 degrees.\"}"),
                x -> Scenario.of("unparseable geoPoint input is the zero point", "POST", "/api/collections/places/records", null,
                        "{\"loc\":\"not json\"}", 400, "\"loc\":{\"code\":\"validation_required\""),
                x -> Scenario.of("update with a mistyped coordinate keeps the other one", "PATCH", "/api/collections/places/records/placesofia00001",
                        null, "{\"loc\":{\"lon\":\"x\",\"lat\":1.5}}", 200, "\"loc\":{\"lon\":0,\"lat\":1.5}"),
                x -> Scenario.of("geoPoint definition", "GET", "/api/collections/places", superuser, null, 200,
                        "{\"help\":\"\",\"hidden\":false,\"id\":\"geoPoint2287119580\",\"name\":\"loc\",\"presentable\":false,"
                                + "\"required\":true,\"system\":false,\"type\":\"geoPoint\"}"));
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("scenarios")
    void queryLanguage(Function<Void, Scenario> scenario) {
        scenario.apply(null).run(server);
    }

    @Test
    void createRulesSeeTheirOwnCollectionWithoutTheNewRecord() throws Exception {
        try (TestServer s = new TestServer()) {
            String su = s.superuserToken();
            // a slot may be booked once: the rule reads the stored bookings, not the one being created
            s.expect("POST", "/api/collections", su, """
                    {"name":"bookings","listRule":"","createRule":"@collection.bookings.slot != @request.body.slot",
                     "fields":[{"type":"text","name":"slot"}]}""", 200);
            assertThat(s.expect("POST", "/api/collections/bookings/records", null, "{\"slot\":\"9am\"}", 200)).contains("\"slot\":\"9am\"");
            assertThat(s.expect("POST", "/api/collections/bookings/records", null, "{\"slot\":\"10am\"}", 200)).contains("\"slot\":\"10am\"");
            assertThat(s.expect("POST", "/api/collections/bookings/records", null, "{\"slot\":\"9am\"}", 400))
                    .contains("\"message\":\"Failed to create record.\"");
            assertThat(s.expect("GET", "/api/collections/bookings/records", null, null, 200)).contains("\"totalItems\":2");
        }
    }

    @Test
    void pocketBaseFixtureGeoPointsLoadAndFilter() throws Exception {
        try (TestServer fixture = TestServer.onFixture()) {
            String token = AuthLogin.token(fixture, "_superusers", "test@example.com", "1234567890");
            String all = fixture.expect("GET", "/api/collections/demo1/records?sort=id&fields=id,point", token, null, 200);
            assertThat(all).contains("{\"id\":\"84nmscqy84lsi1t\",\"point\":{\"lon\":0,\"lat\":0}}",
                    "{\"id\":\"al1h9ijdeojtsjy\",\"point\":{\"lon\":23.333157,\"lat\":42.654318}}",
                    "{\"id\":\"imy661ixudk5izi\",\"point\":{\"lon\":-74.006015,\"lat\":40.712728}}");
            String near = fixture.expect("GET", "/api/collections/demo1/records?filter="
                    + enc("geoDistance(point.lon, point.lat, 23.32, 42.69) < 5"), token, null, 200);
            assertThat(near).contains("\"totalItems\":1", "al1h9ijdeojtsjy");
        }
    }

    @Test
    void backRelationExpandStopsAt1000Records() {
        try (TestServer s = new TestServer()) {
            String su = s.superuserToken();
            s.expect("POST", "/api/collections", su, """
                    {"id":"parentscollecti","name":"parents","viewRule":"","fields":[{"type":"text","name":"name"}]}""", 200);
            s.expect("POST", "/api/collections", su, """
                    {"name":"kids","viewRule":"","fields":[{"type":"relation","name":"parent","collectionId":"parentscollecti"}]}""", 200);
            s.expect("POST", "/api/collections/parents/records", su, "{\"id\":\"parent000000001\"}", 200);
            s.expect("POST", "/api/collections/parents/records", su, "{\"id\":\"parent000000002\"}", 200);
            BatchApiTest.batchSettings(s, true, 1000, 120);
            StringBuilder batch = new StringBuilder("{\"requests\":[");
            for (int i = 0; i < 1000; i++) {
                batch.append(i == 0 ? "" : ",").append("{\"method\":\"POST\",\"url\":\"/api/collections/kids/records\",")
                        .append("\"body\":{\"parent\":\"parent000000001\"}}");
            }
            s.expect("POST", "/api/batch", su, batch.append("]}").toString(), 200);
            s.expect("POST", "/api/collections/kids/records", su, "{\"id\":\"kid000000001001\",\"parent\":\"parent000000001\"}", 200);
            s.expect("POST", "/api/collections/kids/records", su, "{\"id\":\"kid000000000002\",\"parent\":\"parent000000002\"}", 200);
            String body = s.expect("GET", "/api/collections/parents/records?sort=id&expand=kids_via_parent", su, null, 200);
            var items = CollectionsApiTest.json(body).getJsonArray("items");
            JsonArray first = items.getJsonObject(0).getJsonObject("expand").getJsonArray("kids_via_parent");
            JsonArray second = items.getJsonObject(1).getJsonObject("expand").getJsonArray("kids_via_parent");
            assertThat(first).hasSize(1000);
            assertThat(first.toString()).doesNotContain("kid000000001001");
            assertThat(second).hasSize(1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
