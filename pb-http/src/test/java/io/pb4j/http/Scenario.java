package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/**
 * One API scenario in PocketBase's style: a request, the expected status, fragments the body must contain and
 * fragments it must not.
 */
record Scenario(String name, String method, String path, String token, String body, int status, List<String> expected,
                List<String> notExpected) {

    static Scenario of(String name, String method, String path, String token, String body, int status, String... expected) {
        return new Scenario(name, method, path, token, body, status, List.of(expected), List.of());
    }

    Scenario without(String... fragments) {
        return new Scenario(name, method, path, token, body, status, expected, List.of(fragments));
    }

    void run(TestServer server) {
        TestServer.Response r = server.send(method, path, token, body);
        assertThat(r.status()).as(name + " status; body: " + r.body()).isEqualTo(status);
        for (String fragment : expected) {
            assertThat(r.body()).as(name + " body").contains(fragment);
        }
        for (String fragment : notExpected) {
            assertThat(r.body()).as(name + " body").doesNotContain(fragment);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
