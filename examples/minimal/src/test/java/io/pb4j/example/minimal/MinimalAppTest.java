package io.pb4j.example.minimal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.PocketBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pick and mix: without pb-auth the data API works and the auth routes do not exist. */
class MinimalAppTest {
    @TempDir
    Path dir;

    @Test
    void dataApiWorksWithoutTheAuthModule() throws Exception {
        assertThat(ModuleLayer.boot().findModule("io.pb4j.auth")).isEmpty();
        try (PocketBase app = MinimalApp.start(dir, "127.0.0.1", 0); HttpClient http = HttpClient.newHttpClient()) {
            String base = "http://127.0.0.1:" + app.port();
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(base + "/api/collections/notes/records"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"hi\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(200);
            assertThat(created.body()).contains("\"text\":\"hi\"");

            HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create(base + "/api/collections/notes/records")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(list.body()).contains("\"totalItems\":1");

            HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/collections/_superusers/auth-with-password"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).isEqualTo(404);

            HttpResponse<String> collections = http.send(HttpRequest.newBuilder(URI.create(base + "/api/collections")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(collections.statusCode()).isEqualTo(401);
        }
    }
}
