package io.pb4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * examples/oauth2-provider-plugin is built as a third party would build it, against pb4j's artifacts of this build,
 * and its provider "acme" is then listed by a running pb4j: once with the plugin jar on the module path, once inside a
 * jlink image made with it.
 *
 * <p>The artifacts reach the example's build without {@code mvn install}: it runs offline with its own local
 * repository, in which this build's pb4j jars and POMs are laid out as if installed, and every other group is a
 * symbolic link into the usual local repository (which holds the plugins and libraries pb4j's own build fetched).
 * Nothing under {@code io/pb4j} of the usual local repository is read or written, which the test checks.
 */
class OAuth2ProviderPluginIT {
    private static final Path ROOT = Path.of(System.getProperty("pb4j.root", "..")).toAbsolutePath().normalize();
    static final Path MODULES = Path.of(System.getProperty("pb4j.modules", "target/modules"));
    static final Path CLI_JAR = Path.of(System.getProperty("pb4j.cliJar", "target/pb-cli.jar"));
    private static final String VERSION = System.getProperty("pb4j.version", "0.1.0-SNAPSHOT");
    private static final Path LOCAL_REPO = Path.of(System.getProperty("pb4j.localRepository",
            System.getProperty("user.home") + "/.m2/repository"));
    private static final Path MAVEN_HOME = Path.of(System.getProperty("pb4j.mavenHome", "/usr/share/maven"));
    static final Path JDK = Path.of(System.getProperty("java.home"));
    private static final Path WORK = Path.of("target/it-oauth2-provider-plugin").toAbsolutePath();
    private static final String SUPERUSER = "plugin@example.com";
    private static final String PASSWORD = "1234567890";

    private static Path pluginJar;

    @BeforeAll
    static void buildThePlugin() throws Exception {
        pluginJar = buildExample(WORK, "examples/oauth2-provider-plugin", "pb4j-oauth2-acme-1.0.0.jar");
    }

    /**
     * Builds one of the examples as a third party would (offline, against this build's artifacts, without touching
     * the usual local repository's io/pb4j) in {@code work}, and returns its jar.
     */
    static Path buildExample(Path work, String example, String jarName) throws Exception {
        return buildExample(work, example, jarName, List.of("-Dmaven.test.skip=true", "package"));
    }

    /** {@link #buildExample(Path, String, String)} running {@code goals} (e.g. {@code verify}, which runs its tests). */
    static Path buildExample(Path work, String example, String jarName, List<String> goals) throws Exception {
        deleteTree(work);
        Files.createDirectories(work);
        Path repo = work.resolve("repo");
        Map<String, Long> untouched = snapshot(LOCAL_REPO.resolve("io/pb4j"));
        seedLocalRepository(repo);

        Path project = work.resolve("project");
        copyTree(ROOT.resolve(example), project);
        List<String> mvn = new ArrayList<>(List.of(MAVEN_HOME.resolve("bin/mvn").toString(), "-B", "-q", "-o",
                "-Dmaven.repo.local=" + repo, "-Dpb4j.version=" + VERSION));
        mvn.addAll(goals);
        Result build = run(project, Duration.ofMinutes(5), Map.of("JAVA_HOME", JDK.toString()), mvn);
        assertThat(build.exitCode()).as("mvn package of %s:%n%s%s", example, build.out(), build.err()).isZero();
        Path jar = project.resolve("target").resolve(jarName);
        assertThat(jar).isRegularFile();
        assertThat(snapshot(LOCAL_REPO.resolve("io/pb4j"))).as("io/pb4j of %s", LOCAL_REPO).isEqualTo(untouched);
        return jar;
    }

    @Test
    void aRunningPb4jFindsTheProviderOnTheModulePath() throws Exception {
        String modulePath = String.join(java.io.File.pathSeparator, MODULES.toString(), CLI_JAR.toString(),
                pluginJar.toString());
        List<String> pb4j = List.of(JDK.resolve("bin/java").toString(), "--enable-native-access=org.xerial.sqlitejdbc",
                "--module-path", modulePath, "-m", "io.pb4j.cli/io.pb4j.cli.Main");
        assertProvidersListAcme(pb4j, WORK.resolve("module-path"));
    }

    @Test
    void aJlinkImageMadeWithThePluginHasTheProvider() throws Exception {
        Path image = WORK.resolve("image");
        String modulePath = String.join(java.io.File.pathSeparator, MODULES.toString(), CLI_JAR.toString(),
                pluginJar.toString());
        Result jlink = run(WORK, Duration.ofMinutes(3), Map.of(), JDK.resolve("bin/jlink").toString(),
                "--module-path", modulePath, "--add-modules", "ALL-MODULE-PATH",
                "--add-options=--enable-native-access=org.xerial.sqlitejdbc", "--no-header-files", "--no-man-pages",
                "--output", image.toString());
        assertThat(jlink.exitCode()).as("jlink:%n%s%s", jlink.out(), jlink.err()).isZero();

        Result modules = run(WORK, Duration.ofMinutes(1), Map.of(), image.resolve("bin/java").toString(), "--list-modules");
        assertThat(modules.out()).contains("com.example.acme@1.0.0");
        assertProvidersListAcme(List.of(image.resolve("bin/java").toString(), "-m", "io.pb4j.cli/io.pb4j.cli.Main"),
                WORK.resolve("image-data"));
    }

    /** Starts {@code pb4j serve} with the command, signs in as a superuser and reads the providers list. */
    private static void assertProvidersListAcme(List<String> pb4j, Path work) throws Exception {
        Path data = work.resolve("pb_data");
        Result upsert = run(work, Duration.ofMinutes(1), Map.of(), concat(pb4j, "superuser", "upsert", SUPERUSER, PASSWORD,
                "--dir=" + data));
        assertThat(upsert.exitCode()).as("superuser upsert: %s", upsert.err()).isZero();

        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port;
        Process server = new ProcessBuilder(concat(pb4j, "serve", "--http=127.0.0.1:" + port, "--dir=" + data))
                .redirectOutput(work.resolve("serve.out").toFile())
                .redirectError(work.resolve("serve.err").toFile())
                .start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (status(base + "/api/health") != 200) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    fail("pb4j serve did not answer:%n%s", Files.readString(work.resolve("serve.err")));
                }
                Thread.sleep(50);
            }
            Response login = request("POST", base + "/api/collections/_superusers/auth-with-password", "",
                    "{\"identity\":\"" + SUPERUSER + "\",\"password\":\"" + PASSWORD + "\"}");
            Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(login.body());
            assertThat(token.find()).as("login answer %s", login.body()).isTrue();

            Response providers = request("GET", base + "/api/collections/meta/oauth2-providers", token.group(1), null);
            assertThat(providers.status()).isEqualTo(200);
            assertThat(providers.body())
                    .contains("{\"name\":\"acme\",\"displayName\":\"Acme\",\"logo\":\"\\u003csvg")
                    // order 50: after PocketBase's own providers (up to 29), before the generic OIDC ones (99)
                    .containsSubsequence("\"name\":\"planningcenter\"", "\"name\":\"acme\"", "\"name\":\"oidc\"");
        } finally {
            server.destroy();
            if (!server.waitFor(15, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    /**
     * A local repository for the example's build: this build's pb4j artifacts laid out as installed (POMs from the
     * sources, jars from the image's module path), every other group linked to the usual local repository.
     */
    private static void seedLocalRepository(Path repo) throws IOException {
        Files.createDirectories(repo.resolve("io"));
        try (Stream<Path> groups = Files.list(LOCAL_REPO)) {
            for (Path group : (Iterable<Path>) groups::iterator) {
                if (!group.getFileName().toString().equals("io")) {
                    Files.createSymbolicLink(repo.resolve(group.getFileName().toString()), group);
                }
            }
        }
        if (Files.isDirectory(LOCAL_REPO.resolve("io"))) {
            try (Stream<Path> groups = Files.list(LOCAL_REPO.resolve("io"))) {
                for (Path group : (Iterable<Path>) groups::iterator) {
                    if (!group.getFileName().toString().equals("pb4j")) {
                        Files.createSymbolicLink(repo.resolve("io").resolve(group.getFileName().toString()), group);
                    }
                }
            }
        }
        publish(repo, "pb4j-parent", ROOT.resolve("pom.xml"), null);
        publish(repo, "pb-bom", ROOT.resolve("pb-bom/pom.xml"), null);
        publish(repo, "pb-cli", ROOT.resolve("pb-cli/pom.xml"), CLI_JAR);
        for (String module : List.of("pb-core", "pb-store-sqlite", "pb-store-postgres", "pb-http", "pb-auth", "pb-realtime", "pb-files", "pb-admin")) {
            // a module the image leaves out (pb-store-postgres without -Dpb4j.postgres) comes from its own build
            Path jar = MODULES.resolve(module + "-" + VERSION + ".jar");
            if (!Files.exists(jar)) {
                jar = ROOT.resolve(module).resolve("target").resolve(module + "-" + VERSION + ".jar");
            }
            publish(repo, module, ROOT.resolve(module).resolve("pom.xml"), jar);
        }
        // the test kit is no part of the image: its jar is the reactor's
        publish(repo, "pb-test", ROOT.resolve("pb-test/pom.xml"), ROOT.resolve("pb-test/target/pb-test-" + VERSION + ".jar"));
    }

    private static void publish(Path repo, String artifact, Path pom, Path jar) throws IOException {
        Path dir = Files.createDirectories(repo.resolve("io/pb4j").resolve(artifact).resolve(VERSION));
        Files.copy(pom, dir.resolve(artifact + "-" + VERSION + ".pom"));
        if (jar != null) {
            Files.copy(jar, dir.resolve(artifact + "-" + VERSION + ".jar"));
        }
    }

    private record Result(int exitCode, String out, String err) {}

    private static Result run(Path dir, Duration timeout, Map<String, String> env, String... command)
            throws IOException, InterruptedException {
        return run(dir, timeout, env, List.of(command));
    }

    private static Result run(Path dir, Duration timeout, Map<String, String> env, List<String> command)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path out = Files.createTempFile(dir, "run", ".out");
        Path err = Files.createTempFile(dir, "run", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail("%s did not finish within %s", command, timeout);
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    private record Response(int status, String body) {}

    private static Response request(String method, String url, String token, String json) throws IOException {
        var connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
        connection.setRequestMethod(method);
        connection.setConnectTimeout(5000);
        connection.setReadTimeout(10000);
        if (!token.isEmpty()) {
            connection.setRequestProperty("Authorization", token);
        }
        if (json != null) {
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/json");
            connection.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
        }
        try {
            int status = connection.getResponseCode();
            var in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            return new Response(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            connection.disconnect();
        }
    }

    private static int status(String url) {
        try {
            return request("GET", url, "", null).status();
        } catch (IOException notYet) {
            return -1;
        }
    }

    /** Every file below {@code dir} with its modification time (empty when there is no such directory). */
    private static Map<String, Long> snapshot(Path dir) throws IOException {
        Map<String, Long> files = new TreeMap<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    files.put(dir.relativize(p).toString(), Files.getLastModifiedTime(p).toMillis());
                }
            }
        }
        return files;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path rel = from.relativize(p);
                if (rel.startsWith("target")) {
                    continue;
                }
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) { // does not follow the links into the usual local repository
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
