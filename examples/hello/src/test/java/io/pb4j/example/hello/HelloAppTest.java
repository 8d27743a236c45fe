package io.pb4j.example.hello;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.PocketBase;
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
    void theAppsOwnRouteAnswersBesidePocketBasesApi() throws Exception {
        PocketBase app = HelloApp.start(dir, "127.0.0.1", 0);
        try (app; HttpClient http = HttpClient.newHttpClient()) {
            int port = app.port();
            HttpResponse<String> hello = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/hello")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(hello.statusCode()).isEqualTo(200);
            assertThat(hello.body()).isEqualTo("{\"message\":\"Hello world!\"}");
            assertThat(hello.headers().firstValue("Content-Type")).contains("application/json");

            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        }
        assertThat(Files.exists(dir.resolve("data.db"))).isTrue();
    }
}
