package io.pb4j.http;

import static io.pb4j.http.PocketBaseScenarios.CLIENT;
import static io.pb4j.http.PocketBaseScenarios.SUPERUSER;
import static io.pb4j.http.PocketBaseScenarios.USER;
import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.ApiException;
import io.pb4j.core.router.Middleware;
import io.pb4j.core.router.Middlewares;
import io.pb4j.core.router.RouterGroup;
import jakarta.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Router groups, middleware ids and priorities, and PocketBase's built-in middlewares, over real HTTP. */
class RouterAndMiddlewaresTest {
    static TestServer server;
    static final List<String> calls = new CopyOnWriteArrayList<>();
    static final List<Integer> loggedStatuses = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        server = TestServer.onFixture();
        var router = server.app.router();
        router.bind(new Middleware("testGlobal", 10, e -> { calls.add("global"); e.next(); }));
        RouterGroup v1 = router.group("/api/v1");
        v1.bind(new Middleware("testGroup", 5, e -> { calls.add("group"); e.next(); }));
        v1.bindFunc(e -> { calls.add("groupFunc"); e.next(); });
        v1.get("/hello", e -> { calls.add("handler"); e.string(200, "hi"); })
                .bind(new Middleware("testRoute", -5, e -> { calls.add("route"); e.next(); }));
        RouterGroup admin = v1.group("/admin");
        admin.unbind("testGroup", "pbSecurityHeaders");
        admin.get("/{id}", e -> e.string(200, "admin " + e.pathParam("id")));
        // a route middleware with a global's id replaces it for that route
        router.get("/api/replaced", e -> e.string(200, "ok"))
                .bind(new Middleware("testGlobal", 10, e -> { calls.add("replacement"); e.next(); }));

        router.get("/api/auth", e -> e.string(200, "auth")).bind(Middlewares.requireAuth());
        router.get("/api/users-only", e -> e.string(200, "users")).bind(Middlewares.requireAuth("users"));
        router.get("/api/guests", e -> e.string(200, "guest")).bind(Middlewares.requireGuestOnly());
        router.get("/api/superusers", e -> e.string(200, "su")).bind(Middlewares.requireSuperuserAuth());
        router.get("/api/owner/{id}", e -> e.string(200, "owner")).bind(Middlewares.requireSuperuserOrOwnerAuth(""));
        router.get("/api/same/{collection}", e -> e.string(200, "same"))
                .bind(Middlewares.requireSameCollectionContextAuth(""));
        router.post("/api/small", e -> e.string(200, new String(e.body(), StandardCharsets.UTF_8)))
                .bind(Middlewares.bodyLimit(10));
        router.get("/api/big", e -> e.string(200, "x".repeat(10_000))).bind(Middlewares.gzip());
        RouterGroup logged = router.group("/api/logged");
        logged.bind(new Middleware("testLogger", 0, e -> {
            try {
                e.next();
            } finally {
                loggedStatuses.add(e.responseStatus());
            }
        }));
        logged.get("/fails", e -> {
            throw ApiException.forbidden("no");
        });
        logged.get("/crashes", e -> {
            throw new IllegalStateException("boom");
        });
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @Test
    void groupsPrefixTheirRoutesAndAllMiddlewaresRunInOnePriorityOrder() {
        calls.clear();
        TestServer.Response r = server.send("GET", "/api/v1/hello", null, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("hi");
        assertThat(calls).containsExactly("route", "groupFunc", "group", "global", "handler");
        assertThat(server.send("GET", "/api/hello", null, null).status()).isEqualTo(404);
    }

    @Test
    void aNestedGroupAddsItsPrefixAndUnbindsMiddlewaresById() {
        calls.clear();
        TestServer.Response r = server.send("GET", "/api/v1/admin/42", null, null);
        assertThat(r.body()).isEqualTo("admin 42");
        assertThat(calls).containsExactly("groupFunc", "global");
        assertThat(r.headers().firstValue("X-Frame-Options")).isEmpty();
        assertThat(server.send("GET", "/api/v1/hello", null, null).headers().firstValue("X-Frame-Options"))
                .contains("SAMEORIGIN");
    }

    @Test
    void aRouteMiddlewareReplacesTheGlobalOneOfTheSameId() {
        calls.clear();
        server.send("GET", "/api/replaced", null, null);
        assertThat(calls).containsExactly("replacement");
    }

    @Test
    void requireAuthAnswersPocketBasesMessages() {
        assertError(server.send("GET", "/api/auth", null, null), 401, "The request requires valid record authorization token.");
        assertThat(server.send("GET", "/api/auth", CLIENT, null).status()).isEqualTo(200);
        assertError(server.send("GET", "/api/users-only", CLIENT, null), 403,
                "The authorized record is not allowed to perform this action.");
        assertThat(server.send("GET", "/api/users-only", USER, null).status()).isEqualTo(200);
        assertError(server.send("GET", "/api/superusers", USER, null), 403,
                "The authorized record is not allowed to perform this action.");
        assertThat(server.send("GET", "/api/superusers", SUPERUSER, null).status()).isEqualTo(200);
    }

    @Test
    void requireGuestOnlyRejectsAuthenticatedRequests() {
        assertThat(server.send("GET", "/api/guests", null, null).status()).isEqualTo(200);
        assertError(server.send("GET", "/api/guests", USER, null), 400, "The request can be accessed only by guests.");
    }

    @Test
    void requireSuperuserOrOwnerAuthLetsTheOwnerAndSuperusersIn() {
        assertError(server.send("GET", "/api/owner/4q1xlclmfloku33", null, null), 401,
                "The request requires superuser or record authorization token.");
        assertThat(server.send("GET", "/api/owner/4q1xlclmfloku33", USER, null).status()).isEqualTo(200);
        assertError(server.send("GET", "/api/owner/other", USER, null), 403, "You are not allowed to perform this request.");
        assertThat(server.send("GET", "/api/owner/other", SUPERUSER, null).status()).isEqualTo(200);
    }

    @Test
    void requireSameCollectionContextAuthNamesTheTokensOwnCollection() {
        assertThat(server.send("GET", "/api/same/users", USER, null).status()).isEqualTo(200);
        assertError(server.send("GET", "/api/same/clients", USER, null), 403,
                "The request requires auth record from users collection.");
        assertError(server.send("GET", "/api/same/missing", USER, null), 403,
                "The request requires auth record from users collection.");
        assertError(server.send("POST", "/api/collections/users/auth-refresh", SUPERUSER, null), 403,
                "The request requires auth record from _superusers collection.");
    }

    @Test
    void bodyLimitAnswers413PastItsCap() {
        assertThat(server.send("POST", "/api/small", null, "0123456789").body()).isEqualTo("0123456789");
        assertThat(server.send("POST", "/api/small", null, "0123456789a").status()).isEqualTo(413);
    }

    @Test
    void gzipCompressesForClientsThatAcceptIt() throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base + "/api/big"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.headers().firstValue("Content-Encoding")).contains("gzip");
        assertThat(r.body().length).isLessThan(1_000);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("x".repeat(10_000));
        }
        TestServer.Response plain = server.send("GET", "/api/big", null, null);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body()).hasSize(10_000);
    }

    @Test
    void aLoggingMiddlewareSeesTheErrorsStatusWhenTheHandlerThrows() {
        loggedStatuses.clear();
        assertError(server.send("GET", "/api/logged/fails", null, null), 403, "No.");
        assertThat(server.send("GET", "/api/logged/crashes", null, null).status()).isEqualTo(500);
        assertThat(loggedStatuses).containsExactly(403, 500);
    }

    private static void assertError(TestServer.Response r, int status, String message) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        var body = Json.createReader(new java.io.StringReader(r.body())).readObject();
        assertThat(body.getString("message")).isEqualTo(message);
        assertThat(body.getInt("status")).isEqualTo(status);
    }
}
