package io.pb4j.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in a real browser: {@code e2e/dashboard.e2e.mjs} drives Debian's Chromium through playwright-core
 * (which never downloads a browser) against a fresh server started here, from the installer link it printed to records
 * with a file and a relation. Screenshots go to {@code target/screenshots}. A missing Chromium or Node.js fails the
 * test with what to install: a green build means the browser really ran.
 */
class DashboardE2eTest {
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(4);

    @Test
    void theDashboardWorksInChromiumFromInstallToRecords() throws Exception {
        Path chromium = Path.of(System.getenv().getOrDefault("PB4J_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            fail("Chromium is missing at %s: the dashboard's browser tests need it. Install Debian's with "
                    + "`apt-get install -y chromium` (or set PB4J_CHROMIUM to a Chromium binary)", chromium);
        }
        Path e2e = Path.of(System.getProperty("pb4j.admin.e2e", "e2e")).toAbsolutePath();
        Path screenshots = Path.of(System.getProperty("pb4j.admin.screenshots", "target/screenshots")).toAbsolutePath();
        requireTool(e2e, List.of("node", "--version"));
        if (!Files.isDirectory(e2e.resolve("node_modules/playwright-core"))
                || Files.getLastModifiedTime(e2e.resolve("node_modules")).compareTo(Files.getLastModifiedTime(e2e.resolve("package-lock.json"))) < 0) {
            Result install = run(e2e, List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), INSTALL_TIMEOUT);
            assertThat(install.code()).as("npm ci in %s:%n%s", e2e, install.output()).isZero();
        }
        try (DashboardServer server = new DashboardServer(false)) {
            assertThat(server.installerLink()).as("the installer link in:%n%s", server.startOutput).isNotEmpty();
            Result result = run(e2e, List.of("node", "--test", "--test-reporter=spec", "dashboard.e2e.mjs"), Map.of(
                    "PB_URL", server.base,
                    "PB_INSTALL_LINK", server.installerLink(),
                    "SCREENSHOTS", screenshots.toString(),
                    "CHROMIUM", chromium.toString(),
                    "PB_MAIL_FILE", server.mailFile().toString(),
                    "NO_COLOR", "1"), RUN_TIMEOUT);
            System.out.println(result.output());
            assertThat(result.code()).as("the browser tests (screenshots in %s):%n%s", screenshots, result.output()).isZero();
            assertThat(result.output()).containsPattern("ℹ fail 0\\n").containsPattern("ℹ pass [1-9]").contains("ℹ skipped 0\n");
        }
        try (var shots = Files.list(screenshots)) {
            assertThat(shots.filter(p -> p.toString().endsWith(".png")).count()).isGreaterThanOrEqualTo(10);
        }
    }

    private record Result(int code, String output) {
    }

    private static void requireTool(Path dir, List<String> command) {
        try {
            Result r = run(dir, command, Map.of(), Duration.ofSeconds(30));
            if (r.code() != 0) {
                fail("the dashboard's browser tests need Node.js 18+ and npm on the PATH (`%s` failed: %s)", String.join(" ", command), r.output());
            }
        } catch (IOException e) {
            fail("the dashboard's browser tests need Node.js 18+ and npm on the PATH (%s)", e.getMessage());
        }
    }

    private static Result run(Path dir, List<String> command, Map<String, String> env, Duration timeout) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Path log = Files.createTempFile("pb4j-e2e", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return new Result(-1, "timed out after " + timeout + "\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
