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
 * Runs one browser test file of {@code e2e/} with node against a live server: checks that Chromium and Node.js are
 * there (failing with what to install, never skipping), installs playwright-core when the lock file is newer, and
 * asserts node's test runner passed every test.
 */
final class E2eRun {
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);

    private E2eRun() {
    }

    /** The process's exit code and what it printed. */
    record Result(int code, String output) {
    }

    static Path chromium() {
        Path chromium = Path.of(System.getenv().getOrDefault("PB4J_CHROMIUM", "/usr/bin/chromium"));
        if (!Files.isExecutable(chromium)) {
            fail("Chromium is missing at %s: the dashboard's browser tests need it. Install Debian's with "
                    + "`apt-get install -y chromium` (or set PB4J_CHROMIUM to a Chromium binary)", chromium);
        }
        return chromium;
    }

    static Path e2eDir() throws IOException {
        Path e2e = Path.of(System.getProperty("pb4j.admin.e2e", "e2e")).toAbsolutePath();
        try {
            Result r = run(e2e, List.of("node", "--version"), Map.of(), Duration.ofSeconds(30));
            if (r.code() != 0) {
                fail("the dashboard's browser tests need Node.js 18+ and npm on the PATH (node --version: %s)", r.output());
            }
        } catch (IOException e) {
            fail("the dashboard's browser tests need Node.js 18+ and npm on the PATH (%s)", e.getMessage());
        }
        if (!Files.isDirectory(e2e.resolve("node_modules/playwright-core"))
                || Files.getLastModifiedTime(e2e.resolve("node_modules")).compareTo(Files.getLastModifiedTime(e2e.resolve("package-lock.json"))) < 0) {
            Result install = run(e2e, List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), INSTALL_TIMEOUT);
            assertThat(install.code()).as("npm ci in %s:%n%s", e2e, install.output()).isZero();
        }
        return e2e;
    }

    static Path screenshots() {
        return Path.of(System.getProperty("pb4j.admin.screenshots", "target/screenshots")).toAbsolutePath();
    }

    /** Runs `node --test` on one file and asserts every test in it passed, none skipped. */
    static Result nodeTests(String file, Map<String, String> env, Duration timeout) throws IOException {
        Path e2e = e2eDir();
        Result result = run(e2e, List.of("node", "--test", "--test-reporter=spec", file), env, timeout);
        System.out.println(result.output());
        assertThat(result.code()).as("the browser tests of %s (screenshots in %s):%n%s", file, screenshots(), result.output()).isZero();
        assertThat(result.output()).containsPattern("ℹ fail 0\\n").containsPattern("ℹ pass [1-9]").contains("ℹ skipped 0\n");
        return result;
    }

    static Result run(Path dir, List<String> command, Map<String, String> env, Duration timeout) throws IOException {
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
