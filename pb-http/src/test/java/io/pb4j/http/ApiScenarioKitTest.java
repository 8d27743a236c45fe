package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pb4j.test.ApiResponse;
import io.pb4j.test.ApiScenario;
import io.pb4j.test.TestApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The test kit against a real pb4j server: PocketBase's own test data and scenarios, run as an app's tests would. */
class ApiScenarioKitTest {
    /** PocketBase's test data at the repository root, copied by every TestApp. */
    static final Path FIXTURE = Path.of("..", "fixtures", "pocketbase-test-data");
    /** test@example.com of _superusers in the fixture (a non-expiring token of PocketBase's tests). */
    static final String SUPERUSER = "eyJhbGciOiJIUzI1NiJ9.eyJpZCI6InN5d2JoZWNuaDQ2cmhtMCIsInR5cGUiOiJhdXRoIiwiY29sbGVjdGlvbklkIjoicGJjXzMxNDI2MzU4MjMiLCJleHAiOjI1MjQ2MDQ0NjEsInJlZnJlc2hhYmxlIjp0cnVlfQ.UXgO3j-0BumcugrFjbd7j0M4MQvbrLggLlcu_YNGjoY";

    @Test
    void aPocketBaseScenarioPassesWithItsStatusFragmentsAndHookCounts() {
        ApiResponse r = ApiScenario.scenario("authorized as superuser trying to access nil rule collection")
                .app(() -> TestApp.fromDir(FIXTURE))
                .get("/api/collections/demo1/records")
                .as(SUPERUSER)
                .status(200)
                .expect("\"page\":1", "\"perPage\":30", "\"totalItems\":3", "\"id\":\"al1h9ijdeojtsjy\"")
                .events("*", 0, "OnRecordsListRequest", 1, "OnRecordEnrich", 3)
                .test();

        assertThat(r.header("Content-Type")).contains("application/json");
    }

    @Test
    void ofNodesAlternatesRequestsBetweenTheNodesAndCountsTheHooksOfBoth() throws Exception {
        String url = PostgresFixture.newDatabase();
        Path dir = TestServer.newTempDir();
        java.util.List<io.pb4j.core.PocketBase> nodes = new java.util.ArrayList<>();
        java.util.List<String> served = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        for (String name : new String[] {"a", "b"}) {
            io.pb4j.core.PocketBase node = io.pb4j.core.PocketBase.create(cfg -> cfg.dataDir(dir).store("postgres"));
            PostgresFixture.bootstrapOn(node, url);
            node.onRecordsListRequest().bindFunc(e -> {
                served.add(name);
                e.next();
            });
            nodes.add(node);
        }
        try (TestApp t = TestApp.ofNodes(nodes)) {
            assertThat(t.nodes()).containsExactlyElementsOf(nodes);
            assertThat(t.app()).isSameAs(nodes.getFirst());
            for (int i = 0; i < 3; i++) {
                ApiScenario.scenario("guest list of users, request " + i).get("/api/collections/users/records")
                        .expect("\"items\":[]").events("*", 0, "OnRecordsListRequest", 1).test(t);
            }
            // the first request after a setup on app() reaches the other node
            assertThat(served).containsExactly("b", "a", "b");
            java.net.http.HttpResponse<String> viaProxy = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(t.baseUrl() + "/api/health")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(viaProxy.statusCode()).isEqualTo(200);
            assertThat(t.baseUrl()).isNotIn(nodes.stream().map(n -> "http://127.0.0.1:" + n.port()).toList());
        }
        assertThat(Files.exists(dir)).as("the shared data dir is deleted").isFalse();
    }

    @Test
    void beforeAndAfterStepsSeeTheAppAndHooksBoundBeforeCountFromTheRequestOnly() {
        ApiScenario.scenario("create with a hook")
                .app(() -> TestApp.fromDir(FIXTURE))
                .before(t -> {
                    t.app().onRecordCreateRequest("demo2").bindFunc(e -> {
                        e.record().orElseThrow().set("title", "changed by the hook");
                        e.next();
                    });
                    // a write here is not counted: the counts start with the request
                    t.app().save(new io.pb4j.core.Record(t.app().collection("demo2")).set("title", "before the test"));
                })
                .post("/api/collections/demo2/records", "{\"title\":\"sent\"}")
                .as(SUPERUSER)
                .expect("\"title\":\"changed by the hook\"")
                .notExpect("\"title\":\"sent\"")
                .events("OnRecordCreateRequest", 1, "OnModelCreate", 1, "OnRecordCreate", 1, "OnRecordAfterCreateSuccess", 1)
                .after((t, r) -> assertThat(t.app().countRecords("demo2", "title = 'changed by the hook'", Map.of())).isEqualTo(1))
                .test();
    }

    @Test
    void aMissedExpectationFailsWithEveryProblemNamed() {
        ApiScenario s = ApiScenario.scenario("missing collection")
                .get("/api/collections/missing/records")
                .status(200)
                .expect("\"items\":")
                .events("*", 0);

        assertThatThrownBy(s::test).isInstanceOf(AssertionError.class)
                .hasMessageContaining("scenario \"missing collection\" (GET /api/collections/missing/records)")
                .hasMessageContaining("status 404, expected 200")
                .hasMessageContaining("missing \"items\":");
    }

    @Test
    void anEmptyAppServesOnLoopbackAndItsDataDirIsGoneAfterClose() {
        Path dir;
        try (TestApp t = TestApp.create()) {
            dir = t.dataDir();
            assertThat(t.baseUrl()).startsWith("http://127.0.0.1:");
            ApiScenario.scenario("health").get("/api/health").expect("\"code\":200").test(t);
        }
        assertThat(Files.exists(dir)).isFalse();
    }

    @Test
    void anAppOfYourOwnWithRoutesBoundBeforeBootstrapIsServedAndDeletedOnClose() throws Exception {
        Path dir = Files.createTempDirectory("pb4j-kit-own");
        io.pb4j.core.PocketBase own = io.pb4j.core.PocketBase.create(cfg -> cfg.dataDir(dir));
        own.onServe().bindFunc(se -> {
            se.router().get("/api/own", e -> e.string(200, "mine"));
            se.next();
        });
        try (TestApp t = TestApp.of(own)) {
            assertThat(own.isBootstrapped()).isTrue();
            ApiScenario.scenario("own route").get("/api/own").expect("mine").test(t);
        }
        assertThat(Files.exists(dir)).isFalse();
    }

    @Test
    void aHookNameOutsideTheCatalogueIsAProblem() {
        ApiScenario s = ApiScenario.scenario("typo").get("/api/health").expect("\"code\":200").events("OnRecordCreateRequets", 0);
        assertThatThrownBy(s::test).isInstanceOf(AssertionError.class)
                .hasMessageContaining("no hook named OnRecordCreateRequets in the app's catalogue");
    }
}
