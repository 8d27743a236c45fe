package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code queryTimeout} over HTTP: a list whose rule makes SQLite work for ever answers PocketBase's 400 once the
 * timeout interrupts it, and meanwhile health and a cheap list still answer.
 */
class QueryTimeoutApiTest {
    @Test
    void anEndlessRuleIsInterruptedAndNobodyElseWaitsForIt() throws Exception {
        try (TestServer server = TestServer.on(Files.createTempDirectory("pb4j-test"),
                cfg -> cfg.queryTimeout(Duration.ofSeconds(1)))) {
            String superuser = server.superuserToken();
            server.expect("POST", "/api/collections", superuser, """
                    {"name":"items","listRule":"","viewRule":"","fields":[{"type":"number","name":"n"}]}""", 200);
            for (int i = 0; i < 60; i++) {
                server.expect("POST", "/api/collections/items/records", superuser, "{\"n\":" + i + "}", 200);
            }
            // six aliases of 60 rows: 60^6 combinations to walk through
            StringBuilder rule = new StringBuilder("n >= 0");
            for (String alias : List.of("a", "b", "c", "d", "e", "f")) {
                rule.append(" && @collection.items:").append(alias).append(".n != -1");
            }
            server.expect("POST", "/api/collections", superuser, """
                    {"name":"slow","listRule":"%s","viewRule":"%s","fields":[{"type":"number","name":"n"}]}"""
                    .formatted(rule, rule), 200);
            server.expect("POST", "/api/collections/slow/records", superuser, "{\"id\":\"slow00000000001\",\"n\":1}", 200);

            try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<TestServer.Response>> slow = new ArrayList<>();
                long start = System.nanoTime();
                for (int i = 0; i < 4; i++) {
                    slow.add(clients.submit(() -> server.send("GET", "/api/collections/slow/records", null, null)));
                }
                Thread.sleep(200);
                assertThat(server.send("GET", "/api/health", null, null).status()).isEqualTo(200);
                assertThat(server.send("GET", "/api/collections/items/records?perPage=1", null, null).status()).isEqualTo(200);
                for (Future<TestServer.Response> f : slow) {
                    TestServer.Response r = f.get(30, TimeUnit.SECONDS);
                    assertThat(r.status()).isEqualTo(400);
                    assertThat(r.body()).isEqualTo("{\"data\":{},\"message\":\"Something went wrong while processing your "
                            + "request.\",\"status\":400}");
                }
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
            }
            assertThat(server.send("GET", "/api/collections/slow/records", superuser, null).status()).isEqualTo(200);
        }
    }
}
