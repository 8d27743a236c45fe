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

/**
 * Runs one of {@code e2e/*.e2e.mjs} with node's test runner in Debian's Chromium (through playwright-core, which
 * never downloads a browser): checks the tools, installs e2e/'s node modules when they are missing or stale, and
 * fails, saying what to install, where Chromium or Node.js is missing.
 */
final class NodeE2e {
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

    record Result(int code, String output) {
    }

    final Path dir = Path.of(System.getProperty("pb4j.admin.e2e", "e2e")).toAbsolutePath();
    final Path screenshots;
    final Path chromium = Path.of(System.getenv().getOrDefault("PB4J_CHROMIUM", "/usr/bin/chromium"));

    NodeE2e(String screenshotFolder) throws IOException {
        screenshots = Path.of(System.getProperty("pb4j.admin.screenshots", "target/screenshots")).toAbsolutePath()
                .resolve(screenshotFolder);
        if (!Files.isExecutable(chromium)) {
            fail("Chromium is missing at %s: the dashboard's browser tests need it. Install Debian's with "
                    + "`apt-get install -y chromium` (or set PB4J_CHROMIUM to a Chromium binary)", chromium);
        }
        try {
            Result node = run(List.of("node", "--version"), Map.of(), Duration.ofSeconds(30));
            if (node.code() != 0) {
                fail("the dashboard's browser tests need Node.js 18+ and npm on the PATH (node failed: %s)", node.output());
            }
        } catch (IOException e) {
            fail("the dashboard's browser tests need Node.js 18+ and npm on the PATH (%s)", e.getMessage());
        }
        if (!Files.isDirectory(dir.resolve("node_modules/playwright-core"))
                || Files.getLastModifiedTime(dir.resolve("node_modules")).compareTo(Files.getLastModifiedTime(dir.resolve("package-lock.json"))) < 0) {
            Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), INSTALL_TIMEOUT);
            assertThat(install.code()).as("npm ci in %s:%n%s", dir, install.output()).isZero();
        }
    }

    /** Runs {@code script} against {@code server}; the script sees PB_URL, SCREENSHOTS, CHROMIUM and {@code env}. */
    Result test(String script, DashboardServer server, Map<String, String> env, Duration timeout) throws IOException {
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("PB_URL", server.base);
        all.put("SCREENSHOTS", screenshots.toString());
        all.put("CHROMIUM", chromium.toString());
        all.put("NO_COLOR", "1");
        return run(List.of("node", "--test", "--test-reporter=spec", script), all, timeout);
    }

    private Result run(List<String> command, Map<String, String> env, Duration timeout) throws IOException {
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
