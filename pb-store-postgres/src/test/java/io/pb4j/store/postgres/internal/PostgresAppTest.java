package io.pb4j.store.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pb4j.core.Collection;
import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import io.pb4j.core.RecordQuery;
import io.pb4j.core.ValidationException;
import io.pb4j.core.spi.StoreException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A whole pb4j app on a fresh PostgreSQL database: its schema, records, filters, unique indexes, timeouts. */
class PostgresAppTest {
    @TempDir
    Path dir;
    PocketBase app;

    @BeforeEach
    void open() {
        System.setProperty(PostgresUrl.PROPERTY, TestPostgres.newDatabase());
        app = PocketBase.create(cfg -> cfg.dataDir(dir).store("postgres").queryTimeout(Duration.ofSeconds(1)));
        app.bootstrap();
    }

    @AfterEach
    void close() throws Exception {
        System.clearProperty(PostgresUrl.PROPERTY);
        app.close();
    }

    private Collection posts() {
        JsonObject posts = Json.createReader(new StringReader("""
                {"name":"posts","type":"base","listRule":"","viewRule":"","fields":[
                  {"name":"title","type":"text"},
                  {"name":"n","type":"number"},
                  {"name":"ok","type":"bool"},
                  {"name":"tags","type":"select","maxSelect":3,"values":["a","b","c"]},
                  {"name":"data","type":"json"},
                  {"name":"when","type":"date"},
                  {"name":"place","type":"geoPoint"}],
                 "indexes":["CREATE UNIQUE INDEX `idx_posts_title` ON `posts` (`title`)"]}""")).readObject();
        app.importCollections(List.of(posts), false);
        return app.findCollection("posts").orElseThrow();
    }

    private Record post(Collection c, String title, int n, boolean ok, List<String> tags, String data) {
        Record r = Record.create(c);
        r.set("title", title).set("n", n).set("ok", ok).set("tags", tags).set("data", Json.createReader(new StringReader(data)).readValue());
        r.set("when", "2024-03-0" + Math.max(1, n) + " 10:00:00.000Z");
        r.set("place", Json.createObjectBuilder().add("lon", 23.32 + n).add("lat", 42.69).build());
        return app.save(r);
    }

    private List<String> titles(Collection c, String filter, String sort) {
        return app.search(c, RecordQuery.builder().filter(filter).sort(sort).perPage(100).build()).items().stream()
                .map(r -> r.getString("title")).toList();
    }

    @Test
    void aFreshDatabaseGetsPocketBasesSystemCollectionsAndUsers() {
        assertThat(app.collections().stream().map(Collection::name))
                .contains("_superusers", "users", "_mfas", "_otps", "_externalAuths", "_authOrigins");
        assertThat(app.settings().getJsonObject("meta").getString("appName")).isEqualTo("Acme");
        Long migrations = app.store().read(s -> (Long) s.query("SELECT COUNT(*) AS n FROM _migrations", List.of()).getFirst().get("n"));
        assertThat(migrations).isPositive();
    }

    @Test
    void recordsRoundTripWithSqliteTypes() {
        Collection c = posts();
        Record saved = post(c, "Hello", 2, true, List.of("a", "b"), "{\"x\":5,\"y\":\"z\"}");
        Record read = app.findRecordById(c, saved.id()).orElseThrow();
        assertThat(read.getString("title")).isEqualTo("Hello");
        assertThat(read.getInt("n")).isEqualTo(2);
        assertThat(read.getBool("ok")).isTrue();
        assertThat(read.getStringSlice("tags")).containsExactly("a", "b");
        assertThat(read.publicExport(false, false).getJsonObject("data").getInt("x")).isEqualTo(5);
        assertThat(read.publicExport(false, false).get("n").toString()).isEqualTo("2");
    }

    @Test
    void filtersAndSortsCompileForPostgres() {
        Collection c = posts();
        post(c, "Hello", 1, true, List.of("a"), "{\"x\":1}");
        post(c, "world", 2, false, List.of("b", "c"), "{\"x\":2}");
        post(c, "HELLO again", 3, true, List.of(), "{\"x\":3}");
        assertThat(titles(c, "n > 1 && ok = true", "")).containsExactly("HELLO again");
        assertThat(titles(c, "title ~ 'hello'", "-n")).containsExactly("HELLO again", "Hello");
        assertThat(titles(c, "tags:each ?= 'c'", "")).containsExactly("world");
        assertThat(titles(c, "tags:length = 0", "")).containsExactly("HELLO again");
        assertThat(titles(c, "data.x >= 2", "n")).containsExactly("world", "HELLO again");
        assertThat(titles(c, "title != '' && ok != false", "@rowid")).containsExactly("Hello", "HELLO again");
        assertThat(titles(c, "when >= '2024-03-02 00:00:00.000Z'", "-when")).containsExactly("HELLO again", "world");
        assertThat(titles(c, "strftime('%Y-%m', when) = '2024-03' && n = 1", "")).containsExactly("Hello");
        assertThat(titles(c, "", "-title")).containsExactly("world", "Hello", "HELLO again");
        assertThat(titles(c, "geoDistance(place.lon, place.lat, 24.3, 42.7) < 50", "")).containsExactly("Hello");
        assertThat(app.search(c, RecordQuery.builder().filter("ok = true").perPage(1).build()).totalItems()).isEqualTo(2);
    }

    @Test
    void aUniqueIndexRefusesADuplicateAndNothingIsHalfWritten() {
        Collection c = posts();
        post(c, "same", 1, true, List.of(), "null");
        assertThatThrownBy(() -> post(c, "same", 2, true, List.of(), "null"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors().toString()).contains("validation_not_unique"));
        assertThat(titles(c, "", "")).containsExactly("same");
        // the writer connection is usable after the failure
        post(c, "other", 2, true, List.of(), "null");
        assertThat(titles(c, "", "n")).containsExactly("same", "other");
    }

    @Test
    void aReadPastTheQueryTimeoutFailsAndTheStoreServesOn() {
        assertThatThrownBy(() -> app.store().read(s -> s.query("SELECT pg_sleep(5) AS x", List.of())))
                .isInstanceOf(StoreException.class).hasMessageContaining("query timeout");
        assertThat(app.store().read(s -> s.query("SELECT 1 AS one", List.of())).getFirst()).isEqualTo(Map.of("one", 1));
    }

    @Test
    void collectionChangesMigrateTheTable() {
        Collection c = posts();
        post(c, "kept", 1, true, List.of("a"), "null");
        JsonObject renamed = Json.createReader(new StringReader("""
                {"name":"articles","type":"base","fields":[
                  {"name":"heading","type":"text"},
                  {"name":"tags","type":"select","maxSelect":1,"values":["a","b","c"]}]}""")).readObject();
        Collection changed = c.toBuilder().name("articles").build();
        app.save(changed);
        Collection articles = app.findCollection("articles").orElseThrow();
        assertThat(app.search(articles, RecordQuery.builder().build()).items()).hasSize(1);
        assertThat(renamed).isNotNull();
    }
}
