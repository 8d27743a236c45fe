package io.pb4j.store.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pb4j.core.Collection;
import io.pb4j.core.PocketBase;
import io.pb4j.core.RecordQuery;
import io.pb4j.store.postgres.StoreMigration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PocketBase's own test pb_data copied into PostgreSQL: every row counted, and the app opens on the copy. */
class StoreMigrationTest {
    @TempDir
    Path dir;

    private Path fixture() throws IOException {
        Path source = Path.of("..", "fixtures", "pocketbase-test-data").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = dir.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return dir;
    }

    @Test
    void copiesAPocketBaseDataDirAndTheAppServesFromIt() throws Exception {
        Path data = fixture();
        String url = TestPostgres.newDatabase();
        StoreMigration.Report report = StoreMigration.copy(data, url);
        assertThat(report.tables()).extracting(StoreMigration.Table::name)
                .contains("_collections", "_params", "_migrations", "users", "demo1", "_superusers", "_logs");
        assertThat(report.tables()).allSatisfy(t -> assertThat(t.copiedRows()).isEqualTo(t.sourceRows()));
        assertThat(report.rows()).isGreaterThan(50);
        assertThat(report.views()).isNotEmpty();

        System.setProperty(PostgresUrl.PROPERTY, url);
        try (PocketBase app = PocketBase.create(cfg -> cfg.dataDir(data).store("postgres"))) {
            app.bootstrap();
            Collection demo1 = app.findCollection("demo1").orElseThrow();
            long sqliteCount = report.tables().stream().filter(t -> t.name().equals("demo1")).findFirst().orElseThrow().sourceRows();
            assertThat(app.search(demo1, RecordQuery.builder().perPage(500).build()).totalItems()).isEqualTo(sqliteCount);
            Collection users = app.findCollection("users").orElseThrow();
            assertThat(app.findFirstRecordByData(users, "email", "test@example.com")).isPresent();
        } finally {
            System.clearProperty(PostgresUrl.PROPERTY);
        }

        assertThatThrownBy(() -> StoreMigration.copy(data, url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already holds an app");
    }

    @Test
    void refusesADirWithoutData() {
        assertThatThrownBy(() -> StoreMigration.copy(dir, TestPostgres.newDatabase()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no data.db");
        assertThat(List.of()).isEmpty();
    }
}
