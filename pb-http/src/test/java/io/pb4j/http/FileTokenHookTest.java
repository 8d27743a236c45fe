package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.ApiException;
import io.pb4j.core.FileTokenRequestEvent;
import io.pb4j.http.Uploads.Part;
import jakarta.json.Json;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code onFileTokenRequest} over real HTTP: its event data, and that a handler can change, answer or refuse. */
class FileTokenHookTest {
    private static TestServer server;
    private static String su;
    private static String fileUrl;

    @BeforeAll
    static void start() {
        server = new TestServer();
        su = server.superuserToken();
        // a protected file only a file token opens (the view rule lets no guest through)
        server.expect("POST", "/api/collections", su, """
                {"name":"secret","viewRule":"@request.auth.id != ''","createRule":"",
                 "fields":[{"type":"file","name":"f","maxSelect":1,"protected":true}]}""", 200);
        Uploads.Response r = Uploads.multipart(server, "POST", "/api/collections/secret/records", null,
                Part.file("f", "s.txt", "secret".getBytes(StandardCharsets.UTF_8)));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        fileUrl = "/api/files/secret/" + Uploads.id(r.text()) + "/" + Uploads.names(r.text(), "f").getFirst();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @AfterEach
    void unbind() {
        server.app.onFileTokenRequest().unbind("test");
    }

    private static String token(String body) {
        return Json.createReader(new StringReader(body)).readObject().getString("token");
    }

    @Test
    void theEventCarriesTheAuthRecordAndTheTokenItAnswersWith() {
        List<FileTokenRequestEvent> seen = new ArrayList<>();
        server.app.onFileTokenRequest().bind("test", 0, e -> {
            seen.add(e);
            e.next();
        });
        TestServer.Response r = server.send("POST", "/api/files/token", su, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(seen).hasSize(1);
        assertThat(seen.getFirst().record().collection().isSuperusers()).isTrue();
        assertThat(seen.getFirst().record().values().get("email")).isEqualTo(TestServer.SUPERUSER_EMAIL);
        assertThat(token(r.body())).isEqualTo(seen.getFirst().token());
        // the token the hook saw is a real file token: it opens the protected file
        assertThat(Uploads.get(server, fileUrl + "?token=" + token(r.body())).text()).isEqualTo("secret");
        assertThat(Uploads.get(server, fileUrl).status()).isEqualTo(404);
    }

    @Test
    void aHandlerReplacesTheToken() {
        server.app.onFileTokenRequest().bind("test", 0, e -> {
            e.token("replaced");
            e.next();
        });
        TestServer.Response r = server.send("POST", "/api/files/token", su, null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"token\":\"replaced\"}");
    }

    @Test
    void aHandlerAnswersItself() {
        server.app.onFileTokenRequest().bind("test", 0, e -> e.request().json(202, Json.createObjectBuilder().add("mine", true).build()));
        TestServer.Response r = server.send("POST", "/api/files/token", su, null);
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.body()).isEqualTo("{\"mine\":true}");
    }

    @Test
    void aHandlerRefusesWithAnApiError() {
        server.app.onFileTokenRequest().bind("test", 0, e -> {
            throw ApiException.forbidden("No file tokens today.");
        });
        TestServer.Response r = server.send("POST", "/api/files/token", su, null);
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).contains("\"message\":\"No file tokens today.\"");
    }

    @Test
    void guestsGet401WithoutTheHookRunning() {
        List<FileTokenRequestEvent> seen = new ArrayList<>();
        server.app.onFileTokenRequest().bind("test", 0, seen::add);
        assertThat(server.send("POST", "/api/files/token", null, null).status()).isEqualTo(401);
        assertThat(seen).isEmpty();
    }
}
