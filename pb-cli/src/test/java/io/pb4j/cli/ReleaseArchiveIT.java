package io.pb4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive ({@code ./build dist}, made in pb-cli's package phase) unpacked where no JDK is: {@code env -i}
 * with a PATH holding only {@code dirname} and {@code readlink}, no JAVA_HOME, and {@code ./pb4j serve} answers.
 */
class ReleaseArchiveIT {
    private static final Path DIST = Path.of(System.getProperty("pb4j.dist", "target"));
    /** The download stays small: the limit for the image. */
    private static final long MAX_ARCHIVE_BYTES = 60L * 1000 * 1000;

    @TempDir
    Path tmp;

    @Test
    void theArchiveRunsServeWithABareEnvironmentAndNoJdk() throws Exception {
        Path archive = archive();
        assertThat(archive.getFileName().toString()).matches("pb4j-[0-9][^/]*-linux-(x64|arm64)\\.tar\\.gz");
        assertThat(Files.size(archive)).isLessThan(MAX_ARCHIVE_BYTES);
        String folder = archive.getFileName().toString().replace(".tar.gz", "");

        Path unpacked = tmp.resolve("unpacked");
        Files.createDirectories(unpacked);
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", unpacked.toString()).inheritIO().start();
        assertThat(tar.waitFor(60, TimeUnit.SECONDS) && tar.exitValue() == 0).as("tar -xzf").isTrue();
        try (Stream<Path> top = Files.list(unpacked)) {
            assertThat(top.map(p -> p.getFileName().toString()).toList()).containsExactly(folder);
        }
        Path home = unpacked.resolve(folder);
        assertThat(home.resolve("pb4j")).isExecutable();
        assertThat(home.resolve("bin/java")).isExecutable();
        assertThat(home.resolve("README.md")).isRegularFile();
        assertThat(home.resolve("legal")).isDirectory();

        // a PATH with the two tools the launcher uses and nothing else: no java, no JDK
        Path bin = tmp.resolve("bare-bin");
        Files.createDirectories(bin);
        for (String tool : List.of("dirname", "readlink")) {
            Files.createSymbolicLink(bin.resolve(tool), Path.of("/usr/bin", tool));
        }
        int port = CliRunner.freePort();
        String base = "http://127.0.0.1:" + port;
        Path work = tmp.resolve("work");
        Files.createDirectories(work);
        ProcessBuilder serve = new ProcessBuilder(home.resolve("pb4j").toString(), "serve", "--http=127.0.0.1:" + port,
                "--dir=pb_data").directory(work.toFile())
                .redirectOutput(work.resolve("serve.out").toFile()).redirectError(work.resolve("serve.err").toFile());
        Map<String, String> env = serve.environment();
        env.clear();
        env.put("PATH", bin.toString());
        Process server = serve.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (CliRunner.status(base + "/api/health") != 200 && server.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(CliRunner.request("GET", base + "/api/health", null, null).body())
                    .as("stdout: %s%nstderr: %s", Files.readString(work.resolve("serve.out")),
                            Files.readString(work.resolve("serve.err")))
                    .contains("\"code\":200");
            assertThat(work.resolve("pb_data/data.db")).exists();
        } finally {
            server.destroy();
            server.waitFor(20, TimeUnit.SECONDS);
            server.destroyForcibly();
        }
        assertThat(server.exitValue()).isZero();
    }

    private static Path archive() throws Exception {
        try (Stream<Path> files = Files.list(DIST)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().matches("pb4j-.*\\.tar\\.gz")).toList();
            assertThat(found).as("the release archive in %s", DIST).hasSize(1);
            return found.getFirst();
        }
    }
}
