package io.pb4j.http;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One scenario of PocketBase's own API tests ({@code apis/*_test.go}, {@code tests.ApiScenario}) at v0.39.11, as data:
 * {@link #toApiScenario} makes it the test kit's {@link io.pb4j.test.ApiScenario}, which runs it over real HTTP against a
 * copy of PocketBase's test data and checks what {@code tests.ApiScenario} checks: the status, that the JSON-compacted
 * body contains every expected fragment and none of the not-expected ones (and is empty when neither list is given),
 * and the hook calls where {@link #events} gives them. The {@code unchecked} notes are not checked.
 *
 * @param file      PocketBase's test file, e.g. {@code record_crud_test.go}
 * @param func      the Go test function, e.g. {@code TestRecordCrudList}
 * @param line      the line of the scenario in that file at v0.39.11
 * @param token     the Authorization header, or null
 * @param body      the raw request body, or null for none
 * @param setup     an HTTP-level stand-in for the scenario's BeforeTestFunc, or null
 * @param unchecked parts of the Go scenario this port does not check (AfterTestFunc, hook assertions)
 * @param after     a check of the stored state that stands in for the scenario's AfterTestFunc, or null
 * @param events    PocketBase's {@code ExpectedEvents} (hook name to calls; {@code "*", 0}: no others), empty when the
 *                  Go scenario states none
 */
record PbScenario(String file, String func, int line, String name, String method, String url, String token, String body,
                  int status, Map<String, String> headers, List<String> expected, List<String> notExpected,
                  Step setup, List<String> unchecked, Check after, Map<String, Integer> events) {

    /** A stand-in for a scenario's BeforeTestFunc: its name in the report, and what it does to the fresh server. */
    record Step(String name, java.util.function.Consumer<TestServer> action) {
        void apply(TestServer server) {
            action.accept(server);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A stand-in for a scenario's AfterTestFunc: its name in the report, and what it finds wrong on the server. */
    record Check(String name, java.util.function.Function<TestServer, List<String>> action) {
        List<String> problems(TestServer server) {
            return action.apply(server);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The scenario's id: test function and name, as {@code go test -run} spells it (spaces kept). */
    String key() {
        return func + "/" + name;
    }

    /** A scenario writes (or needs setup) unless it is a plain GET; writers run on their own fresh copy of the fixture. */
    boolean writes() {
        return !method.equals("GET") || setup != null || after != null || !events.isEmpty();
    }

    PbScenario header(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new PbScenario(file, func, line, this.name, method, url, token, body, status, Map.copyOf(h), expected,
                notExpected, setup, unchecked, after, events);
    }

    PbScenario setup(Setup s) {
        return setup(new Step("Setup." + s.name(), s::apply));
    }

    PbScenario setup(Step s) {
        return new PbScenario(file, func, line, name, method, url, token, body, status, headers, expected, notExpected, s,
                unchecked, after, events);
    }

    PbScenario expect(String... fragments) {
        return new PbScenario(file, func, line, name, method, url, token, body, status, headers, List.of(fragments),
                notExpected, setup, unchecked, after, events);
    }

    PbScenario notExpect(String... fragments) {
        return new PbScenario(file, func, line, name, method, url, token, body, status, headers, expected,
                List.of(fragments), setup, unchecked, after, events);
    }

    PbScenario unchecked(String... notes) {
        return new PbScenario(file, func, line, name, method, url, token, body, status, headers, expected, notExpected,
                setup, List.of(notes), after, events);
    }

    PbScenario after(After check) {
        return after(new Check("After." + check.name(), check::problems));
    }

    PbScenario after(Check check) {
        return new PbScenario(file, func, line, name, method, url, token, body, status, headers, expected, notExpected,
                setup, unchecked, check, events);
    }

    /**
     * PocketBase's {@code ExpectedEvents}, given as name, count pairs ({@code "*", 0} forbids all others): the kit's
     * {@link io.pb4j.test.ApiScenario#events} checks them, counted from after the scenario's own setup.
     */
    PbScenario events(Object... nameCountPairs) {
        Map<String, Integer> expectedEvents = new LinkedHashMap<>();
        for (int i = 0; i < nameCountPairs.length; i += 2) {
            expectedEvents.put((String) nameCountPairs[i], (Integer) nameCountPairs[i + 1]);
        }
        return new PbScenario(file, func, line, name, method, url, token, body, status, headers, expected, notExpected,
                setup, unchecked, after, Map.copyOf(expectedEvents));
    }

    /**
     * This scenario as the test kit's {@link io.pb4j.test.ApiScenario} against {@code server} (whose {@link TestServer#kit()}
     * runs it): the setup as its before step, the stored-state check as its after step.
     */
    io.pb4j.test.ApiScenario toApiScenario(TestServer server) {
        io.pb4j.test.ApiScenario a = io.pb4j.test.ApiScenario.scenario(key()).request(method, url)
                .body(body == null ? "" : body).status(status)
                .header("Content-Type", "application/json") // tests.ApiScenario always sets it
                .expect(expected.toArray(String[]::new)).notExpect(notExpected.toArray(String[]::new));
        headers.forEach(a::header);
        if (token != null) {
            a.as(token);
        }
        if (!events.isEmpty()) {
            Object[] pairs = new Object[events.size() * 2];
            int i = 0;
            for (Map.Entry<String, Integer> e : events.entrySet()) {
                pairs[i++] = e.getKey();
                pairs[i++] = e.getValue();
            }
            a.events(pairs);
        }
        if (setup != null) {
            a.before(t -> setup.apply(server));
        }
        if (after != null) {
            a.after((t, r) -> {
                List<String> problems = after.problems(server);
                if (!problems.isEmpty()) {
                    throw new AssertionError("after " + after + ":\n  " + String.join("\n  ", problems));
                }
            });
        }
        return a;
    }

    /** Go's json.Compact: drops insignificant whitespace; a body that is not JSON is left as it is. */
    static String compactJson(String body) {
        if (body.isBlank()) {
            return body;
        }
        try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new StringReader(body))) {
            reader.readValue();
        } catch (RuntimeException notJson) {
            return body;
        }
        StringBuilder b = new StringBuilder(body.length());
        boolean inString = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (inString) {
                b.append(c);
                if (c == '\\') {
                    b.append(body.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                b.append(c);
            } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                b.append(c);
            }
        }
        return b.toString();
    }

    static Stream<PbScenario> stream(List<PbScenario> list) {
        return list.stream();
    }

    @Override
    public String toString() {
        return key();
    }

    /** A scenario not ported, with the reason. */
    record Skipped(String file, String func, int line, String name, String reason) {
    }
}
