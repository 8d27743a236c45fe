package io.pb4j.http;

import io.pb4j.core.PocketBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A real pb4j server on 127.0.0.1:0 over a fresh data dir, with a small HTTP client for scenario tests. */
final class TestServer implements AutoCloseable {
    static final String SUPERUSER_EMAIL = "admin@example.com";
    static final String SUPERUSER_PASSWORD = "1234567890";

    final PocketBase app;
    final Path dir;
    final String base;
    /** The test kit's view of this server when it counts hook calls ({@link #onFixtureCounted()}), else null. */
    private final io.pb4j.test.TestApp kit;
    private final HttpClient http = HttpClient.newHttpClient();

    TestServer() {
        this(newTempDir(), true);
    }

    private TestServer(Path dir, boolean seedSuperuser) {
        this(dir, seedSuperuser, cfg -> { }, false);
    }

    private TestServer(Path dir, boolean seedSuperuser, java.util.function.Consumer<io.pb4j.core.Config.Builder> configurer) {
        this(dir, seedSuperuser, configurer, false);
    }

    private TestServer(Path dir, boolean seedSuperuser, java.util.function.Consumer<io.pb4j.core.Config.Builder> configurer,
                       boolean counted) {
        this.dir = dir;
        if (PostgresFixture.enabled()) {
            app = PocketBase.create(cfg -> configurer.accept(cfg.dataDir(dir).store("postgres")));
            PostgresFixture.bootstrap(app, dir, !seedSuperuser && Files.isRegularFile(dir.resolve("data.db")));
        } else {
            app = PocketBase.create(cfg -> configurer.accept(cfg.dataDir(dir)));
            app.bootstrap();
        }
        if (seedSuperuser) {
            app.superusers().upsert(SUPERUSER_EMAIL, SUPERUSER_PASSWORD);
        }
        if (counted && ClusterNodes.enabled()) {
            kit = io.pb4j.test.TestApp.ofNodes(ClusterNodes.withSecondNode(app, dir, configurer));
            base = kit.baseUrl();
        } else if (counted) {
            kit = io.pb4j.test.TestApp.of(app);
            base = kit.baseUrl();
        } else {
            kit = null;
            base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0);
        }
    }

    /**
     * Every node serving this app: {@link #app} alone, or with {@code -Dpb4j.test.nodes=2} the kit's two nodes
     * ({@link ClusterNodes}); a setup that binds hooks binds them on each, as an app's {@code main} does on every node.
     */
    java.util.List<PocketBase> nodes() {
        return kit == null ? java.util.List.of(app) : kit.nodes();
    }

    /** The test kit's handle on this server, counting every hook call; only for {@link #onFixtureCounted()}. */
    io.pb4j.test.TestApp kit() {
        if (kit == null) {
            throw new IllegalStateException("this server does not count hook calls: use TestServer.onFixtureCounted()");
        }
        return kit;
    }

    /**
     * A server on the PostgreSQL database at {@code url} (see {@link PostgresFixture#newDatabase()}), which other
     * servers may share as nodes of one app; the test superuser is upserted when {@code seedSuperuser}.
     */
    static TestServer onPostgres(String url, boolean seedSuperuser) {
        return new TestServer(newTempDir(), url, seedSuperuser);
    }

    /** {@link #onPostgres(String, boolean)} over {@code dir}, which other nodes may share (their files, as on shared storage). */
    static TestServer onPostgres(String url, Path dir, boolean seedSuperuser) {
        return new TestServer(dir, url, seedSuperuser);
    }

    private TestServer(Path dir, String postgresUrl, boolean seedSuperuser) {
        this.dir = dir;
        app = PocketBase.create(cfg -> cfg.dataDir(dir).store("postgres"));
        PostgresFixture.bootstrapOn(app, postgresUrl);
        if (seedSuperuser) {
            app.superusers().upsert(SUPERUSER_EMAIL, SUPERUSER_PASSWORD);
        }
        kit = null;
        base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0);
    }

    /**
     * A server over {@code dir} as it is (a new or an existing data dir, the superuser upserted) with more configuration,
     * e.g. {@code cfg -> cfg.encryptionEnv("KEY_VAR")}. {@link #stop()} keeps the dir for the next server.
     */
    static TestServer on(Path dir, java.util.function.Consumer<io.pb4j.core.Config.Builder> configurer) {
        return new TestServer(dir, true, configurer);
    }

    /** Stops the server and closes the app, keeping the data dir. */
    void stop() {
        app.close();
    }

    static Path newTempDir() {
        try {
            return Files.createTempDirectory("pb4j-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A server on a fresh temporary copy of PocketBase v0.39.11's own test data ({@code fixtures/pocketbase-test-data}
     * at the repository root). The fixture is copied, never opened in place; no superuser is added (the fixture has its
     * own: {@code test@example.com} / {@code 1234567890}).
     */
    static TestServer onFixture() {
        return new TestServer(copyOfFixture(), false);
    }

    /**
     * {@link #onFixture()} served by the test kit ({@link #kit()}), which counts every hook call as PocketBase's
     * {@code tests.TestApp} does: PocketBase's scenario tables run on it.
     */
    static TestServer onFixtureCounted() {
        return new TestServer(copyOfFixture(), false, cfg -> { }, true);
    }

    static Path copyOfFixture() {
        Path source = fixtureDir();
        Path target = newTempDir();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the fixture " + source + " to " + target, e);
        }
        return target;
    }

    /** {@code fixtures/pocketbase-test-data} in the repository root (the nearest dir above the working dir with pom.xml and pb-core). */
    static Path fixtureDir() {
        Path start = Path.of("").toAbsolutePath();
        for (Path d = start; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("pom.xml")) && Files.isDirectory(d.resolve("pb-core"))) {
                return d.resolve("fixtures").resolve("pocketbase-test-data");
            }
        }
        throw new IllegalStateException("no repository root (a dir with pom.xml and pb-core) above " + start);
    }

    record Response(int status, String body, java.net.http.HttpHeaders headers) {
    }

    /** Sends a request with headers given as a map (header names as given); the body is sent as is. */
    Response sendWith(String method, String path, java.util.Map<String, String> headers, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body(), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a request as the SDK would: a JSON body when given, the token as {@code Authorization} when given. */
    Response send(String method, String path, String token, String json) {
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        if (json != null) {
            headers.put("Content-Type", "application/json");
        }
        if (token != null && !token.isEmpty()) {
            headers.put("Authorization", token);
        }
        return sendWith(method, path, headers, json);
    }

    /** Sends a bodiless request with extra headers given as name, value pairs. */
    Response sendWithHeaders(String method, String path, String... headers) {
        java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            map.put(headers[i], headers[i + 1]);
        }
        return sendWith(method, path, map, null);
    }

    /** Sends a request and fails unless it answers {@code status}; returns the body. */
    String expect(String method, String path, String token, String json, int status) {
        Response r = send(method, path, token, json);
        if (r.status() != status) {
            throw new IllegalStateException(method + " " + path + " answered " + r.status() + ": " + r.body());
        }
        return r.body();
    }

    /** Signs in the test superuser and returns the token. */
    String superuserToken() {
        Response r = send("POST", "/api/collections/_superusers/auth-with-password", null,
                "{\"identity\":\"" + SUPERUSER_EMAIL + "\",\"password\":\"" + SUPERUSER_PASSWORD + "\"}");
        if (r.status() != 200) {
            throw new IllegalStateException("superuser login failed: " + r.status() + " " + r.body());
        }
        return jakarta.json.Json.createReader(new java.io.StringReader(r.body())).readObject().getString("token");
    }

    @Override
    public void close() throws IOException {
        if (kit != null) {
            kit.close();
            return;
        }
        app.close();
        if (!Files.exists(dir)) {
            return; // another node on the same dir deleted it
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
