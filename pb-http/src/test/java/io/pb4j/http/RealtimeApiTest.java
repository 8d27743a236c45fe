package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.realtime.RealtimeClient;
import io.pb4j.core.realtime.RealtimeMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /api/realtime} over real sockets: the SSE contract, subscriptions, record events and their rule checks. */
class RealtimeApiTest {
    private static TestServer server;
    private static String superuser;
    private static String alice;
    private static String aliceId;
    private static String bob;
    private static String bobId;

    @BeforeAll
    static void start() {
        server = new TestServer();
        superuser = server.superuserToken();
        server.expect("POST", "/api/collections", superuser, """
                {"name":"rt_posts","listRule":"","viewRule":"","createRule":"","updateRule":"","deleteRule":"",
                 "fields":[{"name":"title","type":"text"},{"name":"secret","type":"text","hidden":true},
                           {"name":"author","type":"relation","collectionId":"_pb_users_auth_","maxSelect":1}]}""", 200);
        server.expect("POST", "/api/collections", superuser, """
                {"name":"rt_owned","listRule":"owner = @request.auth.id","viewRule":"owner = @request.auth.id",
                 "fields":[{"name":"title","type":"text"},
                           {"name":"owner","type":"relation","collectionId":"_pb_users_auth_","maxSelect":1}]}""", 200);
        aliceId = createUser("alice@example.com");
        bobId = createUser("bob@example.com");
        alice = login("alice@example.com");
        bob = login("bob@example.com");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String createUser(String email) {
        String body = server.expect("POST", "/api/collections/users/records", superuser,
                "{\"email\":\"" + email + "\",\"password\":\"1234567890\",\"passwordConfirm\":\"1234567890\",\"name\":\"" + email + "\"}", 200);
        return json(body).getString("id");
    }

    private static String login(String email) {
        String body = server.expect("POST", "/api/collections/users/auth-with-password", null,
                "{\"identity\":\"" + email + "\",\"password\":\"1234567890\"}", 200);
        return json(body).getString("token");
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static void subscribe(SseClient c, String token, String... topics) {
        TestServer.Response r = server.send("POST", "/api/realtime", token, subscribeBody(c.clientId, topics));
        assertThat(r.status()).as(r.body()).isEqualTo(204);
    }

    private static String subscribeBody(String clientId, String... topics) {
        StringBuilder b = new StringBuilder("{\"clientId\":\"" + clientId + "\",\"subscriptions\":[");
        for (int i = 0; i < topics.length; i++) {
            b.append(i > 0 ? "," : "").append(Json.createValue(topics[i]));
        }
        return b.append("]}").toString();
    }

    private static String options(String json) {
        return "?options=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
    }

    private static String createPost(String title) {
        return json(server.expect("POST", "/api/collections/rt_posts/records", superuser,
                "{\"title\":\"" + title + "\",\"secret\":\"s-" + title + "\",\"author\":\"" + aliceId + "\"}", 200)).getString("id");
    }

    @Test
    void theStreamOpensWithPbConnectCarryingTheClientIdAsEventId() {
        try (SseClient c = new SseClient(server)) {
            assertThat(c.response.statusCode()).isEqualTo(200);
            assertThat(c.response.headers().firstValue("Content-Type")).contains("text/event-stream");
            assertThat(c.response.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(c.response.headers().firstValue("X-Accel-Buffering")).contains("no");
            assertThat(c.clientId).matches("[A-Za-z0-9]{40}");
            assertThat(server.app.realtime().client(c.clientId)).isPresent();
        }
    }

    @Test
    void subscribeRejectsBadInputWithPocketBasesEnvelope() {
        TestServer.Response empty = server.send("POST", "/api/realtime", null, "{}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body()).contains("\"clientId\":{\"code\":\"validation_required\"").doesNotContain("\"subscriptions\"");

        TestServer.Response missing = server.send("POST", "/api/realtime", null, "{\"clientId\":\"missing\",\"subscriptions\":[\"a\"]}");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"data\":{},\"message\":\"Missing or invalid client id.\",\"status\":404}");

        TestServer.Response malformed = server.send("POST", "/api/realtime", null, "{\"clientId\":");
        assertThat(malformed.status()).isEqualTo(400);

        try (SseClient c = new SseClient(server)) {
            String[] tooMany = new String[1001];
            java.util.Arrays.fill(tooMany, "t");
            TestServer.Response many = server.send("POST", "/api/realtime", null, subscribeBody(c.clientId, tooMany));
            assertThat(many.status()).isEqualTo(400);
            assertThat(many.body()).contains("\"subscriptions\":{\"code\":\"validation_length_too_long\"");

            TestServer.Response longTopic = server.send("POST", "/api/realtime", null, subscribeBody(c.clientId, "abc", "a".repeat(2501)));
            assertThat(longTopic.status()).isEqualTo(400);
            assertThat(longTopic.body()).contains("\"subscriptions\":{\"1\":{\"code\":\"validation_length_too_long\"");

            String[] limit = new String[1000];
            for (int i = 0; i < limit.length; i++) {
                limit[i] = "t" + i;
            }
            subscribe(c, null, "old");
            subscribe(c, null, limit);
            RealtimeClient client = server.app.realtime().client(c.clientId).orElseThrow();
            assertThat(client.subscriptions()).hasSize(1000).doesNotContain("old");
            subscribe(c, null, "a".repeat(2500));
            assertThat(client.subscriptions()).containsExactly("a".repeat(2500));
            subscribe(c, null);
            assertThat(client.subscriptions()).isEmpty();
        }
    }

    @Test
    void recordEventsReachSubscribersAfterCommitNamedAsSubmitted() {
        try (SseClient c = new SseClient(server)) {
            String withOptions = "rt_posts/*" + options("{\"query\":{\"fields\":\"id,title\"}}");
            subscribe(c, null, "rt_posts/*", withOptions);
            String id = createPost("hello");
            List<SseClient.Event> events = List.of(c.next(), c.next());
            assertThat(events).extracting(SseClient.Event::name).containsExactlyInAnyOrder("rt_posts/*", withOptions);
            for (SseClient.Event e : events) {
                assertThat(e.id()).isEqualTo(c.clientId);
                JsonObject data = json(e.data());
                assertThat(data.keySet()).containsExactly("record", "action");
                assertThat(data.getString("action")).isEqualTo("create");
                assertThat(data.getJsonObject("record").getString("id")).isEqualTo(id);
                if (e.name().equals(withOptions)) {
                    assertThat(data.getJsonObject("record").keySet()).containsExactly("id", "title");
                } else {
                    assertThat(data.getJsonObject("record").getString("collectionName")).isEqualTo("rt_posts");
                    assertThat(data.getJsonObject("record")).doesNotContainKey("secret");
                }
            }
            server.expect("PATCH", "/api/collections/rt_posts/records/" + id, superuser, "{\"title\":\"changed\"}", 200);
            assertThat(actions(c, 2)).containsOnly("update");
            server.expect("DELETE", "/api/collections/rt_posts/records/" + id, superuser, null, 204);
            List<SseClient.Event> deleted = List.of(c.next(), c.next());
            assertThat(deleted).allSatisfy(e -> {
                assertThat(json(e.data()).getString("action")).isEqualTo("delete");
                assertThat(json(e.data()).getJsonObject("record").getString("id")).isEqualTo(id);
            });
        }
    }

    private static List<String> actions(SseClient c, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(json(c.next().data()).getString("action"));
        }
        return out;
    }

    @Test
    void aSingleRecordTopicGetsOnlyThatRecordsEvents() {
        String other = createPost("other");
        String mine = createPost("mine");
        try (SseClient c = new SseClient(server)) {
            subscribe(c, null, "rt_posts/" + mine);
            server.expect("PATCH", "/api/collections/rt_posts/records/" + other, superuser, "{\"title\":\"x\"}", 200);
            server.expect("PATCH", "/api/collections/rt_posts/records/" + mine, superuser, "{\"title\":\"y\"}", 200);
            SseClient.Event e = c.next();
            assertThat(e.name()).isEqualTo("rt_posts/" + mine);
            assertThat(json(e.data()).getJsonObject("record").getString("title")).isEqualTo("y");
            assertThat(c.next(Duration.ofMillis(300))).isEmpty();
        }
    }

    @Test
    void theListRuleIsCheckedWithEachSubscribersAuth() {
        try (SseClient guest = new SseClient(server); SseClient a = new SseClient(server); SseClient b = new SseClient(server);
             SseClient su = new SseClient(server)) {
            subscribe(guest, null, "rt_owned/*");
            subscribe(a, alice, "rt_owned/*");
            subscribe(b, bob, "rt_owned/*");
            subscribe(su, superuser, "rt_owned/*");
            String id = json(server.expect("POST", "/api/collections/rt_owned/records", superuser,
                    "{\"title\":\"for alice\",\"owner\":\"" + aliceId + "\"}", 200)).getString("id");
            assertThat(json(a.next().data()).getJsonObject("record").getString("id")).isEqualTo(id);
            assertThat(json(su.next().data()).getJsonObject("record").getString("id")).isEqualTo(id);
            String bobs = json(server.expect("POST", "/api/collections/rt_owned/records", superuser,
                    "{\"title\":\"for bob\",\"owner\":\"" + bobId + "\"}", 200)).getString("id");
            assertThat(json(b.next().data()).getJsonObject("record").getString("id")).isEqualTo(bobs);
            assertThat(json(su.next().data()).getJsonObject("record").getString("id")).isEqualTo(bobs);
            assertThat(guest.next(Duration.ofMillis(300))).isEmpty();
            assertThat(a.next(Duration.ofMillis(100))).isEmpty();
        }
    }

    @Test
    void theSubscriptionFilterExpandAndHiddenFieldsApplyPerSubscriber() {
        try (SseClient guest = new SseClient(server); SseClient su = new SseClient(server)) {
            String filtered = "rt_posts/*" + options("{\"query\":{\"filter\":\"title = 'wanted'\",\"expand\":\"author\"}}");
            subscribe(guest, null, filtered);
            subscribe(su, superuser, "rt_posts/*");
            createPost("unwanted");
            createPost("wanted");
            SseClient.Event e = guest.next();
            JsonObject record = json(e.data()).getJsonObject("record");
            assertThat(record.getString("title")).isEqualTo("wanted");
            // users' viewRule is "id = @request.auth.id": a guest cannot expand the author (as in the records API)
            assertThat(record.getJsonObject("expand")).doesNotContainKey("author");
            assertThat(record).doesNotContainKey("secret");
            assertThat(guest.next(Duration.ofMillis(300))).isEmpty();
            assertThat(json(su.next().data()).getJsonObject("record").getString("secret")).isEqualTo("s-unwanted");
            assertThat(json(su.next().data()).getJsonObject("record").getString("secret")).isEqualTo("s-wanted");
        }
    }

    @Test
    void aGuestFilterOnRequestFieldsGetsNothing() {
        try (SseClient guest = new SseClient(server)) {
            subscribe(guest, null, "rt_posts/*" + options("{\"query\":{\"filter\":\"@request.method = 'GET'\"}}"), "rt_posts/*");
            createPost("x");
            assertThat(guest.next().name()).isEqualTo("rt_posts/*");
            assertThat(guest.next(Duration.ofMillis(300))).isEmpty();
        }
    }

    @Test
    void aRolledBackBatchSendsNothingAndACommittedOneSendsEveryWriteInOrder() {
        server.app.saveSettings(Json.createObjectBuilder(server.app.settings())
                .add("batch", Json.createObjectBuilder().add("enabled", true).add("maxRequests", 50).add("timeout", 3).add("maxBodySize", 0))
                .build());
        try (SseClient c = new SseClient(server)) {
            subscribe(c, null, "rt_posts/*");
            TestServer.Response failed = server.send("POST", "/api/batch", superuser, """
                    {"requests":[{"method":"POST","url":"/api/collections/rt_posts/records","body":{"title":"b1"}},
                                 {"method":"POST","url":"/api/collections/missing/records","body":{"title":"b2"}}]}""");
            assertThat(failed.status()).isEqualTo(400);
            TestServer.Response ok = server.send("POST", "/api/batch", superuser, """
                    {"requests":[{"method":"POST","url":"/api/collections/rt_posts/records","body":{"title":"c1"}},
                                 {"method":"POST","url":"/api/collections/rt_posts/records","body":{"title":"c2"}}]}""");
            assertThat(ok.status()).as(ok.body()).isEqualTo(200);
            assertThat(json(c.next().data()).getJsonObject("record").getString("title")).isEqualTo("c1");
            assertThat(json(c.next().data()).getJsonObject("record").getString("title")).isEqualTo("c2");
            assertThat(c.next(Duration.ofMillis(300))).isEmpty();
        }
    }

    @Test
    void onlyAGuestToAuthUpgradeOrTheSameAuthMayResubscribe() {
        try (SseClient c = new SseClient(server)) {
            subscribe(c, null, "a");
            subscribe(c, alice, "b");
            assertThat(server.app.realtime().client(c.clientId).orElseThrow().auth().orElseThrow().id()).isEqualTo(aliceId);
            subscribe(c, alice, "c");
            TestServer.Response other = server.send("POST", "/api/realtime", bob, subscribeBody(c.clientId, "d"));
            assertThat(other.status()).isEqualTo(403);
            assertThat(other.body()).isEqualTo(
                    "{\"data\":{},\"message\":\"The current and the previous request authorization don't match.\",\"status\":403}");
            TestServer.Response guest = server.send("POST", "/api/realtime", null, subscribeBody(c.clientId, "d"));
            assertThat(guest.status()).isEqualTo(403);
            assertThat(server.app.realtime().client(c.clientId).orElseThrow().subscriptions()).containsExactly("c");
        }
    }

    @Test
    void aClientThatGoesAwayIsUnregisteredWithItsSubscriptions() throws Exception {
        String hook = server.app.onRealtimeConnectRequest().bind(e -> {
            e.keepAlive(Duration.ofMillis(50));
            e.next();
        });
        try {
            SseClient c = new SseClient(server);
            subscribe(c, null, "rt_posts/*");
            RealtimeClient client = server.app.realtime().client(c.clientId).orElseThrow();
            c.close();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (server.app.realtime().client(c.clientId).isPresent() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(server.app.realtime().client(c.clientId)).isEmpty();
            assertThat(client.isDiscarded()).isTrue();
        } finally {
            server.app.onRealtimeConnectRequest().unbind(hook);
        }
    }

    @Test
    void theStreamEndsAfterTheIdleTimeoutAndKeepAlivesDoNotResetIt() throws Exception {
        String hook = server.app.onRealtimeConnectRequest().bind(e -> {
            e.idleTimeout(Duration.ofMillis(600));
            e.keepAlive(Duration.ofMillis(100));
            e.next();
        });
        try (SseClient c = new SseClient(server)) {
            assertThat(c.awaitEnd(Duration.ofSeconds(5))).isTrue();
            assertThat(c.comments).isGreaterThan(0);
            assertThat(server.app.realtime().client(c.clientId)).isEmpty();
        } finally {
            server.app.onRealtimeConnectRequest().unbind(hook);
        }
    }

    @Test
    void serverCodeSendsAndBroadcastsThroughTheJavaApiAndHooksSeeEveryMessage() {
        AtomicInteger connects = new AtomicInteger();
        AtomicInteger subscribes = new AtomicInteger();
        List<String> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        String h1 = server.app.onRealtimeConnectRequest().bind(e -> {
            connects.incrementAndGet();
            e.next();
        });
        String h2 = server.app.onRealtimeSubscribeRequest().bind(e -> {
            subscribes.incrementAndGet();
            e.subscriptions(java.util.stream.Stream.concat(e.subscriptions().stream(), java.util.stream.Stream.of("added")).toList());
            e.next();
        });
        String h3 = server.app.onRealtimeMessageSend().bind(e -> {
            sent.add(e.message().name());
            if (e.message().name().equals("skipped")) {
                return;
            }
            e.next();
        });
        try (SseClient c = new SseClient(server)) {
            subscribe(c, null, "news", "news?options=%7B%7D", "skipped");
            assertThat(connects).hasValue(1);
            assertThat(subscribes).hasValue(1);
            assertThat(server.app.realtime().client(c.clientId).orElseThrow().subscriptions()).contains("added");
            assertThat(server.app.realtime().broadcast("news", "{\"n\":1}")).isEqualTo(2);
            assertThat(List.of(c.next(), c.next())).extracting(SseClient.Event::name)
                    .containsExactlyInAnyOrder("news", "news?options=%7B%7D");
            server.app.realtime().broadcast("skipped", "{}");
            server.app.realtime().client(c.clientId).orElseThrow().send(new RealtimeMessage("direct", "{\"x\":true}"));
            SseClient.Event direct = c.next();
            assertThat(direct.name()).isEqualTo("direct");
            assertThat(direct.data()).isEqualTo("{\"x\":true}");
            assertThat(sent).contains("PB_CONNECT", "news", "skipped", "direct");
            assertThat(server.app.realtime().clients()).extracting(RealtimeClient::id).contains(c.clientId);
        } finally {
            server.app.onRealtimeConnectRequest().unbind(h1);
            server.app.onRealtimeSubscribeRequest().unbind(h2);
            server.app.onRealtimeMessageSend().unbind(h3);
        }
    }

    @Test
    void theOAuth2RedirectForwardsCodeAndStateToTheSubscribedClientOnce() {
        try (SseClient c = new SseClient(server)) {
            subscribe(c, null, "@oauth2", "other");
            TestServer.Response r = server.send("GET", "/api/oauth2-redirect?state=" + c.clientId + "&code=123", null, null);
            assertThat(r.status()).isEqualTo(307);
            assertThat(r.headers().firstValue("Location")).hasValue("../_/#/auth/oauth2-redirect-success");
            SseClient.Event e = c.next();
            assertThat(e.name()).isEqualTo("@oauth2");
            assertThat(e.data()).isEqualTo("{\"state\":\"" + c.clientId + "\",\"code\":\"123\"}");
            assertThat(server.app.realtime().client(c.clientId).orElseThrow().subscriptions()).containsExactly("other");
            // the subscription is gone: a second redirect fails and sends nothing
            TestServer.Response again = server.send("GET", "/api/oauth2-redirect?state=" + c.clientId + "&code=123", null, null);
            assertThat(again.headers().firstValue("Location")).hasValue("../_/#/auth/oauth2-redirect-failure");
            assertThat(c.next(Duration.ofMillis(200))).isEmpty();
        }
    }

    @Test
    void anOAuth2ErrorOrAMissingCodeReachesTheClientAndFails() {
        try (SseClient c = new SseClient(server)) {
            subscribe(c, null, "@oauth2");
            TestServer.Response r = server.sendWith("POST", "/api/oauth2-redirect",
                    java.util.Map.of("Content-Type", "application/x-www-form-urlencoded"), "state=" + c.clientId + "&code=123&error=denied");
            assertThat(r.status()).isEqualTo(303);
            assertThat(r.headers().firstValue("Location")).hasValue("../_/#/auth/oauth2-redirect-failure");
            assertThat(c.next().data()).isEqualTo("{\"state\":\"" + c.clientId + "\",\"code\":\"123\",\"error\":\"denied\"}");
            subscribe(c, null, "@oauth2");
            TestServer.Response noCode = server.send("GET", "/api/oauth2-redirect?state=" + c.clientId, null, null);
            assertThat(noCode.headers().firstValue("Location")).hasValue("../_/#/auth/oauth2-redirect-failure");
            assertThat(c.next().data()).isEqualTo("{\"state\":\"" + c.clientId + "\",\"code\":\"\"}");
        }
        try (SseClient c = new SseClient(server)) {
            subscribe(c, null, "other");
            TestServer.Response r = server.send("GET", "/api/oauth2-redirect?state=" + c.clientId + "&code=1", null, null);
            assertThat(r.headers().firstValue("Location")).hasValue("../_/#/auth/oauth2-redirect-failure");
            assertThat(c.next(Duration.ofMillis(200))).isEmpty();
        }
    }

    @Test
    void theAllInOneOAuth2FlowSignsInThroughTheRealtimeMessage() {
        try (FakeOAuth2Provider provider = FakeOAuth2Provider.start(); SseClient c = new SseClient(server)) {
            server.expect("PATCH", "/api/collections/users", superuser,
                    "{\"oauth2\":{\"enabled\":true,\"providers\":[" + provider.gitlabEntry() + "]}}", 200);
            subscribe(c, null, "@oauth2");
            server.send("GET", "/api/oauth2-redirect?state=" + c.clientId + "&code=rtuser", null, null);
            JsonObject message = json(c.next().data());
            assertThat(message.getString("state")).isEqualTo(c.clientId);
            TestServer.Response signIn = server.send("POST", "/api/collections/users/auth-with-oauth2", null,
                    "{\"provider\":\"gitlab\",\"code\":\"" + message.getString("code") + "\",\"codeVerifier\":\"v\","
                            + "\"redirectURL\":\"" + server.base + "/api/oauth2-redirect\"}");
            assertThat(signIn.status()).as(signIn.body()).isEqualTo(200);
            assertThat(json(signIn.body()).getJsonObject("record").getString("email")).isEqualTo("rtuser@example.com");
        }
    }
}
