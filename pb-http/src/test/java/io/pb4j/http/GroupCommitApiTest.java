package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.ApiException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Creates that reach the writer together commit together, yet each request keeps its own outcome: a unique
 * violation, a hook that throws and a failing batch in the middle of a group answer their own errors and leave
 * nothing behind, the others are stored; after-success hooks and realtime events come only after the commit.
 */
class GroupCommitApiTest {
    private static final String RECORDS = "/api/collections/items/records";
    private static final Pattern CODE = Pattern.compile("\"code\":\"([a-z0-9]+)\"");

    TestServer server;
    String token;
    final ExecutorService clients = Executors.newFixedThreadPool(16);

    @BeforeEach
    void start() {
        server = new TestServer();
        token = server.superuserToken();
        server.expect("POST", "/api/collections", token, """
                {"name":"items","type":"base","createRule":"","listRule":"","viewRule":"",
                 "fields":[{"name":"code","type":"text"}],
                 "indexes":["CREATE UNIQUE INDEX idx_items_code ON items (code)"]}""", 200);
        BatchApiTest.batchSettings(server, true, 50, 10);
        server.expect("POST", RECORDS, null, "{\"code\":\"taken\"}", 200);
    }

    @AfterEach
    void stop() throws IOException {
        clients.shutdownNow();
        server.close();
    }

    @Test
    void eachRequestOfAGroupGetsItsOwnOutcomeAndOnlyCommittedRecordsAreSeen() throws Exception {
        var app = server.app;
        // the first create holds the writer (inside its transaction) until every other request has been sent and
        // has had time to queue behind it, so that they run as one group after it
        CountDownLatch gateInside = new CountDownLatch(1);
        CountDownLatch sent = new CountDownLatch(1);
        app.onRecordCreateExecute("items").bindFunc(e -> {
            e.next();
            if ("gate".equals(e.record().getString("code"))) {
                gateInside.countDown();
                try {
                    sent.await(20, TimeUnit.SECONDS);
                    Thread.sleep(300);
                } catch (InterruptedException ex) {
                    throw new IllegalStateException(ex);
                }
            }
        });
        app.onRecordCreate("items").bindFunc(e -> {
            if ("boom".equals(e.record().getString("code"))) {
                throw ApiException.badRequest("boom refused");
            }
            e.next();
        });
        // after success, the record is visible to a reader connection: its transaction has committed
        Set<String> successes = ConcurrentHashMap.newKeySet();
        Set<String> notYetVisible = ConcurrentHashMap.newKeySet();
        app.onRecordAfterCreateSuccess("items").bindFunc(e -> {
            String code = e.record().getString("code");
            successes.add(code);
            if (app.findRecordById("items", e.record().id()).isEmpty()) {
                notYetVisible.add(code);
            }
            e.next();
        });

        try (SseClient sse = new SseClient(server)) {
            server.expect("POST", "/api/realtime", null,
                    "{\"clientId\":\"" + sse.clientId + "\",\"subscriptions\":[\"items/*\"]}", 204);

            Future<TestServer.Response> gate = clients.submit(() -> create("gate"));
            assertThat(gateInside.await(20, TimeUnit.SECONDS)).isTrue();
            Map<String, Future<TestServer.Response>> others = new LinkedHashMap<>();
            for (String code : List.of("ok1", "ok2", "ok3")) {
                others.put(code, clients.submit(() -> create(code)));
            }
            others.put("dup", clients.submit(() -> create("taken")));
            others.put("boom", clients.submit(() -> create("boom")));
            others.put("batch ok", clients.submit(() -> batch("b1", "b2")));
            others.put("batch failing", clients.submit(() -> batch("b3", "taken")));
            for (String code : List.of("ok4", "ok5")) {
                others.put(code, clients.submit(() -> create(code)));
            }
            sent.countDown();

            assertThat(gate.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
            Map<String, TestServer.Response> answers = new LinkedHashMap<>();
            for (var o : others.entrySet()) {
                answers.put(o.getKey(), o.getValue().get(30, TimeUnit.SECONDS));
            }
            for (String ok : List.of("ok1", "ok2", "ok3", "ok4", "ok5", "batch ok")) {
                assertThat(answers.get(ok).status()).as(ok + ": " + answers.get(ok).body()).isEqualTo(200);
            }
            assertThat(answers.get("dup").status()).isEqualTo(400);
            assertThat(answers.get("dup").body()).contains("\"message\":\"Failed to create record.\"")
                    .contains("\"code\":{\"code\":\"validation_not_unique\"");
            assertThat(answers.get("boom").status()).isEqualTo(400);
            assertThat(answers.get("boom").body()).contains("\"message\":\"Boom refused.\"");
            assertThat(answers.get("batch failing").status()).isEqualTo(400);
            assertThat(answers.get("batch failing").body()).contains("batch_request_failed");

            Set<String> committed = Set.of("taken", "gate", "ok1", "ok2", "ok3", "ok4", "ok5", "b1", "b2");
            assertThat(storedCodes()).isEqualTo(new TreeSet<>(committed));
            Set<String> createdNow = new TreeSet<>(committed);
            createdNow.remove("taken");
            assertThat(successes).isEqualTo(createdNow);
            assertThat(notYetVisible).as("after-success hooks that ran before their commit").isEmpty();

            // one realtime create event per committed record, none for the refused ones
            Set<String> events = new TreeSet<>();
            while (events.size() < createdNow.size()) {
                SseClient.Event event = sse.next(Duration.ofSeconds(10)).orElseThrow(
                        () -> new AssertionError("missing realtime events; got " + events));
                if (event.name().equals("items/*")) {
                    Matcher m = CODE.matcher(event.data());
                    assertThat(m.find()).isTrue();
                    events.add(m.group(1));
                }
            }
            assertThat(events).isEqualTo(createdNow);
            assertThat(sse.next(Duration.ofMillis(300))).as("no event for a refused create").isEmpty();
        }
    }

    @Test
    void manyConcurrentCreatesAreAllStoredAndAnsweredOnce() throws Exception {
        List<Future<TestServer.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String code = "c" + i;
            answers.add(clients.submit(() -> create(code)));
        }
        Set<String> ids = new TreeSet<>();
        for (Future<TestServer.Response> a : answers) {
            TestServer.Response r = a.get(60, TimeUnit.SECONDS);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            Matcher id = Pattern.compile("\"id\":\"([a-z0-9]{15})\"").matcher(r.body());
            assertThat(id.find()).isTrue();
            ids.add(id.group(1));
        }
        assertThat(ids).hasSize(200);
        assertThat(storedCodes()).hasSize(201);
    }

    private TestServer.Response create(String code) {
        return server.send("POST", RECORDS, null, "{\"code\":\"" + code + "\"}");
    }

    private TestServer.Response batch(String... codes) {
        StringBuilder body = new StringBuilder("{\"requests\":[");
        for (int i = 0; i < codes.length; i++) {
            body.append(i == 0 ? "" : ",").append("{\"method\":\"POST\",\"url\":\"").append(RECORDS)
                    .append("\",\"body\":{\"code\":\"").append(codes[i]).append("\"}}");
        }
        return server.send("POST", "/api/batch", null, body.append("]}").toString());
    }

    private Set<String> storedCodes() {
        String body = server.expect("GET", RECORDS + "?perPage=500&fields=code", token, null, 200);
        Set<String> codes = new TreeSet<>();
        Matcher m = CODE.matcher(body);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }
}
