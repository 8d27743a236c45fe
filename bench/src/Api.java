import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The harness's own HTTP calls to the server under test: set-up, seeding and the HttpClient load generator. */
final class Api {
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    final String base;
    final int connections;
    private String superuser = "";

    Api(String base, int connections) {
        this.base = base;
        this.connections = connections;
    }

    /** Signs in as the harness's superuser; later set-up calls carry that token. */
    void superuserLogin(String email, String password) throws Exception {
        superuser = login("_superusers", email, password);
    }

    /** A password sign-in; returns the token. */
    String login(String collection, String identity, String password) throws Exception {
        String body = send("POST", "/api/collections/" + collection + "/auth-with-password",
                "{\"identity\":\"" + identity + "\",\"password\":\"" + password + "\"}", "");
        Matcher m = TOKEN.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no token in " + body);
        }
        return m.group(1);
    }

    /** A superuser call (collection set-up). */
    String admin(String method, String path, String json) throws Exception {
        return send(method, path, json, superuser);
    }

    /** Creates {@code n} records from {@code connections} threads as the superuser; returns their ids in order of creation. */
    List<String> seed(String collection, int n, IntFunction<String> body) throws InterruptedException {
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int w = 0; w < connections; w++) {
            threads.add(Thread.ofVirtual().start(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n && failures.isEmpty()) {
                    try {
                        Matcher m = ID.matcher(admin("POST", "/api/collections/" + collection + "/records", body.apply(i)));
                        ids.add(m.find() ? m.group(1) : "");
                    } catch (Exception e) {
                        failures.add(e);
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("seeding " + collection + " failed", failures.getFirst());
        }
        if (ids.size() != n || ids.contains("")) {
            throw new IllegalStateException("seeded " + ids.size() + " of " + n + " " + collection);
        }
        return List.copyOf(ids);
    }

    /** Sends one request line of a scenario ({@code METHOD<TAB>PATH[<TAB>BODY]}); a non-2xx answer is an exception. */
    String sendLine(String line, String token) throws Exception {
        String[] parts = line.split("\t", 3);
        return send(parts[0], parts[1], parts.length > 2 ? parts[2] : null, token);
    }

    String send(String method, String path, String json, String token) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        if (json == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        if (!token.isEmpty()) {
            b.header("Authorization", token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path + ": HTTP " + r.statusCode() + " "
                    + r.body().substring(0, Math.min(300, r.body().length())));
        }
        return r.body();
    }
}
