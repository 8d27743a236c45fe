package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pb4j.core.Collection;
import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import io.pb4j.core.RequestInfo;
import io.pb4j.core.ValidationException;
import io.pb4j.core.field.BoolField;
import io.pb4j.core.field.NumberField;
import io.pb4j.core.field.RelationField;
import io.pb4j.core.field.SelectField;
import io.pb4j.core.field.TextField;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Java app API (PocketBase's record finders, saves, transactions, SQL and tokens) on real SQLite, and over HTTP. */
class AppApiTest {
    /** Rows of {@link PocketBase#db()} map to records like this one. */
    public record Totals(long orders, double total, String status) {
    }

    private static TestServer server;
    private static PocketBase app;
    private static Record alice;

    @BeforeAll
    static void start() {
        // records the Db maps rows to must be reachable by io.pb4j.core: an app opens (or exports) their package
        AppApiTest.class.getModule().addOpens(AppApiTest.class.getPackageName(), PocketBase.class.getModule());
        server = new TestServer();
        app = server.app;
        Collection users = app.collection("users");
        alice = new Record(users);
        alice.set("email", "Alice@Example.com").set("name", "alice").setPassword("alice-secret-1");
        app.save(alice);
        app.save(Collection.builder().name("orders").type(Collection.BASE).listRule("").viewRule("status = 'paid'")
                .fields(List.of(TextField.primaryKeyField(),
                        TextField.builder("title").required(true).max(40).build(),
                        NumberField.builder("amount").min(0).build(),
                        SelectField.builder("status", List.of("open", "paid")).maxSelect(1).build(),
                        BoolField.builder("gift").build(),
                        RelationField.builder("buyer", users.id()).maxSelect(1).build()))
                .build());
        order("first", 10, "paid");
        order("second", 20, "open");
        order("third", 30.5, "paid");
        order("say \"hi\"", 5, "open");
    }

    private static Record order(String title, double amount, String status) {
        Record r = new Record(app.collection("orders"));
        r.set("title", title).set("amount", amount).set("status", status).set("buyer", alice.id());
        return app.save(r);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void findersTakeTheCollectionByNameOrId() {
        Record first = app.findFirstRecordByData("orders", "title", "first").orElseThrow();
        assertThat(app.findRecordById("orders", first.id())).map(Record::id).contains(first.id());
        assertThat(app.findRecordById(app.collection("orders").id(), first.id())).isPresent();
        assertThat(app.findRecordById("orders", "missing")).isEmpty();
        assertThat(app.findRecordsByIds("orders", List.of(first.id(), "missing"))).extracting(Record::id).containsExactly(first.id());
        assertThat(app.findAllRecords("orders")).hasSize(4);
        assertThat(app.countRecords("orders")).isEqualTo(4);
        assertThat(app.countRecords("orders", "status = {:s}", Map.of("s", "paid"))).isEqualTo(2);
        assertThatThrownBy(() -> app.findFirstRecordByData("orders", "nope", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
        assertThatThrownBy(() -> app.findAllRecords("no_such_collection")).isInstanceOf(java.util.NoSuchElementException.class);
    }

    @Test
    void findRecordsByFilterBindsParametersAsLiteralsAndPages() {
        List<Record> paid = app.findRecordsByFilter("orders", "status = {:status} && amount > {:min}", "-amount", 0, 0,
                Map.of("status", "paid", "min", 5));
        assertThat(paid).extracting(r -> r.getString("title")).containsExactly("third", "first");
        assertThat(app.findRecordsByFilter("orders", "", "amount", 2, 1, Map.of()))
                .extracting(r -> r.getString("title")).containsExactly("first", "second");
        // a value is a literal, never filter syntax of its own
        assertThat(app.findRecordsByFilter("orders", "title = {:t}", "", 0, 0, Map.of("t", "x\" || id != \"")))
                .isEmpty();
        assertThat(app.findFirstRecordByFilter("orders", "title = {:t}", Map.of("t", "say \"hi\"")))
                .map(r -> r.getString("title")).contains("say \"hi\"");
        assertThat(app.findFirstRecordByFilter("orders", "buyer.email = {:e}", Map.of("e", "Alice@Example.com")))
                .isPresent();
    }

    @Test
    void aBadFilterOrSortFromJavaCodeNamesTheReason() {
        assertThatThrownBy(() -> app.findRecordsByFilter("orders", "title = ", "", 0, 0, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid filter \"title = \"").hasMessageNotContaining("Something went wrong");
        assertThatThrownBy(() -> app.findRecordsByFilter("orders", "", "nope", 0, 0, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sort \"nope\"")
                .hasMessageContaining("nope");
    }

    @Test
    void findAuthRecordByEmailComparesAsTheUniqueIndexDoes() {
        // PocketBase's default email index has no COLLATE NOCASE, so the lookup is exact
        assertThat(app.findAuthRecordByEmail("users", "Alice@Example.com")).map(Record::id).contains(alice.id());
        assertThat(app.findAuthRecordByEmail("users", "alice@example.COM")).isEmpty();
        assertThatThrownBy(() -> app.findAuthRecordByEmail("orders", "x@example.com"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an auth collection");
        Record stored = app.findAuthRecordByEmail("users", "Alice@Example.com").orElseThrow();
        assertThat(stored.validatePassword("alice-secret-1")).isTrue();
        assertThat(stored.validatePassword("wrong")).isFalse();
    }

    @Test
    void validateSaveNoValidateAndDelete() {
        Record bad = new Record(app.collection("orders"));
        bad.set("amount", -1);
        assertThatThrownBy(() -> app.validate(bad)).isInstanceOfSatisfying(ValidationException.class,
                v -> assertThat(v.errors()).containsKeys("title", "amount"));
        assertThatThrownBy(() -> app.save(bad)).isInstanceOf(ValidationException.class);
        app.saveNoValidate(bad);
        assertThat(app.findRecordById("orders", bad.id())).isPresent();
        app.delete(bad);
        assertThat(app.findRecordById("orders", bad.id())).isEmpty();
    }

    @Test
    void runInTransactionCommitsOrRollsBackEverythingItDid() {
        long before = app.countRecords("orders");
        assertThatThrownBy(() -> app.runInTransaction(tx -> {
            Record r = new Record(tx.collection("orders"));
            r.set("title", "rolled back").set("amount", 1);
            tx.save(r);
            tx.db().execute("UPDATE orders SET amount = amount + 1000 WHERE title = {:t}", Map.of("t", "first"));
            // the transaction sees its own writes
            assertThat(tx.countRecords("orders")).isEqualTo(before + 1);
            throw new IllegalStateException("stop");
        })).hasMessage("stop");
        assertThat(app.countRecords("orders")).isEqualTo(before);
        assertThat(app.findFirstRecordByData("orders", "title", "first").orElseThrow().getFloat("amount")).isEqualTo(10);

        String id = app.inTransaction(tx -> {
            Record r = new Record(tx.collection("orders"));
            r.set("title", "committed").set("amount", 2);
            return tx.save(r).id();
        });
        assertThat(app.findRecordById("orders", id)).isPresent();
        app.delete(app.findRecordById("orders", id).orElseThrow());
    }

    @Test
    void dbMapsNamedParameterQueriesToRecords() {
        Totals paid = app.db().queryOne("SELECT COUNT(*) AS orders, SUM(amount) AS total, status FROM orders "
                + "WHERE status = {:status} GROUP BY status", Map.of("status", "paid"), Totals.class).orElseThrow();
        assertThat(paid).isEqualTo(new Totals(2, 40.5, "paid"));
        // :name works too; quoted text and :: are left alone
        assertThat(app.db().query("SELECT ':x' || title AS v FROM orders WHERE amount >= :min ORDER BY amount",
                Map.of("min", 30), String.class)).containsExactly(":xthird");
        assertThat(app.db().query("SELECT COUNT(*) FROM orders", Map.of(), Long.class)).containsExactly(4L);
        assertThatThrownBy(() -> app.db().query("SELECT {:missing}", Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void canAccessRecordAndExpandRecord() {
        Record paid = app.findFirstRecordByData("orders", "title", "first").orElseThrow();
        Record open = app.findFirstRecordByData("orders", "title", "second").orElseThrow();
        Optional<String> viewRule = app.collection("orders").viewRule();
        assertThat(app.canAccessRecord(paid, RequestInfo.NONE, viewRule)).isTrue();
        assertThat(app.canAccessRecord(open, RequestInfo.NONE, viewRule)).isFalse();
        assertThat(app.canAccessRecord(open, RequestInfo.NONE, Optional.empty())).isFalse();
        JsonObject expanded = app.expandRecord(paid, "buyer");
        assertThat(expanded.getJsonObject("expand").getJsonObject("buyer").getString("id")).isEqualTo(alice.id());
        assertThat(app.expandRecords(List.of(paid, open), "buyer")).hasSize(2);
    }

    @Test
    void recordTokensAreAcceptedByTheApi() {
        Record user = app.findRecordById("users", alice.id()).orElseThrow();
        String auth = user.newAuthToken();
        TestServer.Response refreshed = server.send("POST", "/api/collections/users/auth-refresh", auth, null);
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(app.findAuthRecordByToken(auth)).map(Record::id).contains(alice.id());
        assertThat(app.findAuthRecordByToken(auth, "auth")).isPresent();

        String fixed = user.newStaticAuthToken(Duration.ofMinutes(5));
        String payload = new String(java.util.Base64.getUrlDecoder().decode(fixed.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(payload).contains("\"refreshable\":false").contains("\"type\":\"auth\"");
        assertThat(server.send("GET", "/api/collections/orders/records", fixed, null).status()).isEqualTo(200);

        assertThat(app.findAuthRecordByToken(user.newFileToken(), "file")).isPresent();
        assertThat(app.findAuthRecordByToken(user.newPasswordResetToken(), "passwordReset")).isPresent();
        assertThat(app.findAuthRecordByToken(user.newEmailChangeToken("new@example.com"), "emailChange")).isPresent();
        assertThat(app.findAuthRecordByToken(auth, "file")).isEmpty();
        String verification = user.newVerificationToken();
        assertThat(server.send("POST", "/api/collections/users/confirm-verification", null,
                "{\"token\":\"" + verification + "\"}").status()).isEqualTo(204);
        assertThat(app.findRecordById("users", alice.id()).orElseThrow().getBool("verified")).isTrue();
        assertThatThrownBy(() -> app.findAllRecords("orders").getFirst().newAuthToken())
                .isInstanceOf(IllegalStateException.class).hasMessage("not an auth collection record");
    }

    @Test
    void errorsThrownInCustomRoutesAnswerAsPocketBaseToApiError() {
        app.router().post("/api/test/orders", e -> {
            Record r = new Record(e.app().collection("orders"));
            r.set("amount", -5);
            e.app().save(r);
            e.noContent();
        });
        app.router().get("/api/test/orders/{id}", e ->
                e.json(200, e.app().findRecordById("orders", e.pathParam("id")).orElseThrow().publicExport(true, true)));
        app.router().get("/api/test/search", e ->
                e.json(200, Json.createValue(e.app().findRecordsByFilter("orders", e.queryParam("filter"), "", 0, 0, Map.of()).size())));
        app.router().get("/api/test/bug", e -> {
            throw new IllegalStateException("internal detail");
        });

        TestServer.Response invalid = server.send("POST", "/api/test/orders", null, null);
        assertThat(invalid.status()).isEqualTo(400);
        JsonObject body = Json.createReader(new StringReader(invalid.body())).readObject();
        assertThat(body.getString("message")).isEqualTo("Something went wrong while processing your request.");
        assertThat(body.getJsonObject("data").getJsonObject("title").getString("code")).isEqualTo("validation_required");
        assertThat(body.getJsonObject("data").getJsonObject("amount").getString("code")).isEqualTo("validation_min_number_constraint");

        TestServer.Response missing = server.send("GET", "/api/test/orders/nope", null, null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("\"message\":\"The requested resource wasn't found.\"");

        assertThat(server.send("GET", "/api/test/search?filter=title%3D", null, null).status()).isEqualTo(400);
        TestServer.Response bug = server.send("GET", "/api/test/bug", null, null);
        assertThat(bug.status()).isEqualTo(500);
        assertThat(bug.body()).doesNotContain("internal detail");
    }

    @Test
    void collectionsFromCodeAreSavedAndDeleted() {
        Collection notes = app.save(Collection.builder().name("notes").type(Collection.BASE)
                .fields(List.of(TextField.primaryKeyField(), TextField.builder("body").pattern("^[a-z ]*$").build())).build());
        Record note = new Record(notes);
        note.set("body", "UPPER");
        assertThatThrownBy(() -> app.save(note)).isInstanceOfSatisfying(ValidationException.class,
                v -> assertThat(v.errors()).containsKey("body"));
        app.save(note.set("body", "lower"));
        assertThat(app.countRecords("notes")).isEqualTo(1);
        app.delete(app.collection("notes"));
        assertThat(app.findCollection("notes")).isEmpty();
    }
}
