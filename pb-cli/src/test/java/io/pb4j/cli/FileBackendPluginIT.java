package io.pb4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * examples/file-backend-plugin is built as a third party would build it (as {@link OAuth2ProviderPluginIT} builds its
 * example), put on pb4j's module path, and chosen with {@code -Dpb4j.files.backend=memory}: an upload is then served
 * from the plugin's backend and nothing is written under {@code pb_data/storage}.
 */
class FileBackendPluginIT {
    private static final Path WORK = Path.of("target/it-file-backend-plugin").toAbsolutePath();
    private static Path pluginJar;

    @BeforeAll
    static void buildThePlugin() throws Exception {
        pluginJar = OAuth2ProviderPluginIT.buildExample(WORK, "examples/file-backend-plugin", "pb4j-files-memory-1.0.0.jar");
    }

    @Test
    void aRunningPb4jStoresUploadsInThePluginsBackend() throws Exception {
        String modulePath = OAuth2ProviderPluginIT.MODULES + java.io.File.pathSeparator + OAuth2ProviderPluginIT.CLI_JAR
                + java.io.File.pathSeparator + pluginJar;
        List<String> pb4j = List.of(OAuth2ProviderPluginIT.JDK.resolve("bin/java").toString(), "-Dpb4j.files.backend=memory",
                "--enable-native-access=org.xerial.sqlitejdbc", "--module-path", modulePath, "-m", "io.pb4j.cli/io.pb4j.cli.Main");
        Path data = WORK.resolve("pb_data");
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port;
        List<String> serve = new java.util.ArrayList<>(pb4j);
        serve.addAll(List.of("serve", "--http=127.0.0.1:" + port, "--dir=" + data));
        Process server = new ProcessBuilder(serve).redirectErrorStream(true).redirectOutput(WORK.resolve("serve.out").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (send("GET", base + "/api/health", null, null).status() != 200) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    fail("pb4j serve did not answer:%n%s", Files.readString(WORK.resolve("serve.out")));
                }
                Thread.sleep(50);
            }
            // the default users collection has a file field (avatar) and a public create rule
            String boundary = "pb4jPluginBoundary";
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\nmem@example.com\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"password\"\r\n\r\n1234567890\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"passwordConfirm\"\r\n\r\n1234567890\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"avatar\"; filename=\"me.svg\"\r\n"
                    + "Content-Type: image/svg+xml\r\n\r\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>\r\n--" + boundary + "--\r\n";
            Response created = send("POST", base + "/api/collections/users/records", "multipart/form-data; boundary=" + boundary,
                    body.getBytes(StandardCharsets.UTF_8));
            assertThat(created.status()).as(created.body()).isEqualTo(200);
            Matcher avatar = Pattern.compile("\"avatar\":\"([^\"]+)\"").matcher(created.body());
            Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(created.body());
            assertThat(avatar.find() && id.find()).isTrue();
            // the users' view rule is the owner's: a guest reads the file through the public files route
            Response file = send("GET", base + "/api/files/users/" + id.group(1) + "/" + avatar.group(1), null, null);
            assertThat(file.status()).isEqualTo(200);
            assertThat(file.body()).isEqualTo("<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
            assertThat(data.resolve("storage")).doesNotExist();
        } finally {
            server.destroy();
            if (!server.waitFor(15, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private record Response(int status, String body) {}

    private static Response send(String method, String url, String type, byte[] body) {
        try {
            var c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setRequestMethod(method);
            c.setConnectTimeout(1000);
            c.setReadTimeout(10000);
            if (body != null) {
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", type);
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = c.getResponseCode();
            var in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            return new Response(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException notYet) {
            return new Response(-1, "");
        }
    }
}
