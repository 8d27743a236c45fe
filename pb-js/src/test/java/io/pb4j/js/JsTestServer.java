package io.pb4j.js;

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
import java.util.Map;

/**
 * A real pb4j server on 127.0.0.1:0 with a real {@code pb_hooks} folder beside a fresh {@code pb_data}, the JS hooks
 * plugin given explicit options (a small pool), and a small HTTP client.
 */
final class JsTestServer implements AutoCloseable {
    static final String SUPERUSER_EMAIL = "admin@example.com";
    static final String SUPERUSER_PASSWORD = "1234567890";

    final Path root;
    final Path hooks;
    final Path dataDir;
    final PocketBase app;
    final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    private JsTestServer(Path root, boolean watch, int pool) {
        this.root = root;
        this.hooks = root.resolve("pb_hooks");
        this.dataDir = root.resolve("pb_data");
        JsHooksOptions options = new JsHooksOptions(hooks, watch, pool, root.resolve("pb_migrations"));
        app = PocketBase.create(cfg -> cfg.dataDir(dataDir).plugin(new JsHooksPlugin(options)));
        app.bootstrap();
        app.superusers().upsert(SUPERUSER_EMAIL, SUPERUSER_PASSWORD);
        base = "http://127.0.0.1:" + app.serve("127.0.0.1", 0);
    }

    /** Writes {@code files} (name to text) into a new temp folder's {@code pb_hooks} and starts a server on it. */
    static JsTestServer start(Map<String, String> files, boolean watch, int pool) {
        Path root = tempDir();
        write(root.resolve("pb_hooks"), files);
        return new JsTestServer(root, watch, pool);
    }

    /** As {@link #start}, over a copy of PocketBase's own test data ({@code fixtures/pocketbase-test-data}) as pb_data. */
    static JsTestServer startOnFixture(Map<String, String> files, int pool) {
        Path root = tempDir();
        write(root.resolve("pb_hooks"), files);
        copy(repositoryRoot().resolve("fixtures").resolve("pocketbase-test-data"), root.resolve("pb_data"));
        return new JsTestServer(root, false, pool);
    }

    /** A server on a copy of an example folder of the repository ({@code examples/<name>}: pb_hooks, pb_migrations). */
    static JsTestServer startOnExample(String name) {
        Path root = tempDir();
        Path source = repositoryRoot().resolve("examples").resolve(name);
        copy(source, root);
        return new JsTestServer(root, false, 2);
    }

    static Path repositoryRoot() {
        Path start = Path.of("").toAbsolutePath();
        for (Path d = start; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("pom.xml")) && Files.isDirectory(d.resolve("pb-core"))) {
                return d;
            }
        }
        throw new IllegalStateException("no repository root above " + start);
    }

    static void copy(Path from, Path to) {
        try (var walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("pb4j-js-test");
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static void write(Path dir, Map<String, String> files) {
        try {
            Files.createDirectories(dir);
            for (var f : files.entrySet()) {
                Path p = dir.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.writeString(p, f.getValue());
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    HttpResponse<String> send(String method, String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    HttpResponse<String> get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    String superuserToken() {
        var r = send("POST", "/api/collections/_superusers/auth-with-password",
                "{\"identity\":\"" + SUPERUSER_EMAIL + "\",\"password\":\"" + SUPERUSER_PASSWORD + "\"}");
        return jakarta.json.Json.createReader(new java.io.StringReader(r.body())).readObject().getString("token");
    }

    @Override
    public void close() {
        app.close();
    }
}
