package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generated hostile input at every kind of endpoint: JSON of every shape and depth, multipart and urlencoded forms,
 * huge and odd numbers, invalid UTF-8, and filters, sent as a guest, a user and a superuser over real HTTP. Every
 * answer must be below 500, every error must be PocketBase's envelope carrying the response's own status, and every
 * collection must still list afterwards.
 *
 * <p>Seeded and bounded: {@code -Dpb4j.fuzz.inputs=N} (default 500), {@code -Dpb4j.fuzz.seed=S} and
 * {@code -Dpb4j.fuzz.clients=C} (default 1, each client with its own generator seeded S + its number); {@code bench/fuzz}
 * runs 10⁶ inputs.
 */
class FuzzApiTest {
    private static final int INPUTS = Integer.getInteger("pb4j.fuzz.inputs", 500);
    private static final long SEED = Long.getLong("pb4j.fuzz.seed", 20261207L);
    private static final int CLIENTS = Integer.getInteger("pb4j.fuzz.clients", 1);
    private static final List<String> COLLECTIONS = List.of("notes", "users", "_superusers", "view1");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void generatedInputNeverBreaksTheServerNorACollection() throws Exception {
        try (TestServer server = new TestServer()) {
            String superuser = server.superuserToken();
            server.expect("POST", "/api/collections", superuser, """
                    {"name":"notes","listRule":"","viewRule":"","createRule":"","updateRule":"","deleteRule":"",
                     "fields":[{"type":"json","name":"meta"},{"type":"number","name":"n"},{"type":"text","name":"text"},
                               {"type":"bool","name":"b"},{"type":"date","name":"d"},{"type":"email","name":"e"},
                               {"type":"url","name":"u"},{"type":"select","name":"s","values":["a","b"],"maxSelect":2},
                               {"type":"geoPoint","name":"g"},{"type":"editor","name":"ed"}]}""", 200);
            server.expect("POST", "/api/collections", superuser, """
                    {"name":"view1","type":"view","listRule":"","viewRule":"","viewQuery":"SELECT id, n, meta FROM notes"}""", 200);
            server.expect("POST", "/api/collections/notes/records", superuser, "{\"id\":\"fuzz00000000001\",\"n\":1}", 200);
            server.expect("POST", "/api/collections/users/records", superuser,
                    "{\"email\":\"fuzz@example.com\",\"password\":\"1234567890\",\"passwordConfirm\":\"1234567890\"}", 200);
            String user = token(server.send("POST", "/api/collections/users/auth-with-password", null,
                    "{\"identity\":\"fuzz@example.com\",\"password\":\"1234567890\"}").body());
            jakarta.json.JsonObject settings = server.app.settings();
            server.app.saveSettings(Json.createObjectBuilder(settings).add("batch",
                    Json.createObjectBuilder(settings.getJsonObject("batch")).add("enabled", true)).build());

            List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                Generator generator = new Generator(new Random(SEED + c));
                clients.add(Thread.ofPlatform().start(() -> {
                    while (sent.getAndIncrement() < INPUTS && failures.size() < 20) {
                        String token = switch (generator.random.nextInt(3)) {
                            case 0 -> "";
                            case 1 -> user;
                            default -> superuser;
                        };
                        Input input = generator.input();
                        String problem;
                        try {
                            problem = check(send(server, input, token));
                        } catch (InterruptedException e) {
                            return;
                        } catch (UncheckedIOException e) {
                            problem = e.getMessage();
                        }
                        if (!problem.isEmpty()) {
                            failures.add(input.method() + " " + cut(input.path()) + " " + input.contentType() + " "
                                    + cut(new String(input.body(), StandardCharsets.UTF_8)) + " -> " + problem);
                        }
                    }
                }));
            }
            for (Thread t : clients) {
                t.join();
            }
            assertThat(failures).as("inputs (seed " + SEED + ") answered wrongly").isEmpty();
            // every collection there is now (the inputs may have created, renamed or deleted some), as superuser and guest
            for (io.pb4j.core.Collection c : server.app.collections()) {
                String path = "/api/collections/" + URLEncoder.encode(c.id(), StandardCharsets.UTF_8) + "/records?perPage=1000";
                assertThat(server.send("GET", path, superuser, null).status()).as("list " + c.name()).isEqualTo(200);
                assertThat(server.send("GET", path, null, null).status()).as("guest list " + c.name()).isIn(200, 403);
            }
        }
    }

    /** Empty when the answer is acceptable; else what is wrong with it. */
    private static String check(HttpResponse<String> r) {
        if (r.statusCode() >= 500) {
            return r.statusCode() + " " + cut(r.body());
        }
        if (r.statusCode() >= 400) {
            try {
                JsonObject envelope = Json.createReader(new StringReader(r.body())).readObject();
                if (envelope.getInt("status") != r.statusCode() || envelope.getString("message").isEmpty()
                        || !(envelope.get("data") instanceof JsonObject)) {
                    return "not PocketBase's envelope: " + cut(r.body());
                }
            } catch (RuntimeException notJson) {
                return r.statusCode() + " without an envelope: " + cut(r.body());
            }
        }
        return "";
    }

    private HttpResponse<String> send(TestServer server, Input input, String token) throws InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base + input.path()))
                .method(input.method(), input.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(input.body()));
        if (!input.contentType().isEmpty()) {
            b.header("Content-Type", input.contentType());
        }
        if (!token.isEmpty()) {
            b.header("Authorization", token);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("the server dropped " + input.method() + " " + cut(input.path()), e);
        }
    }

    record Input(String method, String path, String contentType, byte[] body) {
    }

    /** One client's seeded input generator. */
    private static final class Generator {
        private final Random random;

        Generator(Random random) {
            this.random = random;
        }

        private Input input() {
            String collection = pick(COLLECTIONS);
            String id = random.nextBoolean() ? "fuzz00000000001" : URLEncoder.encode(text(8), StandardCharsets.UTF_8)
                    + (random.nextInt(10) == 0 ? "%C3" : ""); // Java's client sends no malformed escape
            String base = "/api/collections/" + collection;
            int kind = random.nextInt(12);
            return switch (kind) {
                case 0 -> new Input("GET", base + "/records?" + listQuery(), "", new byte[0]);
                case 1 -> new Input("GET", base + "/records/" + id + "?" + listQuery(), "", new byte[0]);
                case 2, 3 -> withBody("POST", base + "/records");
                case 4 -> withBody("PATCH", base + "/records/" + id);
                case 5 -> withBody("POST", base + "/auth-with-password");
                case 6 -> withBody("POST", "/api/batch");
                case 7 -> withBody(pick(List.of("POST", "PATCH")), "/api/collections" + (random.nextBoolean() ? "" : "/notes"));
                case 8 -> withBody("POST", base + pick(List.of("/request-otp", "/auth-with-otp", "/request-password-reset",
                        "/confirm-password-reset", "/request-verification", "/confirm-verification", "/auth-refresh",
                        "/auth-with-oauth2", "/request-email-change", "/confirm-email-change", "/impersonate/" + id)));
                case 9 -> withBody("PUT", "/api/collections/import");
                case 10 -> new Input("GET", "/api/collections?" + listQuery(), "", new byte[0]);
                default -> withBody("DELETE", base + "/records/" + id);
            };
        }

        private Input withBody(String method, String path) {
            return switch (random.nextInt(4)) {
                case 0 -> new Input(method, path, "application/json", json(random.nextInt(6)).getBytes(StandardCharsets.UTF_8));
                case 1 -> multipart(method, path);
                case 2 -> new Input(method, path, "application/x-www-form-urlencoded", urlencoded());
                default -> new Input(method, path, pick(List.of("application/json", "text/plain", "", "application/xml")),
                        garbage());
            };
        }

        private String listQuery() {
            StringBuilder q = new StringBuilder();
            for (String p : List.of("filter", "sort", "page", "perPage", "expand", "fields", "skipTotal")) {
                if (random.nextInt(3) == 0) {
                    String v = switch (p) {
                        case "filter" -> filter(random.nextInt(4));
                        case "sort" -> pick(List.of("-n", "@random", "meta.a", "text,-id", "(", "n:lower", ""));
                        case "page", "perPage" -> pick(List.of("1", "-1", "0", "99999999999", "1e3", "x", "99999999999999999999"));
                        default -> text(random.nextInt(12));
                    };
                    q.append(p).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8))
                            .append(random.nextInt(10) == 0 ? pick(List.of("%C3", "%00", "%FF")) : "").append('&');
                }
            }
            return q.toString();
        }

        private String filter(int depth) {
            String field = pick(List.of("id", "n", "meta", "meta.a", "text", "b", "d", "s", "s:each", "s:length", "g",
                    "email", "password", "tokenKey", "@request.auth.id", "@collection.notes.n", "missing", "n.x.y"));
            String value = pick(List.of("1", "1e999", "-1e999", "'x'", "\"%\"", "null", "true", "@now", "'" + text(5) + "'",
                    "9".repeat(random.nextInt(400)), "@request.body.n", ""));
            String op = pick(List.of("=", "!=", ">", ">=", "<", "<=", "~", "!~", "?=", "?!=", "?~", "&&", "||", ""));
            String expr = field + op + value;
            if (depth > 0) {
                expr = (random.nextBoolean() ? "(" : "") + expr + pick(List.of(" && ", " || ", " ")) + filter(depth - 1)
                        + (random.nextBoolean() ? ")" : "");
            }
            return expr;
        }

        private String json(int depth) {
            return switch (random.nextInt(depth <= 0 ? 4 : 9)) {
                case 0 -> number();
                case 1 -> Json.createValue(text(random.nextInt(20))).toString();
                case 2 -> pick(List.of("true", "false", "null"));
                case 3 -> pick(List.of("{", "[", "]", "}", "\"", "\"\\ud800\"", "nul", "01", "-", "1.", "+1", "{}x", ""));
                case 4, 5 -> {
                    StringBuilder o = new StringBuilder("{");
                    int n = random.nextInt(6);
                    for (int i = 0; i < n; i++) {
                        o.append(i == 0 ? "" : ",").append(Json.createValue(key()).toString()).append(':').append(json(depth - 1));
                    }
                    yield o.append('}').toString();
                }
                case 6, 7 -> {
                    StringBuilder a = new StringBuilder("[");
                    int n = random.nextInt(5);
                    for (int i = 0; i < n; i++) {
                        a.append(i == 0 ? "" : ",").append(json(depth - 1));
                    }
                    yield a.append(']').toString();
                }
                default -> {
                    int levels = pick(List.of(10, 999, 1000, 1001, 5000));
                    String open = random.nextBoolean() ? "[" : "{\"a\":";
                    String close = open.equals("[") ? "]" : "}";
                    yield "{\"meta\":" + open.repeat(levels) + "1" + close.repeat(levels) + "}";
                }
            };
        }

        private String number() {
            return pick(List.of("0", "-0", "1e999", "-1e999", "1e-99999", "1" + "0".repeat(random.nextInt(2000)),
                    "9".repeat(100_000), "123456789012345678901234567890", "0.1", "-1.5e3", "1E+2",
                    String.valueOf(random.nextLong()), String.valueOf(random.nextDouble() * 1e300)));
        }

        private String key() {
            return pick(List.of("meta", "n", "text", "b", "d", "e", "u", "s", "g", "ed", "id", "n+", "+s", "s-", "meta+",
                    "password", "passwordConfirm", "email", "identity", "requests", "name", "fields", "collections",
                    "@jsonPayload", "tokenKey", "verified", "emailVisibility", "oldPassword", "mfaId", "otpId", "token",
                    "type", "listRule", "viewQuery", text(4)));
        }

        private Input multipart(String method, String path) {
            String boundary = random.nextInt(10) == 0 ? "" : "B" + random.nextInt(1_000_000);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int parts = random.nextInt(5);
            for (int i = 0; i < parts; i++) {
                write(out, "--" + boundary + "\r\n");
                String name = random.nextInt(4) == 0 ? "@jsonPayload" : key();
                boolean file = random.nextInt(5) == 0;
                write(out, "Content-Disposition: form-data; name=\"" + name + "\""
                        + (file ? "; filename=\"" + text(5) + ".txt\"" : "") + "\r\n\r\n");
                if (random.nextBoolean()) {
                    write(out, name.equals("@jsonPayload") ? json(3) : pick(List.of(number(), text(10), "true", "[1,2]")));
                } else {
                    out.writeBytes(garbage());
                }
                write(out, "\r\n");
            }
            if (random.nextInt(8) != 0) {
                write(out, "--" + boundary + "--\r\n");
            }
            return new Input(method, path, "multipart/form-data; boundary=" + boundary, out.toByteArray());
        }

        private byte[] urlencoded() {
            StringBuilder b = new StringBuilder();
            int n = random.nextInt(5);
            for (int i = 0; i < n; i++) {
                String v = pick(List.of(number(), text(6), "%ZZ", "%", "%e9", "%C3%A9", "%00", json(2)));
                b.append(i == 0 ? "" : "&").append(random.nextBoolean() ? key() : pick(List.of("%ZZ", "%", "a%2"))).append('=')
                        .append(random.nextBoolean() ? v : URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
            return b.toString().getBytes(StandardCharsets.UTF_8);
        }

        /** Random bytes: invalid UTF-8, NULs, lone continuation bytes, surrogates encoded as UTF-8. */
        private byte[] garbage() {
            byte[] bytes = new byte[random.nextInt(64)];
            random.nextBytes(bytes);
            if (random.nextBoolean() && bytes.length > 3) {
                bytes[0] = '{';
                bytes[1] = '"';
                bytes[bytes.length - 1] = '}';
            }
            return bytes;
        }

        private String text(int length) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < length; i++) {
                b.append(pick(List.of("a", "Z", "0", " ", "'", "\"", "\\", "%", "_", "é", "😀", "\u0000", "\n", "`", ";", "--")));
            }
            return b.toString();
        }

        private <T> T pick(List<T> items) {
            return items.get(random.nextInt(items.size()));
        }
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String token(String body) {
        return Json.createReader(new StringReader(body)).readObject().getString("token");
    }

    private static String cut(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
