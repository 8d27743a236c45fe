package io.pb4j.cli;

import static io.pb4j.cli.CliRunner.command;
import static io.pb4j.cli.CliRunner.migrationsModule;
import static io.pb4j.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.cli.CliRunner.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pb4j migrate} and {@code serve}'s migrations, each through the real command in its own JVM: this build's
 * modules plus a module of migrations compiled here (from the templates {@code migrate} writes, or by hand), found
 * as a {@code provides io.pb4j.core.migrate.Migration} service.
 */
class MigrateCommandIT {
    private static final String CREATE_POSTS = """
            package m;

            import io.pb4j.core.Collection;
            import io.pb4j.core.PocketBase;
            import io.pb4j.core.migrate.Migration;
            import jakarta.json.Json;
            import java.util.Optional;

            public final class CreatePosts implements Migration {
                public String file() {
                    return "1700000000_create_posts.java";
                }

                public void up(PocketBase app) {
                    app.save(Collection.fromJson(Json.createObjectBuilder().add("name", "posts").add("type", "base")
                            .add("listRule", "").add("fields", Json.createArrayBuilder()
                                    .add(Json.createObjectBuilder().add("name", "title").add("type", "text").add("max", 7)))
                            .build(), Optional.empty()));
                }

                public void down(PocketBase app) {
                    app.delete(app.findCollection("posts").orElseThrow());
                }
            }
            """;

    private static final String BOOM = """
            package m;

            import io.pb4j.core.Collection;
            import io.pb4j.core.PocketBase;
            import io.pb4j.core.migrate.Migration;
            import jakarta.json.Json;
            import java.util.Optional;

            public final class Boom implements Migration {
                public String file() {
                    return "1700000001_boom.java";
                }

                public void up(PocketBase app) {
                    app.save(Collection.fromJson(Json.createObjectBuilder().add("name", "half").add("type", "base").build(),
                            Optional.empty()));
                    throw new IllegalStateException("boom");
                }
            }
            """;

    @TempDir
    Path tmp;

    @Test
    void createWritesAJavaTemplateThatCompilesAndUpAndDownRunIt() throws Exception {
        Path app = tmp.resolve("app");
        Path data = app.resolve("pb_data");
        Result created = run(app, "y\n", command(List.of(), "migrate", "create", "AddPosts", "--dir=pb_data"));
        assertThat(created.exitCode()).as(created.err()).isZero();
        assertThat(created.err()).containsPattern("Do you really want to create migration \"migrations/M\\d+_add_posts\\.java\"\\? \\(y/N\\) ");
        Path source = single(app.resolve("migrations"));
        assertThat(created.out()).isEqualTo("Successfully created file \"migrations/" + source.getFileName() + "\"\n");
        String className = source.getFileName().toString().replace(".java", "");
        String file = className.substring(1) + ".java";
        String template = Files.readString(source);
        assertThat(template).startsWith("package migrations;\n").contains("return \"" + file + "\";", "// add up queries...");

        // the user fills in the blank template: up creates a collection, down drops it
        String filled = template
                .replace("        // add up queries...\n", "        app.save(io.pb4j.core.Collection.fromJson(jakarta.json.Json"
                        + ".createObjectBuilder().add(\"name\", \"notes\").add(\"type\", \"base\").build(), java.util.Optional.empty()));\n")
                .replace("        // add down queries...\n", "        app.delete(app.findCollection(\"notes\").orElseThrow());\n");
        Path module = migrationsModule(tmp.resolve("module"), "app.migrations", List.of("migrations." + className), List.of(filled));

        Result up = run(app, "", command(List.of(module), "migrate", "up", "--dir=" + data));
        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(up.out()).isEqualTo("Applied " + file + "\n");
        assertThat(rows(data, "SELECT file FROM _migrations WHERE file = '" + file + "'")).containsExactly(file);
        assertThat(rows(data, "SELECT name FROM sqlite_master WHERE name = 'notes'")).containsExactly("notes");

        Result again = run(app, "", command(List.of(module), "migrate", "--dir=" + data));
        assertThat(again.out()).isEqualTo("No new migrations to apply.\n");

        Result declined = run(app, "n\n", command(List.of(module), "migrate", "down", "--dir=" + data));
        assertThat(declined.exitCode()).isZero();
        assertThat(declined.err()).isEqualTo("\n" + file + "\nDo you really want to revert the last 1 applied migration(s)? (y/N) ");
        assertThat(declined.out()).isEqualTo("The command has been cancelled\n");
        assertThat(rows(data, "SELECT file FROM _migrations WHERE file = '" + file + "'")).containsExactly(file);

        // a closed stdin answers the default (no) too
        Result noInput = run(app, "", command(List.of(module), "migrate", "down", "--dir=" + data));
        assertThat(noInput.out()).isEqualTo("The command has been cancelled\n");

        Result reverted = run(app, "maybe\nyes\n", command(List.of(module), "migrate", "down", "1", "--dir=" + data));
        assertThat(reverted.exitCode()).as(reverted.err()).isZero();
        assertThat(reverted.out()).isEqualTo("Reverted " + file + "\n");
        assertThat(rows(data, "SELECT file FROM _migrations WHERE file = '" + file + "'")).isEmpty();
        assertThat(rows(data, "SELECT name FROM sqlite_master WHERE name = 'notes'")).isEmpty();
        // PocketBase's system migrations are never reverted
        assertThat(rows(data, "SELECT file FROM _migrations")).hasSize(8).contains("1640988000_init.go");

        Result none = run(app, "y\n", command(List.of(module), "migrate", "down", "--dir=" + data));
        assertThat(none.out()).isEqualTo("No migrations to revert.\n");
    }

    @Test
    void aFailingMigrationRollsTheWholeRunBackAndExitsOneWithItsError() throws Exception {
        Path data = tmp.resolve("pb_data");
        Path module = migrationsModule(tmp.resolve("module"), "boom.migrations", List.of("m.CreatePosts", "m.Boom"),
                List.of(CREATE_POSTS, BOOM));
        Result up = run(tmp, "", command(List.of(module), "migrate", "up", "--dir=" + data));
        assertThat(up.exitCode()).isEqualTo(1);
        assertThat(up.err()).isEqualTo("Error: failed to apply migration 1700000001_boom.java: boom\n");
        assertThat(up.out()).isEmpty();
        assertThat(rows(data, "SELECT file FROM _migrations WHERE file LIKE '1700000000%'")).isEmpty();
        assertThat(rows(data, "SELECT name FROM _collections WHERE name IN ('posts', 'half')")).isEmpty();
        assertThat(rows(data, "SELECT name FROM sqlite_master WHERE name IN ('posts', 'half')")).isEmpty();

        Result unknown = run(tmp, "", command(List.of(), "migrate", "sideways", "--dir=" + data));
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo("Error: unsupported command: \"sideways\"\n");
        Result nameless = run(tmp, "", command(List.of(), "migrate", "create", "--dir=" + data));
        assertThat(nameless.exitCode()).isEqualTo(1);
        assertThat(nameless.err()).isEqualTo("Error: missing migration file name\n");
    }

    @Test
    void collectionsSnapshotRebuildsTheSchemaInAFreshDataDirAndHistorySyncForgetsMissingMigrations() throws Exception {
        Path first = tmp.resolve("first");
        Path postsModule = migrationsModule(tmp.resolve("posts-module"), "posts.migrations", List.of("m.CreatePosts"),
                List.of(CREATE_POSTS));
        assertThat(run(first, "", command(List.of(postsModule), "migrate", "up", "--dir=pb_data")).out())
                .isEqualTo("Applied 1700000000_create_posts.java\n");

        Result snapshot = run(first, "y\n", command(List.of(postsModule), "migrate", "collections", "--dir=pb_data",
                "--migrationsDir=snapshots"));
        assertThat(snapshot.exitCode()).as(snapshot.err()).isZero();
        Path source = single(first.resolve("snapshots"));
        assertThat(source.getFileName().toString()).matches("M\\d+_collections_snapshot\\.java");
        assertThat(snapshot.out()).isEqualTo("Successfully created file \"snapshots/" + source.getFileName() + "\"\n");
        String text = Files.readString(source);
        assertThat(text).startsWith("package snapshots;\n").contains("app.importCollections(jsonArray(jsonData), false);",
                "\"name\": \"posts\"", "\"name\": \"title\"").doesNotContainPattern("\"(created|updated)\": \"\\d");

        String className = source.getFileName().toString().replace(".java", "");
        Path snapshotModule = migrationsModule(tmp.resolve("snapshot-module"), "snapshot.migrations",
                List.of("snapshots." + className), List.of(text));
        Path second = tmp.resolve("second");
        Result up = run(second, "", command(List.of(snapshotModule), "migrate", "up", "--dir=pb_data"));
        assertThat(up.exitCode()).as(up.err()).isZero();
        assertThat(up.out()).isEqualTo("Applied " + className.substring(1) + ".java\n");
        Path data = second.resolve("pb_data");
        assertThat(rows(data, "SELECT listRule FROM _collections WHERE name = 'posts'")).containsExactly("");
        assertThat(rows(data, "SELECT json_extract(value, '$.max') FROM _collections, json_each(fields) "
                + "WHERE name = 'posts' AND json_extract(value, '$.name') = 'title'")).containsExactly("7");

        // without the snapshot module, its history row points at nothing: history-sync drops it, keeps the system ones
        Result sync = run(second, "", command(List.of(), "migrate", "history-sync", "--dir=pb_data"));
        assertThat(sync.exitCode()).as(sync.err()).isZero();
        assertThat(sync.out()).isEqualTo("The _migrations table was synced with the available migrations.\n");
        assertThat(rows(data, "SELECT file FROM _migrations")).hasSize(8).allMatch(f -> f.endsWith(".go"));
    }

    @Test
    void serveAppliesPendingMigrationsAndAutomigrateRecordsEveryCollectionChangeMadeThroughTheApi() throws Exception {
        Path app = tmp.resolve("app");
        Path module = migrationsModule(tmp.resolve("module"), "posts.migrations", List.of("m.CreatePosts"), List.of(CREATE_POSTS));
        Result upsert = run(app, "", command(List.of(), "superuser", "upsert", "mig@example.com", "1234567890", "--dir=pb_data"));
        assertThat(upsert.exitCode()).as(upsert.err()).isZero();
        int port = CliRunner.freePort();
        String base = "http://127.0.0.1:" + port;
        Process server = CliRunner.serve(app, command(List.of(module), "serve", "--http=127.0.0.1:" + port, "--dir=pb_data",
                "--automigrate"), base);
        try {
            assertThat(CliRunner.request("GET", base + "/api/collections/posts/records", null, null).status())
                    .as("the pending migration ran before serving").isEqualTo(200);
            String token = CliRunner.superuserToken(base, "mig@example.com", "1234567890");
            assertThat(CliRunner.request("POST", base + "/api/collections", token,
                    "{\"name\":\"notes\",\"type\":\"base\",\"fields\":[{\"name\":\"body\",\"type\":\"text\"}]}").status()).isEqualTo(200);
            assertThat(CliRunner.request("PATCH", base + "/api/collections/notes", token,
                    "{\"listRule\":\"\",\"fields\":[{\"name\":\"body\",\"type\":\"text\"},{\"name\":\"done\",\"type\":\"bool\"}]}").status())
                    .isEqualTo(200);
            // an update that changes nothing writes nothing; a failed request writes nothing either
            assertThat(CliRunner.request("PATCH", base + "/api/collections/notes", token, "{}").status()).isEqualTo(200);
            assertThat(CliRunner.request("POST", base + "/api/collections", token, "{\"name\":\"\"}").status()).isEqualTo(400);
            assertThat(CliRunner.request("DELETE", base + "/api/collections/notes", token, null).status()).isEqualTo(204);
        } finally {
            server.destroy();
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(server.exitValue()).isZero();

        // in the order they were applied (files written within one second sort by name)
        List<String> recorded = rows(app.resolve("pb_data"), "SELECT file FROM _migrations WHERE file LIKE '%notes.java' ORDER BY applied");
        assertThat(recorded).extracting(f -> f.replaceAll("^\\d+_", ""))
                .containsExactly("created_notes.java", "updated_notes.java", "deleted_notes.java");
        List<Path> written = files(app.resolve("migrations"));
        assertThat(written).extracting(p -> p.getFileName().toString().substring(1)).containsExactlyInAnyOrderElementsOf(recorded);

        // the written migrations compile, and reverting the last one brings back the updated collection
        List<String> sources = new ArrayList<>();
        List<String> providers = new ArrayList<>();
        for (Path p : written) {
            sources.add(Files.readString(p));
            providers.add("migrations." + p.getFileName().toString().replace(".java", ""));
        }
        Path automigrated = migrationsModule(tmp.resolve("auto-module"), "auto.migrations", providers, sources);
        Result down = run(app, "y\n", command(List.of(module, automigrated), "migrate", "down", "--dir=pb_data"));
        assertThat(down.exitCode()).as(down.err()).isZero();
        assertThat(down.out()).isEqualTo("Reverted " + recorded.getLast() + "\n");
        Path data = app.resolve("pb_data");
        assertThat(rows(data, "SELECT listRule FROM _collections WHERE name = 'notes'")).containsExactly("");
        assertThat(rows(data, "SELECT json_extract(value, '$.name') FROM _collections, json_each(fields) WHERE name = 'notes'"))
                .containsExactly("id", "body", "done");
    }

    private static Path single(Path dir) throws Exception {
        List<Path> files = files(dir);
        assertThat(files).hasSize(1);
        return files.getFirst();
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    /** The first column of every row of a query on the data dir's data.db. */
    static List<String> rows(Path dataDir, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("data.db"));
             var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
