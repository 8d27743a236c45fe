package io.pb4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM to the image's {@code pb4j serve}: the in-flight request completes, the data dir is left clean, exit 0. */
class ShutdownIT {
    private static final String LAUNCHER = CliRunner.IMAGE.resolve("bin/pb4j").toString();
    /** A read that keeps SQLite busy for a few seconds. */
    private static final String SLOW_QUERY = "{\"query\":\"with recursive c(x) as (select 1 union all select x + 1 from c "
            + "where x < 6000000) select count(*) from c\"}";

    @TempDir
    Path tmp;

    @Test
    void sigtermLetsTheInFlightRequestFinishThenClosesTheDatabaseAndExitsZero() throws Exception {
        CliRunner.Result upsert = CliRunner.run(tmp, "", List.of(LAUNCHER, "superuser", "upsert", "stop@example.com",
                "1234567890", "--dir=pb_data"));
        assertThat(upsert.exitCode()).as(upsert.err()).isZero();
        int port = CliRunner.freePort();
        String base = "http://127.0.0.1:" + port;
        Process server = CliRunner.serve(tmp, List.of(LAUNCHER, "serve", "--http=127.0.0.1:" + port, "--dir=pb_data"), base);
        try {
            String token = CliRunner.superuserToken(base, "stop@example.com", "1234567890");
            // a write leaves WAL content behind, so the checkpoint on close has work to do
            assertThat(CliRunner.request("POST", base + "/api/collections", token, "{\"name\":\"kept\",\"type\":\"base\"}").status())
                    .isEqualTo(200);
            assertThat(tmp.resolve("pb_data/data.db-wal")).exists();

            long started = System.nanoTime();
            CompletableFuture<CliRunner.Response> slow = CompletableFuture.supplyAsync(() -> {
                try {
                    return CliRunner.request("POST", base + "/api/sql", token, SLOW_QUERY);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(500); // the request is being answered
            assertThat(slow).isNotDone();
            server.destroy(); // SIGTERM

            CliRunner.Response answer = slow.get(30, TimeUnit.SECONDS);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).contains("\"rows\":[[\"6000000\"]]");
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
            System.out.printf("slow request %d ms; stopped %d ms after the start of the request%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            assertThat(server.exitValue()).as("exit status; stderr: %s", Files.readString(tmp.resolve("serve.err"))).isZero();
            assertThat(CliRunner.status(base + "/api/health")).as("no longer accepting (-1 = refused)").isEqualTo(-1);
        } finally {
            server.destroyForcibly();
        }
        // the WAL was checkpointed into data.db and removed with the last connection
        assertThat(tmp.resolve("pb_data/data.db-wal")).doesNotExist();
        assertThat(tmp.resolve("pb_data/auxiliary.db-wal")).doesNotExist();
        assertThat(MigrateCommandIT.rows(tmp.resolve("pb_data"), "SELECT name FROM _collections WHERE name = 'kept'"))
                .containsExactly("kept");
    }

    @Test
    void versionAndAFailedServeFollowPocketBasesExitCodes() throws Exception {
        CliRunner.Result version = CliRunner.run(tmp, "", List.of(LAUNCHER, "--version"));
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("pb4j version ");
        assertThat(CliRunner.run(tmp, "", List.of(LAUNCHER, "-v")).out()).isEqualTo(version.out());

        try (var busy = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliRunner.Result serve = CliRunner.run(tmp, "", List.of(LAUNCHER, "serve", "--http=127.0.0.1:" + busy.getLocalPort(),
                    "--dir=pb_data"));
            assertThat(serve.exitCode()).isEqualTo(1);
            assertThat(serve.err()).contains("Error: listen tcp 127.0.0.1:" + busy.getLocalPort() + ": bind: address already in use\n");
        }
    }
}
