package io.pb4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image on PostgreSQL (embedded, on 127.0.0.1): {@code migrate-store} copies PocketBase's test data into it, and
 * {@code serve --db=…} (or {@code PB4J_DB}) serves the copy's records. That needs an image built with
 * {@code -Dpb4j.postgres}; the default image has no PostgreSQL store and each command says so, touching nothing.
 */
class PostgresImageIT {
    private static final Path LAUNCHER = CliRunner.IMAGE.resolve("bin/pb4j");
    private static EmbeddedPostgres pg;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws IOException {
        pg = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
    }

    @AfterAll
    static void stop() throws IOException {
        pg.close();
    }

    private String newDatabase(String name) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C'");
        }
        return "postgres://postgres:postgres@127.0.0.1:" + pg.getPort() + "/" + name;
    }

    private Path fixtureCopy() throws IOException {
        Path source = Path.of(System.getProperty("pb4j.root", "..")).resolve("fixtures/pocketbase-test-data");
        Path target = tmp.resolve("pb_data");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }

    private CliRunner.Result launch(List<String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        ProcessBuilder b = new ProcessBuilder(command);
        for (int i = 0; i < env.size(); i += 2) {
            b.environment().put(env.get(i), env.get(i + 1));
        }
        Path out = Files.createTempFile(tmp, "run", ".out");
        Path err = Files.createTempFile(tmp, "run", ".err");
        Process p = b.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command + " did not finish within 120 s");
        }
        return new CliRunner.Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static long tablesIn(String database) throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/" + database,
                "postgres", "postgres"); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void migrateStoreThenServeFromPostgres() throws Exception {
        Path data = fixtureCopy();
        String url = newDatabase("image_copy");
        if (!CliRunner.imageHas("io.pb4j.store.postgres")) {
            CliRunner.Result refused = launch(List.of(), "migrate-store", "--from=" + data, "--to=" + url);
            assertThat(refused.exitCode()).isEqualTo(1);
            assertThat(refused.err()).contains("this pb4j has no PostgreSQL store");
            CliRunner.Result serve = launch(List.of(), "serve", "--http=127.0.0.1:0", "--dir=" + data, "--db=" + url);
            assertThat(serve.exitCode()).isEqualTo(1);
            assertThat(serve.err()).contains("no store provider named 'postgres'; available: [sqlite]");
            assertThat(tablesIn("image_copy")).isZero();
            return;
        }
        CliRunner.Result copy = launch(List.of(), "migrate-store", "--from=" + data, "--to=" + url);
        assertThat(copy.exitCode()).as(copy.err()).isZero();
        assertThat(copy.out()).containsPattern("demo1\\s+\\d+ rows").contains("every row count verified");

        CliRunner.Result again = launch(List.of(), "migrate-store", "--from=" + data, "--to=" + url);
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already holds an app");

        int port = CliRunner.freePort();
        String base = "http://127.0.0.1:" + port;
        Process server = CliRunner.serve(tmp.resolve("run1"), List.of(LAUNCHER.toString(), "serve",
                "--http=127.0.0.1:" + port, "--dir=" + data, "--db=" + url), base);
        try {
            String token = CliRunner.superuserToken(base, "test@example.com", "1234567890");
            CliRunner.Response list = CliRunner.request("GET", base + "/api/collections/demo1/records?perPage=1", token, null);
            assertThat(list.status()).as(list.body()).isEqualTo(200);
            assertThat(list.body()).contains("\"totalItems\":3");
            CliRunner.Response created = CliRunner.request("POST", base + "/api/collections/demo1/records", token,
                    "{\"text\":\"from the image\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(200);
        } finally {
            server.destroy();
            server.waitFor(20, TimeUnit.SECONDS);
        }
        // the record is in PostgreSQL, not in the data dir's SQLite file
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pg.getPort()
                + "/image_copy", "postgres", "postgres"); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM demo1 WHERE text = 'from the image'")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(1);
        }
    }

    @Test
    void pb4jDbPicksPostgresForAFreshApp() throws Exception {
        String url = newDatabase("image_env");
        int port = CliRunner.freePort();
        String base = "http://127.0.0.1:" + port;
        Path dir = tmp.resolve("fresh");
        CliRunner.Result upsert = launch(List.of("PB4J_DB", url), "superuser", "upsert", "pg@example.com", "1234567890",
                "--dir=" + dir);
        if (!CliRunner.imageHas("io.pb4j.store.postgres")) {
            assertThat(upsert.exitCode()).isEqualTo(1);
            assertThat(upsert.err()).contains("no store provider named 'postgres'");
            assertThat(dir.resolve("data.db")).doesNotExist();
            assertThat(tablesIn("image_env")).isZero();
            return;
        }
        assertThat(upsert.exitCode()).as(upsert.err()).isZero();
        ProcessBuilder b = new ProcessBuilder(LAUNCHER.toString(), "serve", "--http=127.0.0.1:" + port, "--dir=" + dir);
        b.environment().put("PB4J_DB", url);
        Files.createDirectories(tmp.resolve("run2"));
        Process server = b.redirectOutput(tmp.resolve("run2/out").toFile()).redirectError(tmp.resolve("run2/err").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (CliRunner.status(base + "/api/health") != 200 && System.nanoTime() < deadline && server.isAlive()) {
                Thread.sleep(50);
            }
            String token = CliRunner.superuserToken(base, "pg@example.com", "1234567890");
            CliRunner.Response users = CliRunner.request("GET", base + "/api/collections/users/records", token, null);
            assertThat(users.status()).as(users.body()).isEqualTo(200);
        } finally {
            server.destroy();
            server.waitFor(20, TimeUnit.SECONDS);
        }
        assertThat(dir.resolve("data.db")).doesNotExist();
    }
}
