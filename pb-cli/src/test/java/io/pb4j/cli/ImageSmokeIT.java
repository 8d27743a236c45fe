package io.pb4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the jlink image the build just made, as a user would: {@code bin/pb4j serve}, then {@code superuser}. */
class ImageSmokeIT {
    private static final Path IMAGE = Path.of(System.getProperty("pb4j.image", "target/image"));
    private static final Path LAUNCHER = IMAGE.resolve("bin/pb4j");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    @Test
    void servesHealthPrintsTheBannerAndUpsertsASuperuser() throws Exception {
        Path dataDir = tmp.resolve("pb_data");
        int port = freePort();
        Path out = tmp.resolve("serve.out");
        Path err = tmp.resolve("serve.err");
        long started = System.nanoTime();
        Process server = new ProcessBuilder(LAUNCHER.toString(), "serve", "--http=127.0.0.1:" + port, "--dir=" + dataDir)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        var tree = new ArrayList<ProcessHandle>(); // what to kill even if a shell in front of java has gone
        try {
            String base = "http://127.0.0.1:" + port;
            long deadline = started + START_TIMEOUT.toNanos();
            while (status(base + "/api/health") != 200) {
                if (!server.isAlive()) {
                    fail("pb4j serve exited with %d before answering:%n%s%s", server.exitValue(), read(out), read(err));
                }
                if (System.nanoTime() > deadline) {
                    fail("no 200 from /api/health within %s:%n%s%s", START_TIMEOUT, read(out), read(err));
                }
                Thread.sleep(20);
            }
            server.descendants().forEach(tree::add);
            System.out.printf("process start to first 200 on /api/health: %d ms%n",
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));

            // the banner follows serve() returning; give it the same bounded wait
            while (!read(out).contains("Dashboard") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(read(out))
                    .containsPattern("\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2} Server started at " + base + "\n")
                    .contains("├─ REST API:  " + base + "/api/\n")
                    .contains("└─ Dashboard: " + base + "/_/\n");

            Result upsert = run("superuser", "upsert", "smoke@example.com", "1234567890", "--dir=" + dataDir);
            assertThat(upsert.exitCode()).as("superuser upsert exit code; stderr: %s", upsert.err()).isZero();
            assertThat(upsert.out()).contains("Successfully saved superuser \"smoke@example.com\"!");

            // SIGTERM to the launcher must stop the server itself, not just a shell in front of it
            server.destroy();
            assertThat(server.waitFor(15, TimeUnit.SECONDS)).as("pb4j serve stopped within 15 s of SIGTERM").isTrue();
            assertThat(status(base + "/api/health")).as("status after SIGTERM (-1 = connection refused)").isEqualTo(-1);
        } finally {
            server.descendants().forEach(tree::add);
            tree.forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly();
        }
    }

    @Test
    void unknownCommandPrintsUsageOnStderrAndExitsOne() throws Exception {
        Result result = run("nonsense");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("unknown command \"nonsense\"", "Usage:", "pb4j [command]");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void helpListsTheCommands() throws Exception {
        Result result = run("--help");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("serve", "superuser", "--dir string");
    }

    private record Result(int exitCode, String out, String err) {}

    private Result run(String... args) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(tmp, "run", ".out");
        Path err = Files.createTempFile(tmp, "run", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("%s did not finish within 60 s", command);
        }
        return new Result(process.exitValue(), read(out), read(err));
    }

    private static int status(String url) {
        try {
            var connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(5000);
            try {
                return connection.getResponseCode();
            } finally {
                connection.disconnect();
            }
        } catch (IOException notYet) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
