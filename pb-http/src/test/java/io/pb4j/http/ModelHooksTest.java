package io.pb4j.http;

import static io.pb4j.http.PocketBaseScenarios.SUPERUSER;
import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.ApiException;
import io.pb4j.core.Collection;
import io.pb4j.core.ModelEvent;
import io.pb4j.core.Record;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The model and collection hooks (PocketBase's onModel*, onCollection*) and onRecordEnrich / onRecordAuthRequest over
 * real HTTP and SQLite: the record and collection chains run inside the model chain, after-hooks follow the
 * transaction's outcome, handlers change what is saved and what is answered.
 */
class ModelHooksTest {
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
    void aRecordCreateRunsEachRecordHookInsideItsModelHookInPocketBasesOrder() {
        var app = server.app;
        app.onModelCreate().bindFunc(e -> { calls.add("model create " + e.tags()); e.next(); });
        app.onRecordCreate("demo2").bindFunc(e -> { calls.add("record create"); e.next(); });
        app.onModelValidate().bindFunc(e -> { calls.add("model validate"); e.next(); });
        app.onRecordValidate().bindFunc(e -> { calls.add("record validate"); e.next(); });
        app.onModelCreateExecute().bindFunc(e -> { calls.add("model execute"); e.next(); });
        app.onRecordCreateExecute().bindFunc(e -> { calls.add("record execute"); e.next(); });
        app.onModelAfterCreateSuccess().bindFunc(e -> { calls.add("model success " + ((Record) e.model()).getString("title")); e.next(); });
        app.onRecordAfterCreateSuccess().bindFunc(e -> { calls.add("record success"); e.next(); });
        // a model handler bound below the proxies' -99 runs before the record hook, one at 0 after it
        app.modelHooks().modelCreate().bind("first", -100, e -> { calls.add("model create first"); e.next(); });

        assertThat(server.send("POST", "/api/collections/demo2/records", SUPERUSER, "{\"title\":\"modelled\"}").status()).isEqualTo(200);

        String demo2 = app.findCollection("demo2").orElseThrow().id();
        assertThat(calls).containsExactly("model create first", "record create", "model create [" + demo2 + ", demo2]",
                "record validate", "model validate", "record execute", "model execute", "record success", "model success modelled");
    }

    @Test
    void collectionHooksFireForApiSavesWithTheirTagsAndAHandlersReplacementIsWhatIsStored() {
        var app = server.app;
        app.onModelCreate("_collections").bindFunc(e -> { calls.add("model " + e.tableName()); e.next(); });
        app.onCollectionCreate().bindFunc(e -> {
            calls.add("collection " + e.tags());
            e.collection(e.collection().toBuilder().listRule("id != ''").build());
            e.next();
        });
        app.onCollectionValidate().bindFunc(e -> { calls.add("validate " + e.collection().listRule().orElse("null")); e.next(); });
        app.onCollectionCreateExecute("hooked").bindFunc(e -> { calls.add("execute"); e.next(); });
        app.onCollectionAfterCreateSuccess().bindFunc(e -> { calls.add("success " + e.collection().created().isEmpty()); e.next(); });

        String body = server.expect("POST", "/api/collections", SUPERUSER, "{\"name\":\"hooked\",\"type\":\"base\"}", 200);

        assertThat(body).contains("\"listRule\":\"id != ''\"");
        assertThat(app.findCollection("hooked").orElseThrow().listRule()).contains("id != ''");
        assertThat(calls).hasSize(5);
        // the collection hook runs from the model chain's proxy at -99, before this model handler at 0
        assertThat(calls.get(0)).startsWith("collection [").endsWith("hooked]");
        assertThat(calls.get(1)).isEqualTo("model _collections");
        assertThat(calls.subList(2, 5)).containsExactly("validate id != ''", "execute", "success false");
    }

    @Test
    void aFailingCollectionHookRollsTheSaveBackAndFiresTheErrorHooks() {
        var app = server.app;
        app.onCollectionUpdateExecute("demo1").bindFunc(e -> {
            e.next();
            throw ApiException.badRequest("no changes today");
        });
        app.onCollectionAfterUpdateError().bindFunc(e -> { calls.add("collection error " + e.error().getMessage()); e.next(); });
        app.onModelAfterUpdateError().bindFunc(e -> { calls.add("model error"); e.next(); });
        app.onCollectionAfterUpdateSuccess().bindFunc(e -> { calls.add("success"); e.next(); });

        TestServer.Response r = server.send("PATCH", "/api/collections/demo1", SUPERUSER, "{\"listRule\":\"1=2\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).contains("No changes today.");
        assertThat(app.findCollection("demo1").orElseThrow().listRule()).isNotEqualTo(java.util.Optional.of("1=2"));
        assertThat(calls).containsExactly("collection error no changes today", "model error");
    }

    @Test
    void aWriteWhoseTransactionRollsBackLaterFiresTheErrorHookWithThatFailureAndNoSuccess() {
        var app = server.app;
        app.onRecordAfterCreateSuccess().bindFunc(e -> { calls.add("success"); e.next(); });
        app.onRecordAfterCreateError("demo2").bindFunc(e -> { calls.add("error " + e.error().getMessage()); e.next(); });

        try {
            app.runInTransaction(tx -> {
                Record r = new Record(tx.collection("demo2"));
                r.set("title", "in a failing transaction");
                tx.save(r);
                throw new IllegalStateException("later failure");
            });
        } catch (IllegalStateException expected) {
            calls.add("caught");
        }

        assertThat(calls).containsExactly("error later failure", "caught");
        assertThat(app.countRecords("demo2", "title = 'in a failing transaction'", Map.of())).isZero();
    }

    @Test
    void saveNoValidateSkipsTheValidateHooksAndDeleteFiresTheDeleteChain() {
        var app = server.app;
        app.onModelValidate().bindFunc(e -> { calls.add("validate"); e.next(); });
        app.onModelDelete().bindFunc(e -> { calls.add("model delete"); e.next(); });
        app.onRecordDeleteExecute("demo2").bindFunc(e -> { calls.add("record delete execute"); e.next(); });
        app.onModelAfterDeleteSuccess().bindFunc(e -> { calls.add("deleted " + ((Record) e.model()).getString("title")); e.next(); });

        Record r = new Record(app.collection("demo2"));
        r.set("title", "unvalidated");
        app.saveNoValidate(r);
        app.delete(r);

        assertThat(calls).containsExactly("model delete", "record delete execute", "deleted unvalidated");
    }

    @Test
    void enrichHandlersHideAndAddFieldsOfListViewAndExpandedRecordsPerAnswer() {
        var app = server.app;
        app.onRecordEnrich("demo1").bindFunc(e -> {
            e.record().hide("text").withCustomData(true).set("shout", e.record().getString("text").toUpperCase());
            e.next();
        });
        app.onRecordEnrich().bindFunc(e -> { calls.add(e.record().collection().name() + "/" + e.requestInfo().context()); e.next(); });

        String list = server.expect("GET", "/api/collections/demo1/records?perPage=1&sort=created", SUPERUSER, null, 200);
        String view = server.expect("GET", "/api/collections/demo1/records/al1h9ijdeojtsjy", SUPERUSER, null, 200);
        String expanded = server.expect("GET", "/api/collections/demo2/records?perPage=50&filter=" + java.net.URLEncoder.encode(
                "id='0yxhwia2amd8gec'", java.nio.charset.StandardCharsets.UTF_8), SUPERUSER, null, 200);

        assertThat(list).doesNotContain("\"text\":").contains("\"shout\":");
        assertThat(view).doesNotContain("\"text\":").contains("\"shout\":");
        assertThat(expanded).doesNotContain("\"shout\"");
        assertThat(calls).contains("demo1/default", "demo2/default");
        // the stored record is untouched
        assertThat(app.findRecordById("demo1", "al1h9ijdeojtsjy").orElseThrow().getString("text")).isNotNull();
    }

    @Test
    void expandedRecordsAreEnrichedWithTheExpandContext() {
        var app = server.app;
        app.onRecordEnrich().bindFunc(e -> { calls.add(e.record().collection().name() + "/" + e.requestInfo().context()); e.next(); });

        server.expect("GET", "/api/collections/demo1/records/al1h9ijdeojtsjy?expand=rel_one", SUPERUSER, null, 200);

        assertThat(calls).contains("demo1/default");
        assertThat(calls.stream().filter(c -> c.endsWith("/expand")).count()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void authRequestHandlersSeeTheMethodAndMayReplaceTheTokenAndMeta() {
        var app = server.app;
        app.onRecordAuthRequest("users").bindFunc(e -> {
            calls.add(e.authMethod() + " " + e.record().email() + " " + e.meta().isPresent());
            e.token("replaced-token");
            e.meta(java.util.Optional.of(jakarta.json.Json.createObjectBuilder().add("hooked", true).build()));
            e.next();
        });
        app.onRecordEnrich("users").bindFunc(e -> { calls.add("enrich"); e.next(); });
        MailSetups.usersOption(server, "mfa", false);

        String body = server.expect("POST", "/api/collections/users/auth-with-password", null,
                "{\"identity\":\"test@example.com\",\"password\":\"1234567890\"}", 200);

        assertThat(body).contains("\"token\":\"replaced-token\"", "\"meta\":{\"hooked\":true}", "\"email\":\"test@example.com\"");
        assertThat(calls).containsExactly("password test@example.com false", "enrich");
    }

    @Test
    void theCatalogueNamesEveryNewHookAsPocketBaseDoes() {
        assertThat(server.app.hooksByName()).containsKeys("OnModelValidate", "OnModelCreate", "OnModelCreateExecute",
                "OnModelAfterCreateSuccess", "OnModelAfterCreateError", "OnModelUpdate", "OnModelUpdateExecute",
                "OnModelAfterUpdateSuccess", "OnModelAfterUpdateError", "OnModelDelete", "OnModelDeleteExecute",
                "OnModelAfterDeleteSuccess", "OnModelAfterDeleteError", "OnCollectionValidate", "OnCollectionCreate",
                "OnCollectionCreateExecute", "OnCollectionAfterCreateSuccess", "OnCollectionAfterCreateError",
                "OnCollectionUpdate", "OnCollectionUpdateExecute", "OnCollectionAfterUpdateSuccess",
                "OnCollectionAfterUpdateError", "OnCollectionDelete", "OnCollectionDeleteExecute",
                "OnCollectionAfterDeleteSuccess", "OnCollectionAfterDeleteError", "OnRecordEnrich", "OnRecordAuthRequest",
                "OnRecordAuthWithOAuth2Request");
        ModelEvent.class.getName();
        Collection.class.getName();
    }
}
