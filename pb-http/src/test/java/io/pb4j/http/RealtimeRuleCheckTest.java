package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Rule checks of record events are asked in bulk: the SQL the store runs (its {@code io.pb4j.sql} log) shows one
 * statement for many subscribers with distinct auth, and none for a rule every subscriber passes without SQL.
 */
class RealtimeRuleCheckTest {
    private static final int USERS = 24;

    @Test
    void oneStatementChecksTheListRuleForEverySubscriberOfAnEvent() throws Exception {
        try (TestServer server = new TestServer()) {
            String superuser = server.superuserToken();
            server.expect("POST", "/api/collections", superuser, """
                    {"name":"bulk","listRule":"owner = @request.auth.id","viewRule":"",
                     "fields":[{"name":"title","type":"text"},
                               {"name":"owner","type":"relation","collectionId":"_pb_users_auth_","maxSelect":1}]}""", 200);
            server.expect("POST", "/api/collections", superuser, """
                    {"name":"open","listRule":"","viewRule":"","fields":[{"name":"title","type":"text"}]}""", 200);
            List<String> ids = new ArrayList<>();
            List<SseClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < USERS; i++) {
                    String id = RealtimeApiTest.json(server.expect("POST", "/api/collections/users/records", superuser,
                            "{\"email\":\"b" + i + "@example.com\",\"password\":\"1234567890\",\"passwordConfirm\":\"1234567890\"}", 200))
                            .getString("id");
                    ids.add(id);
                    String token = RealtimeApiTest.json(server.expect("POST", "/api/collections/users/impersonate/" + id, superuser,
                            "{\"duration\":600}", 200)).getString("token");
                    // two clients per user: 2 × USERS subscribers, USERS distinct questions
                    for (int k = 0; k < 2; k++) {
                        SseClient c = new SseClient(server);
                        clients.add(c);
                        TestServer.Response r = server.send("POST", "/api/realtime", token,
                                "{\"clientId\":\"" + c.clientId + "\",\"subscriptions\":[\"bulk/*\",\"open/*\"]}");
                        assertThat(r.status()).isEqualTo(204);
                    }
                }
                List<String> statements = new CopyOnWriteArrayList<>();
                try (RuleStatements captured = new RuleStatements(statements)) {
                    server.expect("POST", "/api/collections/bulk/records", superuser,
                            "{\"title\":\"for 3\",\"owner\":\"" + ids.get(3) + "\"}", 200);
                    for (int i = 0; i < clients.size(); i++) {
                        if (i / 2 == 3) {
                            assertThat(RealtimeApiTest.json(clients.get(i).next().data()).getJsonObject("record").getString("owner"))
                                    .isEqualTo(ids.get(3));
                        }
                    }
                    assertThat(statements).as("rule checks for %d subscribers", clients.size()).hasSize(1);
                    // the rule compiled once, the subscribers' ids a table of the one statement
                    assertThat(statements.get(0)).contains("__pb_auth__").doesNotContain("UNION ALL");
                    server.expect("POST", "/api/collections/open/records", superuser, "{\"title\":\"everyone\"}", 200);
                    for (SseClient c : clients) {
                        assertThat(c.next().name()).isEqualTo("open/*");
                    }
                    assertThat(statements).as("an empty listRule needs no SQL").hasSize(1);
                    for (SseClient c : clients) {
                        assertThat(c.next(Duration.ofMillis(1))).isEmpty();
                    }
                }
            } finally {
                clients.forEach(SseClient::close);
            }
        }
    }

    @Test
    void theRuleCompiledOnceAnswersEachSubscriberByItsOwnIdAndOtherAuthFieldsAreAskedOneByOne() throws Exception {
        try (TestServer server = new TestServer()) {
            String superuser = server.superuserToken();
            // two places of the auth id: one compilation, each subscriber's id bound where both are read
            server.expect("POST", "/api/collections", superuser, """
                    {"name":"pair","listRule":"owner = @request.auth.id || reviewer = @request.auth.id","viewRule":"",
                     "fields":[{"name":"title","type":"text"},
                               {"name":"owner","type":"relation","collectionId":"_pb_users_auth_","maxSelect":1},
                               {"name":"reviewer","type":"relation","collectionId":"_pb_users_auth_","maxSelect":1}]}""", 200);
            // reads another auth field, which the compiled-once path cannot tell apart: asked per subscriber
            server.expect("POST", "/api/collections", superuser, """
                    {"name":"named","listRule":"owner = @request.auth.id && @request.auth.name != 'blocked'","viewRule":"",
                     "fields":[{"name":"title","type":"text"},
                               {"name":"owner","type":"relation","collectionId":"_pb_users_auth_","maxSelect":1}]}""", 200);
            int users = 6;
            List<String> ids = new ArrayList<>();
            List<SseClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < users; i++) {
                    String id = RealtimeApiTest.json(server.expect("POST", "/api/collections/users/records", superuser,
                            "{\"email\":\"p" + i + "@example.com\",\"password\":\"1234567890\",\"passwordConfirm\":\"1234567890\","
                                    + "\"name\":\"" + (i == 2 ? "blocked" : "n" + i) + "\"}", 200)).getString("id");
                    ids.add(id);
                    String token = RealtimeApiTest.json(server.expect("POST", "/api/collections/users/impersonate/" + id, superuser,
                            "{\"duration\":600}", 200)).getString("token");
                    SseClient c = new SseClient(server);
                    clients.add(c);
                    assertThat(server.send("POST", "/api/realtime", token,
                            "{\"clientId\":\"" + c.clientId + "\",\"subscriptions\":[\"pair/*\",\"named/*\"]}").status()).isEqualTo(204);
                }
                List<String> statements = new CopyOnWriteArrayList<>();
                try (RuleStatements captured = new RuleStatements(statements)) {
                    server.expect("POST", "/api/collections/pair/records", superuser,
                            "{\"title\":\"p\",\"owner\":\"" + ids.get(1) + "\",\"reviewer\":\"" + ids.get(4) + "\"}", 200);
                    for (int i : List.of(1, 4)) {
                        SseClient.Event e = clients.get(i).next();
                        assertThat(e.name()).isEqualTo("pair/*");
                        assertThat(RealtimeApiTest.json(e.data()).getJsonObject("record").getString("owner")).isEqualTo(ids.get(1));
                    }
                    assertThat(statements).hasSize(1);
                    assertThat(statements.get(0)).contains("__pb_auth__");
                    // the owner whose name is "blocked" must not get it, though its id matches
                    for (int owner : List.of(2, 3)) {
                        server.expect("POST", "/api/collections/named/records", superuser,
                                "{\"title\":\"n\",\"owner\":\"" + ids.get(owner) + "\"}", 200);
                    }
                    SseClient.Event e = clients.get(3).next();
                    assertThat(RealtimeApiTest.json(e.data()).getJsonObject("record").getString("owner")).isEqualTo(ids.get(3));
                    assertThat(statements).hasSize(3);
                    assertThat(statements.get(1)).doesNotContain("__pb_auth__").contains("UNION ALL");
                    for (SseClient c : clients) {
                        assertThat(c.next(Duration.ofMillis(200))).as("no other deliveries").isEmpty();
                    }
                }
            } finally {
                clients.forEach(SseClient::close);
            }
        }
    }

    /** Collects the realtime rule statements ({@code __pb_rt__}) that pb4j's SQL log shows while open. */
    private static final class RuleStatements extends Handler implements AutoCloseable {
        private final Logger sql = Logger.getLogger("io.pb4j.sql");
        private final Level level = sql.getLevel();
        private final List<String> into;

        RuleStatements(List<String> into) {
            this.into = into;
            sql.setLevel(Level.FINE);
            sql.addHandler(this);
        }

        @Override
        public void publish(LogRecord record) {
            if (record.getMessage() != null && record.getMessage().contains("__pb_rt__")) {
                into.add(record.getMessage());
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            sql.removeHandler(this);
            sql.setLevel(level);
        }
    }
}
