package io.pb4j.http;

import static io.pb4j.http.PocketBaseScenarios.SUPERUSER;
import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.ApiException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PocketBase's cascadeRecordDelete runs every cascaded write through the app's hooks: a referencing record that loses
 * the deleted id is saved with {@code SaveNoValidate} (the update chain without the validate hooks), a referencing
 * record left empty by a cascading relation is deleted with the whole delete chain; all in the delete's transaction.
 */
class CascadeHooksTest {
    /** demo3/1tmknxy2868d869 is referenced, without cascade, by two records of the fixture. */
    static final String REFERENCED = "/api/collections/demo3/records/1tmknxy2868d869";

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

    @Test
    void eachReferencingRecordIsUpdatedThroughItsHooksWithoutTheDeletedId() {
        var app = server.app;
        app.onRecordValidate().bindFunc(e -> { calls.add("validate"); e.next(); });
        app.onRecordUpdate().bindFunc(e -> {
            calls.add("update " + e.record().collection().name() + "/" + e.record().id());
            e.next();
        });
        app.onRecordUpdateExecute().bindFunc(e -> { calls.add("execute"); e.next(); });
        app.onRecordAfterUpdateSuccess().bindFunc(e -> { calls.add("success"); e.next(); });

        assertThat(server.send("DELETE", REFERENCED, SUPERUSER, null).status()).isEqualTo(204);

        assertThat(calls).doesNotContain("validate").filteredOn(c -> c.startsWith("update ")).hasSize(2);
        assertThat(calls).filteredOn(c -> c.equals("execute")).hasSize(2);
        assertThat(calls).filteredOn(c -> c.equals("success")).hasSize(2);
        // each updated record no longer points to the deleted one
        calls.stream().filter(c -> c.startsWith("update ")).map(c -> c.substring(7).split("/")).forEach(ref ->
                assertThat(app.findRecordById(ref[0], ref[1]).orElseThrow().publicExport(true, true).toString())
                        .doesNotContain("1tmknxy2868d869"));
    }

    @Test
    void aHookThatRefusesACascadedUpdateRollsTheWholeDeleteBack() {
        server.app.onRecordUpdate().bindFunc(e -> {
            throw ApiException.badRequest("keep the reference");
        });
        server.app.onRecordAfterDeleteSuccess().bindFunc(e -> { calls.add("deleted " + e.record().id()); e.next(); });
        server.app.onRecordAfterDeleteError().bindFunc(e -> { calls.add("delete failed " + e.record().id()); e.next(); });

        assertThat(server.send("DELETE", REFERENCED, SUPERUSER, null).status()).isEqualTo(400);

        assertThat(server.send("GET", REFERENCED, SUPERUSER, null).status()).isEqualTo(200);
        assertThat(calls).containsExactly("delete failed 1tmknxy2868d869");
    }

    @Test
    void aHookCanChangeTheCascadedUpdateBeforeItIsWritten() {
        server.app.onRecordUpdate().bindFunc(e -> {
            if (e.record().collection().field("title").isPresent()) {
                e.record().set("title", "cascaded");
            }
            e.next();
        });

        assertThat(server.send("DELETE", REFERENCED, SUPERUSER, null).status()).isEqualTo(204);

        assertThat(server.app.countRecords("demo4", "title = 'cascaded'", java.util.Map.of())
                + server.app.countRecords("demo3", "title = 'cascaded'", java.util.Map.of())
                + server.app.countRecords("demo1", "text = 'cascaded'", java.util.Map.of())).isPositive();
    }
}
