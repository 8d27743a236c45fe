package io.pb4j.http;

import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the node suite in {@code compat/} — the official {@code pocketbase} npm SDK, unchanged — against
 * a fresh pb4j server. Node.js and npm are required: a missing toolchain fails the test rather than
 * skipping it, so a green build always means the SDK really ran.
 */
class SdkCompatibilityTest {
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration SUITE_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
    private static final int MIN_NODE_MAJOR = 18;
    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    @Test
    void officialJsSdkPassesTheCompatibilitySuite() throws IOException {
        Path compat = compatDir();
        List<String> command = nodeTests(compat, "test");
        try (TestServer server = new TestServer(); FakeOAuth2Provider oauth2 = FakeOAuth2Provider.start();
             TestMailServer mail = new TestMailServer()) {
            BatchApiTest.batchSettings(server, true, 50, 3); // batch.test.mjs; off by default, as in PocketBase
            mail.configure(server); // auth-mail.test.mjs reads the mails over POP3
            run(compat, command, Map.of(
                    "PB_URL", server.base,
                    "PB_OAUTH2_URL", oauth2.url(), // auth-flows.test.mjs signs in with GitLab at this fake provider
                    "PB_MAIL_POP3", "127.0.0.1:" + mail.pop3Port(),
                    "PB_SUPERUSER_EMAIL", TestServer.SUPERUSER_EMAIL,
                    "PB_SUPERUSER_PASSWORD", TestServer.SUPERUSER_PASSWORD,
                    "NO_COLOR", "1"), SUITE_TIMEOUT, "the SDK compatibility suite");
        }
    }

    /** {@code compat/restore}: a restore swaps the whole data dir, so it gets a server of its own. */
    @Test
    void officialJsSdkRestoresABackup() throws IOException {
        Path compat = compatDir();
        List<String> command = nodeTests(compat, "restore");
        try (TestServer server = new TestServer()) {
            run(compat, command, Map.of(
                    "PB_URL", server.base,
                    "PB_SUPERUSER_EMAIL", TestServer.SUPERUSER_EMAIL,
                    "PB_SUPERUSER_PASSWORD", TestServer.SUPERUSER_PASSWORD,
                    "NO_COLOR", "1"), SUITE_TIMEOUT, "the SDK restore suite");
        }
    }

    @Test
    void officialJsSdkWorksOnPocketBasesOwnData() throws IOException {
        Path compat = compatDir();
        List<String> command = nodeTests(compat, "fixture");
        try (TestServer server = TestServer.onFixture()) {
            run(compat, command, Map.of("PB_URL", server.base, "NO_COLOR", "1"), SUITE_TIMEOUT, "the SDK suite on PocketBase's data");
        }
    }

    /**
     * Runs the suite's files whose names contain one of {@code only} against the server at {@code base} (ClusterTest:
     * two nodes behind a proxy), failing when any test fails.
     */
    static void runSample(String base, List<String> only) throws IOException {
        Path compat = compatDir();
        List<String> command = new ArrayList<>(nodeTests(compat, "test"));
        command.removeIf(arg -> arg.startsWith("test/") && only.stream().noneMatch(arg::contains));
        run(compat, command, Map.of("PB_URL", base, "PB_SUPERUSER_EMAIL", TestServer.SUPERUSER_EMAIL,
                "PB_SUPERUSER_PASSWORD", TestServer.SUPERUSER_PASSWORD, "NO_COLOR", "1"), SUITE_TIMEOUT,
                "a sample of the SDK suite through the cluster's proxy");
    }

    /**
     * Runs every test file of {@code folder} ({@code test} or {@code fixture}) with {@code env} (PB_URL and the rest, as
     * the tests above pass them), failing when any test fails: {@link TwoNodeSuitesTest} runs them through two nodes.
     */
    static void runFolder(String folder, Map<String, String> env, Duration timeout) throws IOException {
        Path compat = compatDir();
        run(compat, nodeTests(compat, folder), env, timeout, "the SDK suite " + folder + "/ at " + env.get("PB_URL"));
    }

    /** Checks node and npm, installs the SDK when needed, and returns the node command for one folder's test files. */
    private static List<String> nodeTests(Path compat, String folder) throws IOException {
        int nodeMajor = nodeMajorVersion(compat);
        requireTool(compat, npm(), "--version");
        if (needsInstall(compat)) {
            run(compat, List.of(npm(), "ci", "--no-audit", "--no-fund"), Map.of(), INSTALL_TIMEOUT, "npm ci");
        }
        List<String> command = new ArrayList<>(List.of(node(), "--test"));
        if (nodeMajor >= 20) {
            command.add("--test-reporter=spec");
        }
        command.addAll(testFiles(compat, folder));
        return command;
    }

    /** Walks up from the working directory to the repository root, the directory holding compat/package.json. */
    private static Path compatDir() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("compat").resolve("package.json"))) {
                return dir.resolve("compat");
            }
        }
        return fail("no compat/package.json in %s or any parent directory", start);
    }

    /** The node test files, listed explicitly: how a bare directory argument is read differs between node versions. */
    private static List<String> testFiles(Path compat, String folder) throws IOException {
        try (Stream<Path> files = Files.list(compat.resolve(folder))) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".test.mjs"))
                    // -Dpb4j.compat.only=realtime runs only the files whose name contains it (while working on one area)
                    .filter(name -> !folder.equals("test") || name.contains(System.getProperty("pb4j.compat.only", "")))
                    .sorted()
                    .map(name -> folder + "/" + name)
                    .toList();
            if (names.isEmpty()) {
                fail("no *.test.mjs files in %s", compat.resolve(folder));
            }
            return names;
        }
    }

    private static boolean needsInstall(Path compat) throws IOException {
        Path modules = compat.resolve("node_modules");
        if (!Files.isDirectory(modules.resolve("pocketbase"))) {
            return true;
        }
        // npm ci writes node_modules/.package-lock.json last; fall back to the directory itself
        Path marker = Files.exists(modules.resolve(".package-lock.json")) ? modules.resolve(".package-lock.json") : modules;
        FileTime installed = Files.getLastModifiedTime(marker);
        return installed.compareTo(Files.getLastModifiedTime(compat.resolve("package-lock.json"))) < 0;
    }

    private static int nodeMajorVersion(Path compat) {
        String version = requireTool(compat, node(), "--version");
        Matcher m = Pattern.compile("v?(\\d+)\\.").matcher(version);
        if (!m.find() || Integer.parseInt(m.group(1)) < MIN_NODE_MAJOR) {
            fail("Node.js %s found, but the SDK compatibility suite needs Node.js %d+ and npm: install them and put them on the PATH",
                    version, MIN_NODE_MAJOR);
        }
        return Integer.parseInt(m.group(1));
    }

    /** Runs {@code tool arg} and returns its trimmed output, failing with install instructions when it cannot run. */
    private static String requireTool(Path dir, String tool, String arg) {
        String hint = "The SDK compatibility suite needs Node.js " + MIN_NODE_MAJOR + "+ and npm: install them and put them on the PATH";
        try {
            Process p = new ProcessBuilder(tool, arg).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(PROBE_TIMEOUT.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return fail("%s (`%s %s` failed: %s)", hint, tool, arg, out);
            }
            return out;
        } catch (IOException e) {
            return fail("%s (`%s` could not be started: %s)", hint, tool, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command, streaming its output into the test log; fails with that output on a non-zero exit or timeout. */
    private static void run(Path dir, List<String> command, Map<String, String> env, Duration timeout, String what) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        StringBuilder output = new StringBuilder();
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
        Thread pump = Thread.ofPlatform().daemon().name("node-output").start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    System.out.println("[compat] " + line);
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // the process was killed; what was read so far is in the output
            }
        });
        try {
            boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            pump.join(Duration.ofSeconds(10));
            synchronized (output) {
                if (!finished) {
                    fail("%s did not finish within %s: %s%n%s", what, timeout, String.join(" ", command), output);
                }
                if (p.exitValue() != 0) {
                    fail("%s failed (exit %d): %s%n%s", what, p.exitValue(), String.join(" ", command), output);
                }
            }
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String node() {
        return WINDOWS ? "node.exe" : "node";
    }

    private static String npm() {
        return WINDOWS ? "npm.cmd" : "npm";
    }
}
