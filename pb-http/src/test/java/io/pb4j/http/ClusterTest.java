package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.Record;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two pb4j nodes (two apps, each with its own server) serving one app from one PostgreSQL database, as behind a load
 * balancer: record events, broadcasts, collection and settings changes made on one node reach the other through the
 * database's {@code LISTEN/NOTIFY}, and cron ticks run each job on one node only.
 */
class ClusterTest {
    private static TestServer a;
    private static TestServer b;
    private static String superuser;
    private static String url;

    @BeforeAll
    static void start() {
        url = PostgresFixture.newDatabase();
        a = TestServer.onPostgres(url, true);
        b = TestServer.onPostgres(url, false);
        superuser = b.superuserToken();
    }

    @AfterAll
    static void stop() throws Exception {
        b.close();
        a.close();
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static void subscribe(TestServer node, SseClient c, String token, String... topics) {
        StringBuilder body = new StringBuilder("{\"clientId\":\"" + c.clientId + "\",\"subscriptions\":[");
        for (int i = 0; i < topics.length; i++) {
            body.append(i > 0 ? "," : "").append(Json.createValue(topics[i]));
        }
        TestServer.Response r = node.send("POST", "/api/realtime", token, body.append("]}").toString());
        assertThat(r.status()).as(r.body()).isEqualTo(204);
    }

    private static String userToken(TestServer node, String email) {
        node.expect("POST", "/api/collections/users/records", superuser, "{\"email\":\"" + email
                + "\",\"password\":\"1234567890\",\"passwordConfirm\":\"1234567890\"}", 200);
        return json(node.expect("POST", "/api/collections/users/auth-with-password", null,
                "{\"identity\":\"" + email + "\",\"password\":\"1234567890\"}", 200)).getString("token");
    }

    @Test
    void recordEventsCommittedOnOneNodeReachTheRuleCheckedSubscribersOfTheOther() {
        a.expect("POST", "/api/collections", superuser, """
                {"name":"notes","type":"base","listRule":"@request.auth.id != ''","viewRule":"@request.auth.id != ''",
                 "fields":[{"name":"title","type":"text"},{"name":"secret","type":"text","hidden":true}]}""", 200);
        String user = userToken(b, "reader@example.com");
        try (SseClient guestOnA = new SseClient(a); SseClient userOnA = new SseClient(a);
             SseClient superOnA = new SseClient(a); SseClient superOnB = new SseClient(b)) {
            subscribe(a, guestOnA, null, "notes/*");
            subscribe(a, userOnA, user, "notes/*?options=" + java.net.URLEncoder.encode(
                    "{\"query\":{\"fields\":\"id,title,secret\"}}", java.nio.charset.StandardCharsets.UTF_8));
            subscribe(a, superOnA, superuser, "notes/*");
            subscribe(b, superOnB, superuser, "notes/*");

            JsonObject created = json(b.expect("POST", "/api/collections/notes/records", superuser,
                    "{\"title\":\"hello\",\"secret\":\"s1\"}", 200));
            String id = created.getString("id");

            JsonObject toSuper = json(superOnA.next().data());
            assertThat(toSuper.getString("action")).isEqualTo("create");
            assertThat(toSuper.getJsonObject("record").getString("id")).isEqualTo(id);
            assertThat(toSuper.getJsonObject("record").getString("title")).isEqualTo("hello");
            assertThat(toSuper.getJsonObject("record").getString("secret")).isEqualTo("s1");
            SseClient.Event toUser = userOnA.next();
            assertThat(toUser.name()).startsWith("notes/*?options=");
            // the subscriber's own fields option, and the hidden field hidden from a non-superuser
            assertThat(json(toUser.data()).getJsonObject("record").keySet()).containsExactly("id", "title");
            // the writing node delivers to its own subscriber once, not again through the database
            assertThat(json(superOnB.next().data()).getString("action")).isEqualTo("create");

            b.expect("PATCH", "/api/collections/notes/records/" + id, superuser, "{\"title\":\"changed\"}", 200);
            JsonObject updated = json(superOnA.next().data());
            assertThat(updated.getString("action")).isEqualTo("update");
            assertThat(updated.getJsonObject("record").getString("title")).isEqualTo("changed");
            assertThat(json(userOnA.next().data()).getString("action")).isEqualTo("update");

            b.expect("DELETE", "/api/collections/notes/records/" + id, superuser, null, 204);
            JsonObject deleted = json(superOnA.next().data());
            assertThat(deleted.getString("action")).isEqualTo("delete");
            assertThat(deleted.getJsonObject("record").getString("id")).isEqualTo(id);
            assertThat(json(userOnA.next().data()).getString("action")).isEqualTo("delete");
            assertThat(json(superOnB.next().data()).getString("action")).isEqualTo("update");
            assertThat(json(superOnB.next().data()).getString("action")).isEqualTo("delete");

            // the guest, whom the listRule refuses, got nothing; nobody got anything twice
            assertThat(guestOnA.next(Duration.ofMillis(300))).isEmpty();
            assertThat(superOnA.next(Duration.ofMillis(100))).isEmpty();
            assertThat(superOnB.next(Duration.ofMillis(100))).isEmpty();
            assertThat(userOnA.next(Duration.ofMillis(100))).isEmpty();
        }
    }

    @Test
    void aRolledBackWriteNotifiesNobodyAndLargeRecordsCrossTheNotifyLimit() {
        a.expect("POST", "/api/collections", superuser, """
                {"name":"big","type":"base","listRule":"","viewRule":"","createRule":"","fields":[{"name":"body","type":"text","max":100000}]}""", 200);
        try (SseClient onA = new SseClient(a)) {
            subscribe(a, onA, null, "big/*");
            try {
                b.app.runInTransaction(tx -> {
                    tx.save(Record.create(tx.collection("big")).set("body", "never"));
                    throw new IllegalStateException("rolled back");
                });
            } catch (IllegalStateException expected) {
                // the write is undone, and its NOTIFY with it
            }
            // 30 000 characters, some of them 3 bytes in UTF-8: several NOTIFY payloads, joined on the other node
            String body = "ünïcødé €".repeat(3000) + "end";
            b.expect("POST", "/api/collections/big/records", null, Json.createObjectBuilder().add("body", body).build().toString(), 200);
            JsonObject event = json(onA.next().data());
            assertThat(event.getJsonObject("record").getString("body")).isEqualTo(body);
            assertThat(onA.next(Duration.ofMillis(300))).isEmpty();
        }
    }

    @Test
    void broadcastsOnOneNodeReachTheSubscribersOfEveryNode() {
        try (SseClient onA = new SseClient(a); SseClient onB = new SseClient(b)) {
            subscribe(a, onA, null, "custom/topic");
            subscribe(b, onB, null, "custom/topic");
            assertThat(b.app.realtime().broadcast("custom/topic", "{\"n\":1}")).isEqualTo(1);
            assertThat(onA.next().data()).isEqualTo("{\"n\":1}");
            assertThat(onB.next().data()).isEqualTo("{\"n\":1}");
            assertThat(onA.next(Duration.ofMillis(200))).isEmpty();
        }
    }

    @Test
    void collectionAndSettingsChangesOnOneNodeAreSeenByTheOtherOnItsNextRequest() {
        JsonObject c = json(a.expect("POST", "/api/collections", superuser,
                "{\"name\":\"fresh\",\"type\":\"base\",\"listRule\":\"\",\"createRule\":\"\",\"fields\":[{\"name\":\"a\",\"type\":\"text\"}]}", 200));
        assertThat(b.send("GET", "/api/collections/fresh/records", null, null).status()).isEqualTo(200);

        // rules
        a.expect("PATCH", "/api/collections/fresh", superuser, "{\"listRule\":null}", 200);
        TestServer.Response refused = b.send("GET", "/api/collections/fresh/records", null, null);
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);

        // fields and indexes (the other node's table changed under its cached statements)
        a.expect("PATCH", "/api/collections/" + c.getString("id"), superuser, """
                {"fields":[{"name":"a","type":"text"},{"name":"extra","type":"number"}],
                 "indexes":["CREATE UNIQUE INDEX idx_fresh_extra ON fresh (extra)"]}""", 200);
        JsonObject r = json(b.expect("POST", "/api/collections/fresh/records", null, "{\"a\":\"x\",\"extra\":7}", 200));
        assertThat(r.getInt("extra")).isEqualTo(7);
        TestServer.Response duplicate = b.send("POST", "/api/collections/fresh/records", null, "{\"a\":\"y\",\"extra\":7}");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.body()).contains("validation_not_unique");

        // settings and their consumers (batch)
        a.expect("PATCH", "/api/settings", superuser, "{\"meta\":{\"appName\":\"Clustered\"},\"batch\":{\"enabled\":false}}", 200);
        assertThat(json(b.expect("GET", "/api/settings", superuser, null, 200)).getJsonObject("meta").getString("appName"))
                .isEqualTo("Clustered");
        TestServer.Response batch = b.send("POST", "/api/batch", superuser, "{\"requests\":[]}");
        assertThat(batch.status()).as(batch.body()).isEqualTo(403);
        a.expect("PATCH", "/api/settings", superuser, "{\"batch\":{\"enabled\":true,\"maxRequests\":50}}", 200);

        a.expect("DELETE", "/api/collections/fresh", superuser, null, 204);
        assertThat(b.send("GET", "/api/collections/fresh/records", superuser, null).status()).isEqualTo(404);
    }

    @Test
    void aSubscriptionPostedToTheOtherNodeReachesTheNodeThatHoldsTheStream() {
        a.expect("POST", "/api/collections", superuser, """
                {"name":"routed","type":"base","listRule":"","createRule":"","fields":[{"name":"t","type":"text"}]}""", 200);
        try (SseClient onA = new SseClient(a)) {
            // the POST lands on node B, which does not hold the client: node A applies it
            subscribe(b, onA, null, "routed/*");
            b.expect("POST", "/api/collections/routed/records", null, "{\"t\":\"x\"}", 200);
            assertThat(json(onA.next().data()).getString("action")).isEqualTo("create");
            // the holder checks the auth as for its own POST: a guest → superuser upgrade passes, a downgrade does not
            subscribe(b, onA, superuser, "routed/*");
            TestServer.Response refused = b.send("POST", "/api/realtime", null,
                    "{\"clientId\":\"" + onA.clientId + "\",\"subscriptions\":[]}");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body()).contains("The current and the previous request authorization don't match.");
        }
        TestServer.Response unknown = b.send("POST", "/api/realtime", null, "{\"clientId\":\"nobody\",\"subscriptions\":[]}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("Missing or invalid client id.");
    }

    @Test
    void aNodeWhoseChannelWasCutEndsItsRealtimeStreamsSoTheirClientsReconnect() throws Exception {
        a.expect("POST", "/api/collections", superuser, """
                {"name":"gap","type":"base","listRule":"","createRule":"","fields":[{"name":"t","type":"text"}]}""", 200);
        try (SseClient onA = new SseClient(a)) {
            subscribe(a, onA, null, "gap/*");
            // every node's listening connection cut, as by a network blip or a database failover
            PostgresFixture.execute(url, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    + "WHERE application_name = 'pb4j-cluster' AND datname = current_database()");
            assertThat(onA.awaitEnd(Duration.ofSeconds(15))).as("the stream of a client that may have missed events ends").isTrue();
        }
        // the channel is back: a client that reconnects gets the other node's events again
        long deadline = System.currentTimeMillis() + 15_000;
        while (a.app.cluster().peers() < 1 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(500); // the listener is counted as soon as it listens, a moment before it ends the old streams
        try (SseClient again = new SseClient(a)) {
            subscribe(a, again, null, "gap/*");
            b.expect("POST", "/api/collections/gap/records", null, "{\"t\":\"after\"}", 200);
            assertThat(json(again.next(Duration.ofSeconds(10)).orElseThrow().data()).getString("action")).isEqualTo("create");
        }
    }

    @Test
    void theOfficialSdkWorksThroughARoundRobinProxy() throws Exception {
        try (io.pb4j.test.RoundRobinProxy proxy = new io.pb4j.test.RoundRobinProxy(List.of(a.app.port(), b.app.port()))) {
            BatchApiTest.batchSettings(a, true, 50, 3);
            SdkCompatibilityTest.runSample(proxy.baseUrl(), List.of("realtime", "batch"));
        }
    }

    @Test
    void eachCronTickRunsAJobOnOneNodeOnly() throws Exception {
        List<Long> runs = Collections.synchronizedList(new ArrayList<>());
        List<String> nodes = Collections.synchronizedList(new ArrayList<>());
        for (TestServer node : List.of(a, b)) {
            String name = node == a ? "a" : "b";
            node.app.cron().add("clusterTick", "* * * * *", () -> {
                runs.add(Math.round(System.currentTimeMillis() / 1000.0));
                nodes.add(name);
            });
            node.app.cron().interval(Duration.ofSeconds(1));
        }
        try {
            Thread.sleep(4500);
        } finally {
            for (TestServer node : List.of(a, b)) {
                node.app.cron().remove("clusterTick");
                node.app.cron().interval(Duration.ofMinutes(1));
            }
        }
        // a tick each second, on both nodes; each ran on one of them
        assertThat(runs).hasSizeBetween(3, 5).doesNotHaveDuplicates();
        assertThat(b.app.cluster().active()).isTrue();
        assertThat(a.app.cluster().nodeId()).isNotEqualTo(b.app.cluster().nodeId());
        assertThat(Map.of("runs", runs, "nodes", nodes)).isNotEmpty();
    }
}
