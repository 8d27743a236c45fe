package io.pb4j.cli;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;

/**
 * Runs pb4j as its own process for the integration tests: the image's launcher, or this build's modules with extra
 * modules (compiled here from source) on the module path; and talks HTTP to a server it started.
 */
final class CliRunner {
    static final Path IMAGE = Path.of(System.getProperty("pb4j.image", "target/image"));
    static final Path MODULES = Path.of(System.getProperty("pb4j.modules", "target/modules"));
    static final Path CLI_JAR = Path.of(System.getProperty("pb4j.cliJar", "target/pb-cli.jar"));
    private static final Path JDK = Path.of(System.getProperty("java.home"));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private CliRunner() {
    }

    record Result(int exitCode, String out, String err) {
    }

    record Response(int status, String body) {
    }

    /**
     * pb-store-postgres and the PostgreSQL driver from this test's class path, for {@link #command} when this build's
     * modules leave them out (built without {@code -Dpb4j.postgres}); none when they are there already.
     */
    static List<Path> postgresModules() {
        try (var modules = Files.list(MODULES)) {
            if (modules.anyMatch(p -> p.getFileName().toString().startsWith("pb-store-postgres"))) {
                return List.of();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Pattern driver = Pattern.compile("postgresql-[0-9.]+\\.jar");
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(Path::of)
                .filter(p -> p.toString().contains("pb-store-postgres") || driver.matcher(p.getFileName().toString()).matches())
                .toList();
    }

    /** Whether the image holds {@code module} (its {@code release} file lists the linked modules). */
    static boolean imageHas(String module) {
        try {
            String release = java.nio.file.Files.readString(IMAGE.resolve("release"));
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^MODULES=\"([^\"]*)\"").matcher(release);
            return m.find() && List.of(m.group(1).split(" ")).contains(module);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@code java -m io.pb4j.cli/io.pb4j.cli.Main} with this build's modules and {@code extraModules}. */
    static List<String> command(List<Path> extraModules, String... args) {
        List<String> path = new ArrayList<>(List.of(MODULES.toString(), CLI_JAR.toString()));
        extraModules.forEach(p -> path.add(p.toString()));
        List<String> command = new ArrayList<>(List.of(JDK.resolve("bin/java").toString(),
                "--enable-native-access=org.xerial.sqlitejdbc", "--module-path", String.join(java.io.File.pathSeparator, path),
                "-m", "io.pb4j.cli/io.pb4j.cli.Main"));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs a command to its end, feeding {@code stdin}; fails the test after a minute. */
    static Result run(Path workDir, String stdin, List<String> command) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path out = Files.createTempFile(workDir, "run", ".out");
        Path err = Files.createTempFile(workDir, "run", ".err");
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (var in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException exitedEarly) {
            // a command that reads nothing may be gone already
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("%s did not finish within 60 s", command);
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Compiles sources (file name to text) into an exploded module {@code name} that provides the given migrations. */
    static Path migrationsModule(Path dir, String name, List<String> providers, List<String> sources) throws IOException {
        Path src = dir.resolve("src");
        Path classes = dir.resolve("classes");
        Files.createDirectories(src);
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--module-path", MODULES.toString(), "-proc:none"));
        Files.writeString(src.resolve("module-info.java"), "module " + name + " {\n    requires io.pb4j.core;\n"
                + "    provides io.pb4j.core.migrate.Migration with " + String.join(", ", providers) + ";\n}\n");
        args.add(src.resolve("module-info.java").toString());
        int i = 0;
        for (String text : sources) {
            Matcher cls = Pattern.compile("public final class (\\w+)").matcher(text);
            String file = cls.find() ? cls.group(1) + ".java" : "Source" + i++ + ".java";
            Path p = src.resolve("s" + i++).resolve(file);
            Files.createDirectories(p.getParent());
            Files.writeString(p, text);
            args.add(p.toString());
        }
        var errors = new java.io.ByteArrayOutputStream();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, errors, errors, args.toArray(String[]::new));
        if (rc != 0) {
            fail("javac failed:%n%s", errors.toString(StandardCharsets.UTF_8));
        }
        return classes;
    }

    /** Starts {@code serve} and waits for a healthy answer. */
    static Process serve(Path workDir, List<String> command, String base) throws Exception {
        Files.createDirectories(workDir);
        Process server = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(workDir.resolve("serve.out").toFile())
                .redirectError(workDir.resolve("serve.err").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (status(base + "/api/health") != 200) {
            if (!server.isAlive() || System.nanoTime() > deadline) {
                server.destroyForcibly();
                fail("pb4j serve did not answer:%n%s%s", Files.readString(workDir.resolve("serve.out")),
                        Files.readString(workDir.resolve("serve.err")));
            }
            Thread.sleep(50);
        }
        return server;
    }

    static Response request(String method, String url, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", token);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(r.statusCode(), r.body());
    }

    static String superuserToken(String base, String email, String password) throws Exception {
        Response login = request("POST", base + "/api/collections/_superusers/auth-with-password", null,
                "{\"identity\":\"" + email + "\",\"password\":\"" + password + "\"}");
        Matcher token = Pattern.compile("\"token\":\"([^\"]+)\"").matcher(login.body());
        if (!token.find()) {
            fail("no token in %s", login.body());
        }
        return token.group(1);
    }

    static int status(String url) {
        try {
            return request("GET", url, null, null).status();
        } catch (IOException | InterruptedException notYet) {
            return -1;
        }
    }

    static int freePort() throws IOException {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
