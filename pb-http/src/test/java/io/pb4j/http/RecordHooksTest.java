package io.pb4j.http;

import static io.pb4j.http.PocketBaseScenarios.SUPERUSER;
import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.ApiException;
import io.pb4j.core.RecordErrorEvent;
import io.pb4j.core.ValidationError;
import io.pb4j.core.ValidationException;
import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The record model and request hooks over real HTTP and SQLite: order, tags, rollback, error hooks, changed events. */
class RecordHooksTest {
    TestServer server;
    final List<String> calls = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        server = TestServer.onFixture();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
    }

    private TestServer.Response createDemo2(String title) {
        return server.send("POST", "/api/collections/demo2/records", SUPERUSER, "{\"title\":\"" + title + "\"}");
    }

    private long demo2Count(String title) {
        return server.app.store().read(s -> s.query("SELECT COUNT(*) AS n FROM demo2 WHERE title = ?", List.of(title)))
                .stream().map(r -> ((Number) r.get("n")).longValue()).findFirst().orElse(0L);
    }

    @Test
    void aCreateRunsRequestThenModelHooksInPocketBasesOrderForTheTaggedCollectionOnly() {
        var app = server.app;
        app.onRecordCreateRequest("demo2").bindFunc(e -> { calls.add("request"); e.next(); });
        app.onRecordCreate("demo2").bindFunc(e -> { calls.add("create"); e.next(); calls.add("created"); });
        app.onRecordValidate().bindFunc(e -> { calls.add("validate:" + e.record().collection().name()); e.next(); });
        app.onRecordCreateExecute("demo2").bindFunc(e -> { calls.add("execute"); e.next(); });
        app.onRecordAfterCreateSuccess("demo2").bindFunc(e -> { calls.add("success"); e.next(); });
        app.onRecordCreate("demo1").bindFunc(e -> { calls.add("other collection"); e.next(); });
        app.onRecordAfterCreateSuccess("demo1").bindFunc(e -> { calls.add("other collection's success"); e.next(); });

        assertThat(createDemo2("hooked").status()).isEqualTo(200);

        assertThat(calls).containsExactly("request", "create", "validate:demo2", "execute", "created", "success");
    }

    @Test
    void aModelHookThatThrowsAfterTheWriteRollsItBackAndFiresTheErrorHookOutsideIt() {
        var app = server.app;
        AtomicReference<RecordErrorEvent> failed = new AtomicReference<>();
        app.onRecordCreateExecute("demo2").bindFunc(e -> {
            e.next();
            throw ApiException.badRequest("stop after the insert");
        });
        app.onRecordAfterCreateSuccess().bindFunc(e -> { calls.add("success"); e.next(); });
        app.onRecordAfterCreateError("demo2").bindFunc(e -> {
            failed.set(e);
            // outside the failed transaction: this write commits on its own
            calls.add("rows now: " + demo2Count("rolled back"));
            e.next();
        });

        TestServer.Response r = createDemo2("rolled back");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("Stop after the insert.");
        assertThat(demo2Count("rolled back")).isZero();
        assertThat(failed.get().error()).hasMessage("stop after the insert");
        assertThat(failed.get().record().getString("title")).isEqualTo("rolled back");
        assertThat(calls).containsExactly("rows now: 0");
    }

    @Test
    void aValidateHookCanRejectTheRecordWithFieldErrors() {
        server.app.onRecordValidate("demo2").bindFunc(e -> {
            if (e.record().getString("title").startsWith("bad")) {
                throw new ValidationException(Map.of("title", new ValidationError("validation_bad_title", "Bad title.")));
            }
            e.next();
        });
        TestServer.Response r = createDemo2("bad one");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("\"title\":{\"code\":\"validation_bad_title\",\"message\":\"Bad title.\"}");
        assertThat(demo2Count("bad one")).isZero();
        assertThat(createDemo2("good one").status()).isEqualTo(200);
    }

    @Test
    void requestHooksCanChangeTheRecordOrAnswerThemselves() {
        var app = server.app;
        app.onRecordCreateRequest("demo2").bindFunc(e -> {
            e.record().orElseThrow().set("title", e.record().orElseThrow().getString("title") + " (changed)");
            e.next();
        });
        TestServer.Response created = createDemo2("request");
        assertThat(created.body()).contains("\"title\":\"request (changed)\"");
        assertThat(demo2Count("request (changed)")).isEqualTo(1);

        app.onRecordViewRequest().bindFunc(e -> e.request().json(200, Json.createObjectBuilder().add("answered", "by hook").build()));
        String id = Json.createReader(new StringReader(created.body())).readObject().getString("id");
        TestServer.Response viewed = server.send("GET", "/api/collections/demo2/records/" + id, SUPERUSER, null);
        assertThat(viewed.body()).isEqualTo("{\"answered\":\"by hook\"}");
    }

    @Test
    void deletesFireTheDeleteChainAndUnbindingByIdStopsAHandler() {
        var app = server.app;
        String id = app.onRecordDelete().bindFunc(e -> { calls.add("delete:" + e.record().collection().name()); e.next(); });
        app.onRecordDeleteExecute("demo2").bindFunc(e -> { calls.add("execute"); e.next(); });
        String created = Json.createReader(new StringReader(createDemo2("to delete").body())).readObject().getString("id");
        assertThat(server.send("DELETE", "/api/collections/demo2/records/" + created, SUPERUSER, null).status()).isEqualTo(204);
        assertThat(calls).containsExactly("delete:demo2", "execute");

        calls.clear();
        app.onRecordDelete().unbind(id);
        String another = Json.createReader(new StringReader(createDemo2("another").body())).readObject().getString("id");
        server.send("DELETE", "/api/collections/demo2/records/" + another, SUPERUSER, null);
        assertThat(calls).containsExactly("execute");
    }

    @Test
    void aMailerRecordHookSeesTheRenderedMailAndCanSwallowIt() throws InterruptedException {
        var app = server.app;
        var seen = new java.util.concurrent.LinkedBlockingQueue<io.pb4j.core.MailerRecordEvent>();
        app.onMailerRecordOTPSend("users").bindFunc(seen::add); // no next(): nothing is sent
        app.onMailerSend().bindFunc(e -> { calls.add("sent"); e.next(); });

        TestServer.Response r = server.send("POST", "/api/collections/users/request-otp", null, "{\"email\":\"test@example.com\"}");
        assertThat(r.status()).isEqualTo(200);
        String otpId = Json.createReader(new StringReader(r.body())).readObject().getString("otpId");

        var event = seen.poll(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(event).isNotNull();
        assertThat(event.record().email()).isEqualTo("test@example.com");
        assertThat(event.meta()).containsEntry("otpId", otpId);
        assertThat(event.message().to().toString()).contains("test@example.com");
        assertThat(calls).doesNotContain("sent");
    }

    @Test
    void closingTheAppFiresOnTerminateBeforeItCloses() {
        var app = server.app;
        app.onTerminate().bindFunc(e -> {
            calls.add("terminate, bootstrapped: " + e.app().isBootstrapped() + ", restart: " + e.isRestart());
            e.next();
            calls.add("closed, bootstrapped: " + e.app().isBootstrapped());
        });
        app.close();
        assertThat(calls).containsExactly("terminate, bootstrapped: true, restart: false", "closed, bootstrapped: false");
    }

    @Test
    void aBatchFiresOnBatchRequestOnceAndEachSubRequestsHooksInsideItsTransaction() {
        var app = server.app;
        app.onBatchRequest().bindFunc(e -> {
            calls.add("batch of " + e.requests().size() + ": " + e.requests().get(0).getString("url"));
            // the batch's own transaction joins this one, so failing it after next() undoes the batch
            app.store().write(s -> {
                e.next();
                throw ApiException.badRequest("undo the batch");
            });
        });
        app.onRecordCreateRequest("demo2").bindFunc(e -> { calls.add("create request"); e.next(); });
        String body = "{\"requests\":[{\"method\":\"POST\",\"url\":\"/api/collections/demo2/records\",\"body\":{\"title\":\"b1\"}},"
                + "{\"method\":\"POST\",\"url\":\"/api/collections/demo2/records\",\"body\":{\"title\":\"b2\"}}]}";
        TestServer.Response r = server.send("POST", "/api/batch", SUPERUSER, body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains("Undo the batch.");
        assertThat(calls).containsExactly("batch of 2: /api/collections/demo2/records", "create request", "create request");
        assertThat(demo2Count("b1") + demo2Count("b2")).isZero();
    }
}
