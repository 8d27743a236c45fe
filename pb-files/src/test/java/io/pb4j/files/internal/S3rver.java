package io.pb4j.files.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real S3-compatible server for the tests: {@code s3rver} (npm, pinned in {@code pb-files/s3rver}) on 127.0.0.1 at
 * a free port, over a temporary directory, with one bucket; credentials {@code S3RVER}/{@code S3RVER}. Installed with
 * {@code npm ci} on first use. Node.js 18+ and npm are required: without them the test fails and says so.
 */
public final class S3rver implements AutoCloseable {
    public static final String BUCKET = "pb4j-test";
    public static final String KEY = "S3RVER";

    private final Process process;
    private final Path dir;
    public final int port;

    public S3rver() {
        Path home = home();
        try {
            if (!Files.isDirectory(home.resolve("node_modules").resolve("s3rver"))) {
                run(home, List.of(npm(), "ci", "--no-audit", "--no-fund"));
            }
            dir = Files.createTempDirectory("pb4j-s3rver");
            process = new ProcessBuilder("node", "start.js", dir.toString(), BUCKET).directory(home.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.startsWith("s3rver ")) {
                process.destroy();
                throw new IllegalStateException("s3rver did not start (printed " + line + ")");
            }
            port = Integer.parseInt(line.substring(7).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("the S3 tests need Node.js 18+ and npm on the PATH to run s3rver", e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** {@code pb-files/s3rver} (found from the working directory: the module or the repository root). */
    private static Path home() {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("s3rver").resolve("start.js"))) {
                return d.resolve("s3rver");
            }
            if (Files.isRegularFile(d.resolve("pb-files").resolve("s3rver").resolve("start.js"))) {
                return d.resolve("pb-files").resolve("s3rver");
            }
        }
        throw new IllegalStateException("pb-files/s3rver not found above " + Path.of("").toAbsolutePath());
    }

    private static String npm() {
        return System.getProperty("os.name").toLowerCase().contains("win") ? "npm.cmd" : "npm";
    }

    private static void run(Path dir, List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed in " + dir);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (IOException | InterruptedException e) {
            process.destroy();
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temporary files
        }
    }
}
