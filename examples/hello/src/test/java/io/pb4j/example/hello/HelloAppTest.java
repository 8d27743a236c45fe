package io.pb4j.example.hello;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelloAppTest {
    @TempDir
    Path dir;

    @Test
    void theAppsOwnRoutesAnswerBesidePocketBasesApi() throws Exception {
        PocketBase app = HelloApp.create("--dir", dir.toString());
        app.bootstrap();
        Record user = new Record(app.collection("users"));
        user.set("email", "ann@example.com").setPassword("ann-password");
        app.save(user);
        int port = app.serve("127.0.0.1", 0);
        try (app; HttpClient http = HttpClient.newHttpClient()) {
            String base = "http://127.0.0.1:" + port;
            HttpResponse<String> hello = http.send(HttpRequest.newBuilder(URI.create(base + "/api/hello")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(hello.statusCode()).isEqualTo(200);
            assertThat(hello.body()).isEqualTo("{\"message\":\"Hello world!\"}");

            HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(base + "/api/hello/login"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"ann@example.com\",\"password\":\"nope\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(bad.body()).contains("\"message\":\"Invalid login credentials.\"");

            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/hello/login"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"ann@example.com\",\"password\":\"ann-password\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(200);
            String token = login.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
            // the token is a real auth token: PocketBase's own auth-refresh accepts it
            HttpResponse<String> refresh = http.send(HttpRequest.newBuilder(URI.create(base + "/api/collections/users/auth-refresh"))
                    .header("Authorization", token).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refresh.statusCode()).isEqualTo(200);
        }
        assertThat(Files.exists(dir.resolve("data.db"))).isTrue();
    }
}
