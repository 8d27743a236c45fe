package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pb4j.core.Collection;
import io.pb4j.core.PocketBase;
import io.pb4j.core.migrate.Migration;
import io.pb4j.core.migrate.MigrationException;
import jakarta.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The migrations runner over migrations registered in code (the CLI's ITs cover ServiceLoader discovery). */
class MigrationsTest {
    private PocketBase app;
    private final List<String> calls = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        Path dir = Files.createTempDirectory("pb4j-migrations");
        app = PocketBase.create(cfg -> cfg.dataDir(dir));
        app.bootstrap();
    }

    @AfterEach
    void close() {
        app.close();
    }

    private Migration collection(String file, String name) {
        return Migration.of(file, a -> {
            calls.add("up " + file);
            a.save(Collection.fromJson(Json.createObjectBuilder().add("name", name).add("type", "base").build(), Optional.empty()));
        }, a -> {
            calls.add("down " + file);
            a.delete(a.findCollection(name).orElseThrow());
        });
    }

    private List<String> history() {
        return app.store().read(s -> s.query("SELECT file FROM _migrations WHERE file NOT LIKE '%.go' ORDER BY applied", List.of()))
                .stream().map(r -> (String) r.get("file")).toList();
    }

    @Test
    void upAppliesPendingMigrationsInFileOrderOnceAndRecordsThem() {
        app.migrations().register(collection("2_b.java", "bees")).register(collection("1_a.java", "ants"));
        assertThat(app.migrations().up()).containsExactly("1_a.java", "2_b.java");
        assertThat(app.findCollection("ants")).isPresent();
        assertThat(app.findCollection("bees")).isPresent();
        assertThat(history()).containsExactly("1_a.java", "2_b.java");
        assertThat(app.migrations().up()).isEmpty();
        assertThat(calls).containsExactly("up 1_a.java", "up 2_b.java");
    }

    @Test
    void downRevertsTheLastAppliedFirstAndOnlyAsManyAsAsked() {
        app.migrations().register(collection("1_a.java", "ants")).register(collection("2_b.java", "bees"))
                .register(collection("3_c.java", "cats"));
        app.migrations().up();
        assertThat(app.migrations().lastApplied(2)).containsExactly("3_c.java", "2_b.java");
        assertThat(app.migrations().down(2)).containsExactly("3_c.java", "2_b.java");
        assertThat(history()).containsExactly("1_a.java");
        assertThat(app.findCollection("cats")).isEmpty();
        assertThat(app.findCollection("ants")).isPresent();
        assertThat(app.migrations().down(-1)).containsExactly("1_a.java");
        assertThat(app.migrations().down(1)).isEmpty();
        assertThat(history()).isEmpty();
        // PocketBase's system migrations stay recorded
        int rows = app.store().read(s -> s.query("SELECT file FROM _migrations", List.of()).size());
        assertThat(rows).isEqualTo(8);
    }

    @Test
    void aFailingMigrationRollsBackTheWholeRunAndTheCachedSchemaWithIt() {
        app.migrations().register(collection("1_a.java", "ants"))
                .register(Migration.of("2_boom.java", a -> {
                    a.save(Collection.fromJson(Json.createObjectBuilder().add("name", "half").add("type", "base").build(),
                            Optional.empty()));
                    throw new IllegalStateException("boom");
                }, a -> { }));
        assertThatThrownBy(() -> app.migrations().up()).isInstanceOf(MigrationException.class)
                .hasMessage("failed to apply migration 2_boom.java").hasRootCauseMessage("boom");
        assertThat(history()).isEmpty();
        assertThat(app.findCollection("ants")).isEmpty();
        assertThat(app.findCollection("half")).isEmpty();
    }

    @Test
    void historySyncDropsRowsOfMigrationsThatNoLongerExistAndServeAppliesPendingOnes() {
        app.migrations().markApplied("1_gone.java");
        app.migrations().register(collection("2_here.java", "here"));
        app.migrations().markApplied("2_here.java");
        assertThat(app.migrations().historySync()).isEqualTo(1);
        assertThat(history()).containsExactly("2_here.java");

        app.migrations().register(collection("3_new.java", "fresh"));
        app.serve("127.0.0.1", 0);
        assertThat(app.findCollection("fresh")).isPresent();
        assertThat(history()).containsExactly("2_here.java", "3_new.java");
    }
}
