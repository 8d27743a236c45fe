package io.pb4j.example.minimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pb4j.core.PocketBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pick and mix: without pb-auth (or pb-files) the data API works and the auth (or files) routes do not exist. */
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

    @Test
    void withoutTheFilesModuleAFileFieldIsRefusedByNameAndTheFilesRouteIs404() throws Exception {
        assertThat(ModuleLayer.boot().findModule("io.pb4j.files")).isEmpty();
        try (PocketBase app = MinimalApp.start(dir, "127.0.0.1", 0); HttpClient http = HttpClient.newHttpClient()) {
            var fileField = jakarta.json.Json.createReader(new java.io.StringReader(
                    "{\"name\":\"docs\",\"type\":\"base\",\"fields\":[{\"name\":\"doc\",\"type\":\"file\"}]}")).readObject();
            assertThatThrownBy(() -> app.importCollections(java.util.List.of(fileField), false))
                    .isInstanceOf(io.pb4j.core.ValidationException.class)
                    .satisfies(e -> assertThat(String.valueOf(((io.pb4j.core.ValidationException) e).errors()))
                            .contains("The file field type needs the io.pb4j.files module (pb-files), which is not installed."));
            assertThat(app.hasFiles()).isFalse();
            assertThatThrownBy(app::files).hasMessageContaining("io.pb4j.files");

            String base = "http://127.0.0.1:" + app.port();
            HttpResponse<String> file = http.send(HttpRequest.newBuilder(URI.create(base + "/api/files/users/abc/x.png")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(file.statusCode()).isEqualTo(404);
        }
    }
}
