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
    private final HttpClient http = HttpClient.newHttpClient();

    TestServer() {
        try {
            dir = Files.createTempDirectory("pb4j-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        app = PocketBase.create(cfg -> cfg.dataDir(dir));
        app.bootstrap();
        app.superusers().upsert(SUPERUSER_EMAIL, SUPERUSER_PASSWORD);
        int port = app.serve("127.0.0.1", 0);
        base = "http://127.0.0.1:" + port;
    }

    record Response(int status, String body, java.net.http.HttpHeaders headers) {
    }

    Response send(String method, String path, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null && !token.isEmpty()) {
            b.header("Authorization", token);
        }
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

    /** Sends a bodiless request with extra headers given as name, value pairs. */
    Response sendWithHeaders(String method, String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
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
        app.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
