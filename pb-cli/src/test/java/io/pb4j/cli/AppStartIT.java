package io.pb4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An app's own {@code main} with {@code app.start(args)} (PocketBase's {@code app.Start()}), compiled here against
 * this build's modules and run as its own process on the module path; and pb4j run from the class path, which works
 * because every jar carries {@code META-INF/services} files mirroring its module-info.
 */
class AppStartIT {
    private static final Path WORK = Path.of("target/it-app-start").toAbsolutePath();
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static Path appClasses;

    private static final String APP = """
            package com.example.app;

            import io.pb4j.core.PocketBase;

            public final class App {
                public static void main(String[] args) {
                    var app = PocketBase.create(cfg -> cfg.args(args));
                    app.rootCommand().add("count", "Prints how many records a collection has",
                            (a, rest) -> System.out.println(rest.get(0) + ": " + a.countRecords(rest.get(0))));
                    app.rootCommand().add("fail", "Always fails", (a, rest) -> {
                        throw new IllegalStateException("it failed on purpose");
                    });
                    app.onServe().bind(se -> {
                        se.router().get("/api/hello", e -> e.string(200, "hello from " + e.app().config().dataDir().getFileName()));
                        se.next();
                    });
                    int status = app.start(args);
                    if (status != 0) {
                        System.exit(status);
                    }
                }
            }
            """;

    @BeforeAll
    static void compileTheApp() throws Exception {
        deleteTree(WORK);
        Path src = Files.createDirectories(WORK.resolve("src/com/example/app"));
        Files.writeString(WORK.resolve("src/module-info.java"), "module com.example.app {\n    requires io.pb4j.core;\n}\n");
        Files.writeString(src.resolve("App.java"), APP);
        appClasses = WORK.resolve("classes");
        var errors = new java.io.ByteArrayOutputStream();
        int rc = ToolProvider.getSystemJavaCompiler().run(null, errors, errors, "-d", appClasses.toString(), "--module-path",
                CliRunner.MODULES.toString(), "-proc:none", WORK.resolve("src/module-info.java").toString(),
                src.resolve("App.java").toString());
        if (rc != 0) {
            fail("javac failed:%n%s", errors.toString(StandardCharsets.UTF_8));
        }
    }

    private static List<String> app(String... args) {
        List<String> command = new ArrayList<>(List.of(JAVA.toString(), "--enable-native-access=org.xerial.sqlitejdbc",
                "--module-path", String.join(File.pathSeparator, CliRunner.MODULES.toString(), CliRunner.CLI_JAR.toString(),
                        appClasses.toString()), "-m", "com.example.app/com.example.app.App"));
        command.addAll(List.of(args));
        return command;
    }

    @Test
    void theAppsMainRunsPb4jsCommandsAndItsOwn() throws Exception {
        Path work = WORK.resolve("run");
        Path data = work.resolve("app_data");
        CliRunner.Result help = CliRunner.run(work, "", app("--help"));
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Available Commands:\n  count       Prints how many records a collection has\n"
                + "  fail        Always fails\n  migrate     Executes app DB migration scripts\n  serve ");

        CliRunner.Result upsert = CliRunner.run(work, "", app("superuser", "upsert", "a@example.com", "1234567890", "--dir=" + data));
        assertThat(upsert.exitCode()).as(upsert.err()).isZero();
        assertThat(upsert.out()).contains("Successfully saved superuser \"a@example.com\"!");

        // the app's --dir reached the app's config: the command counts in the same data dir
        CliRunner.Result count = CliRunner.run(work, "", app("--dir", data.toString(), "count", "_superusers"));
        assertThat(count.exitCode()).as(count.err()).isZero();
        assertThat(count.out()).isEqualTo("_superusers: 1\n");

        CliRunner.Result failed = CliRunner.run(work, "", app("fail", "--dir=" + data));
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).isEqualTo("Error: it failed on purpose\n");

        CliRunner.Result unknown = CliRunner.run(work, "", app("nope", "--dir=" + data));
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).startsWith("Error: unknown command \"nope\" for \"pb4j\"");

        int port = CliRunner.freePort();
        String base = "http://127.0.0.1:" + port;
        Process server = CliRunner.serve(work, app("serve", "--http=127.0.0.1:" + port, "--dir=" + data), base);
        try {
            CliRunner.Response hello = CliRunner.request("GET", base + "/api/hello", null, null);
            assertThat(hello.status()).isEqualTo(200);
            assertThat(hello.body()).isEqualTo("hello from app_data");
            CliRunner.superuserToken(base, "a@example.com", "1234567890");
        } finally {
            server.destroy();
            assertThat(server.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
        assertThat(server.exitValue()).isZero();
    }

    @Test
    void everyJarCarriesServiceFilesMirroringItsModuleInfo() throws Exception {
        List<Path> jars = new ArrayList<>(List.of(CliRunner.CLI_JAR));
        try (Stream<Path> files = Files.list(CliRunner.MODULES)) {
            files.filter(p -> p.getFileName().toString().startsWith("pb-")).forEach(jars::add);
        }
        assertThat(jars).hasSizeGreaterThanOrEqualTo(7);
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                ModuleDescriptor descriptor;
                try (InputStream in = file.getInputStream(file.getEntry("module-info.class"))) {
                    descriptor = ModuleDescriptor.read(in);
                }
                Set<String> services = new TreeSet<>();
                file.stream().map(e -> e.getName()).filter(n -> n.startsWith("META-INF/services/") && !n.endsWith("/"))
                        .forEach(n -> services.add(n.substring("META-INF/services/".length())));
                Set<String> provided = new TreeSet<>();
                for (ModuleDescriptor.Provides p : descriptor.provides()) {
                    provided.add(p.service());
                    String listed = new String(file.getInputStream(file.getEntry("META-INF/services/" + p.service()))
                            .readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(listed.lines().toList()).as("%s in %s", p.service(), jar).isEqualTo(p.providers());
                }
                assertThat(services).as("service files of %s", jar).isEqualTo(provided);
            }
        }
    }

    @Test
    void pb4jRunsFromTheClassPath() throws Exception {
        Path work = WORK.resolve("classpath");
        List<String> classPath = new ArrayList<>(List.of(CliRunner.CLI_JAR.toString()));
        try (Stream<Path> files = Files.list(CliRunner.MODULES)) {
            files.filter(p -> p.toString().endsWith(".jar")).forEach(p -> classPath.add(p.toString()));
        }
        List<String> pb4j = List.of(JAVA.toString(), "--enable-native-access=ALL-UNNAMED", "-cp",
                String.join(File.pathSeparator, classPath), "io.pb4j.cli.Main");
        Path data = work.resolve("pb_data");
        List<String> upsert = new ArrayList<>(pb4j);
        upsert.addAll(List.of("superuser", "upsert", "cp@example.com", "1234567890", "--dir=" + data));
        CliRunner.Result upserted = CliRunner.run(work, "", upsert);
        assertThat(upserted.exitCode()).as(upserted.err()).isZero();

        int port = CliRunner.freePort();
        String base = "http://127.0.0.1:" + port;
        List<String> serve = new ArrayList<>(pb4j);
        serve.addAll(List.of("serve", "--http=127.0.0.1:" + port, "--dir=" + data));
        Process server = CliRunner.serve(work, serve, base);
        try {
            // the store, HTTP, auth (login) and realtime plugins were all found through META-INF/services
            String token = CliRunner.superuserToken(base, "cp@example.com", "1234567890");
            assertThat(CliRunner.request("GET", base + "/api/collections/users/records", token, null).status()).isEqualTo(200);
            assertThat(CliRunner.request("GET", base + "/api/collections/meta/oauth2-providers", token, null).status())
                    .isEqualTo(200);
        } finally {
            server.destroy();
            server.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
