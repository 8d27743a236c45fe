package io.pb4j.test;

import jakarta.json.JsonException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * PocketBase's {@code tests.ApiScenario}, read as named steps: one request against a fresh {@link TestApp}, with what
 * its answer must show. {@link #test()} runs it and throws an {@link AssertionError} listing every expectation the
 * answer missed; any test framework reports that as a failure.
 *
 * <pre>{@code
 * ApiScenario.scenario("missing collection")
 *         .app(() -> TestApp.fromDir(Path.of("src/test/resources/pb_data")))
 *         .get("/api/collections/missing/records")
 *         .status(404)
 *         .expect("\"message\":\"Missing collection context.\"")
 *         .events("*", 0)
 *         .test();
 * }</pre>
 *
 * <p>The checks are PocketBase's: the status; the body, compacted when it is JSON, contains every {@link #expect}
 * fragment and none of the {@link #notExpect} ones, and is empty when neither is given; with {@link #events}, each
 * named hook fired exactly that often, counted from after {@link #before} (as PocketBase resets the counts after its
 * BeforeTestFunc), and with {@code "*", 0} no other hook fired at all; then {@link #after} runs. A scenario is a
 * mutable builder: not thread-safe, each {@link #test()} on an app of its own.
 */
public final class ApiScenario {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private final String name;
    private Supplier<TestApp> app = TestApp::create;
    private String method = "GET";
    private String url = "/";
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String body = "";
    private int status = 200;
    private final List<String> expected = new ArrayList<>();
    private final List<String> notExpected = new ArrayList<>();
    private Map<String, Integer> events;
    private Consumer<TestApp> before = t -> {
    };
    private BiConsumer<TestApp, ApiResponse> after = (t, r) -> {
    };

    private ApiScenario(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** A scenario named as it is reported. */
    public static ApiScenario scenario(String name) {
        return new ApiScenario(name);
    }

    /** Where each run's app comes from (default: {@link TestApp#create()}); the run closes it. */
    public ApiScenario app(Supplier<TestApp> factory) {
        this.app = Objects.requireNonNull(factory, "factory");
        return this;
    }

    /** A GET of {@code url} (path and query). */
    public ApiScenario get(String url) {
        return request("GET", url);
    }

    /** A DELETE of {@code url}. */
    public ApiScenario delete(String url) {
        return request("DELETE", url);
    }

    /** A POST of {@code body} to {@code url}. */
    public ApiScenario post(String url, String body) {
        return request("POST", url).body(body);
    }

    /** A PATCH of {@code body} to {@code url}. */
    public ApiScenario patch(String url, String body) {
        return request("PATCH", url).body(body);
    }

    /** Any method and URL (path and query, e.g. {@code /api/collections/posts/records?page=2}). */
    public ApiScenario request(String method, String url) {
        this.method = Objects.requireNonNull(method, "method");
        this.url = Objects.requireNonNull(url, "url");
        return this;
    }

    /** The raw body ({@code ""}: none); a JSON body is sent as {@code application/json} unless a header says otherwise. */
    public ApiScenario body(String body) {
        this.body = Objects.requireNonNull(body, "body");
        return this;
    }

    /** A request header (e.g. {@code Content-Type}); {@link #as} sets {@code Authorization}. */
    public ApiScenario header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Sends {@code token} as the {@code Authorization} header. */
    public ApiScenario as(String token) {
        return header("Authorization", token);
    }

    /** The expected status (default 200). */
    public ApiScenario status(int status) {
        this.status = status;
        return this;
    }

    /** Fragments the (compacted) body must contain. */
    public ApiScenario expect(String... fragments) {
        expected.addAll(List.of(fragments));
        return this;
    }

    /** Fragments the (compacted) body must not contain. */
    public ApiScenario notExpect(String... fragments) {
        notExpected.addAll(List.of(fragments));
        return this;
    }

    /** Expected hook calls as name, count pairs ({@code "OnRecordCreateRequest", 1}; {@code "*", 0}: no others). */
    public ApiScenario events(Object... nameCountPairs) {
        if (nameCountPairs.length % 2 != 0) {
            throw new IllegalArgumentException("events come as name, count pairs");
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < nameCountPairs.length; i += 2) {
            out.put((String) nameCountPairs[i], (Integer) nameCountPairs[i + 1]);
        }
        this.events = out;
        return this;
    }

    /** PocketBase's BeforeTestFunc: runs on the fresh app before the request (bind hooks, add data). */
    public ApiScenario before(Consumer<TestApp> step) {
        this.before = Objects.requireNonNull(step, "step");
        return this;
    }

    /** PocketBase's AfterTestFunc: runs after the checks with the app and the answer (throw to fail). */
    public ApiScenario after(BiConsumer<TestApp, ApiResponse> check) {
        this.after = Objects.requireNonNull(check, "check");
        return this;
    }

    /** Runs the scenario on a fresh app, which it closes; throws an {@link AssertionError} naming what went wrong. */
    public ApiResponse test() {
        try (TestApp t = app.get()) {
            return test(t);
        }
    }

    /** Runs the scenario on {@code t} (left open); throws an {@link AssertionError} naming what went wrong. */
    public ApiResponse test(TestApp t) {
        before.accept(t);
        t.resetEventCalls();
        ApiResponse r = t.send(method, url, headers, body);
        List<String> problems = problems(r, t.eventCalls(), t.app().hooksByName().keySet());
        if (!problems.isEmpty()) {
            throw new AssertionError("scenario \"" + name + "\" (" + method + " " + url + "):\n  "
                    + String.join("\n  ", problems) + "\nbody: " + r.body());
        }
        after.accept(t, r);
        return r;
    }

    private List<String> problems(ApiResponse r, Map<String, Integer> calls, java.util.Set<String> catalogue) {
        List<String> out = new ArrayList<>();
        if (r.status() != status) {
            out.add("status " + r.status() + ", expected " + status);
        }
        String compact = compact(r.body());
        if (expected.isEmpty() && notExpected.isEmpty()) {
            if (!r.body().isEmpty()) {
                out.add("expected an empty body");
            }
        }
        for (String fragment : expected) {
            if (!compact.contains(fragment)) {
                out.add("missing " + fragment);
            }
        }
        for (String fragment : notExpected) {
            if (compact.contains(fragment)) {
                out.add("unexpected " + fragment);
            }
        }
        if (events != null) {
            Map<String, Integer> remaining = new LinkedHashMap<>(calls);
            events.forEach((hook, times) -> {
                if (!hook.equals("*") && !catalogue.contains(hook)) {
                    out.add("no hook named " + hook + " in the app's catalogue");
                } else if (!hook.equals("*")) {
                    int actual = remaining.getOrDefault(hook, 0);
                    if (actual != times) {
                        out.add(hook + " fired " + actual + " times, expected " + times);
                    }
                    remaining.remove(hook);
                }
            });
            if (Integer.valueOf(0).equals(events.get("*")) && !remaining.isEmpty()) {
                out.add("hooks fired that were not expected: " + remaining);
            }
        }
        return out;
    }

    /** The body as Go's {@code json.Compact} writes it (whitespace outside strings dropped), or as it is when it is not JSON. */
    private static String compact(String body) {
        try (var reader = JSON.createReader(new StringReader(body))) {
            reader.readValue();
        } catch (JsonException | IllegalStateException notJson) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        boolean inString = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\') {
                    out.append(body.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
                out.append(c);
            } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return name;
    }
}
