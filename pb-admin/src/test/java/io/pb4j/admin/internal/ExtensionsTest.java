package io.pb4j.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.PocketBase;
import io.pb4j.core.UIExtension;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PocketBase v0.39.11's apis/extensions_test.go, ported: {@code /_/extensions.js} joins the extensions' main.js files,
 * {@code /_/extensions/<name>/<path>} serves their files, over a real server. The "disabled UI" scenario (no
 * dashboard, 404) is pb-http's own router without this module; here it is the missing-route 404 of an app whose
 * dashboard is on but that serves no extension with that name.
 */
class ExtensionsTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    /** PocketBase's createTestExtensions(): ext1 (main.js, test.txt), ext2 (test.txt), "ext3 with spaces". */
    private static List<UIExtension> testExtensions() {
        return List.of(
                UIExtension.ofMap("ext1", Map.of("main.js", bytes("ext1_main"), "test.txt", bytes("ext1_txt"))),
                UIExtension.ofMap("ext2", Map.of("test.txt", bytes("ext2_txt"))),
                UIExtension.ofMap("ext3 with spaces", Map.of("main.js", bytes("ext3_main"), "test.txt", bytes("ext3_txt"))));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private record Server(PocketBase app, String base) implements AutoCloseable {
        HttpResponse<byte[]> get(String path, String... headers) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
            if (headers.length > 0) {
                b.headers(headers);
            }
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        String text(String path) throws Exception {
            return new String(get(path).body(), StandardCharsets.UTF_8);
        }

        @Override
        public void close() {
            app.close();
        }
    }

    private Server serve(Consumer<PocketBase> setup) throws Exception {
        PocketBase app = PocketBase.create(cfg -> cfg.dataDir(dir));
        app.bootstrap();
        app.superusers().upsert("admin@example.com", "1234567890"); // no installer link printed
        setup.accept(app);
        int port = app.serve("127.0.0.1", 0);
        return new Server(app, "http://127.0.0.1:" + port);
    }

    private Server withTestExtensions() throws Exception {
        // bound by the app with the default priority, after the dashboard's plugin: still seen, as in PocketBase
        return serve(app -> app.onServe().bindFunc(se -> {
            se.uiExtensions().addAll(testExtensions());
            se.next();
        }));
    }

    @Test
    void mainJsWithoutExtensionsIsEmptyJavaScript() throws Exception {
        try (Server s = serve(app -> { })) {
            HttpResponse<byte[]> res = s.get("/_/extensions.js");
            assertThat(res.statusCode()).isEqualTo(200);
            assertThat(res.headers().firstValue("Content-Type")).hasValue("text/javascript");
            assertThat(res.body()).isEmpty();
        }
    }

    @Test
    void mainJsJoinsEveryExtensionsMainJsEachInItsOwnAsyncFunction() throws Exception {
        try (Server s = withTestExtensions()) {
            HttpResponse<byte[]> res = s.get("/_/extensions.js");
            assertThat(res.statusCode()).isEqualTo(200);
            assertThat(res.headers().firstValue("Content-Type")).hasValue("text/javascript");
            assertThat(res.headers().firstValue("Cache-Control")).hasValue("max-age=1209600, stale-while-revalidate=86400");
            assertThat(new String(res.body(), StandardCharsets.UTF_8))
                    .isEqualTo("await (async function(){ext1_main})();await (async function(){ext3_main})();");
            // compressed for a client that accepts it
            HttpResponse<byte[]> gz = s.get("/_/extensions.js", "Accept-Encoding", "gzip");
            assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
            assertThat(new String(new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes(), StandardCharsets.UTF_8))
                    .startsWith("await (async function(){ext1_main})();");
        }
    }

    @Test
    void anExtensionFileIsServedAndAMissingOneIsNotFound() throws Exception {
        try (Server s = serve(app -> { })) {
            HttpResponse<byte[]> none = s.get("/_/extensions/ext1/test.txt");
            assertThat(none.statusCode()).isEqualTo(404);
            assertThat(new String(none.body(), StandardCharsets.UTF_8)).contains("\"data\":{}");
        }
        try (Server s = withTestExtensions()) {
            HttpResponse<byte[]> missing = s.get("/_/extensions/ext1/missing");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(new String(missing.body(), StandardCharsets.UTF_8)).contains("\"data\":{}");

            HttpResponse<byte[]> ext1 = s.get("/_/extensions/ext1/test.txt");
            assertThat(ext1.statusCode()).isEqualTo(200);
            assertThat(new String(ext1.body(), StandardCharsets.UTF_8)).isEqualTo("ext1_txt");
            assertThat(ext1.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");

            assertThat(s.text("/_/extensions/ext2/test.txt")).isEqualTo("ext2_txt");
            HttpResponse<byte[]> spaced = s.get("/_/extensions/ext3%20with%20spaces/test.txt");
            assertThat(spaced.statusCode()).isEqualTo(200);
            assertThat(new String(spaced.body(), StandardCharsets.UTF_8)).isEqualTo("ext3_txt");
        }
    }

    @Test
    void anExtensionsFolderWithoutItsTrailingSlashRedirectsAsGosServeMux() throws Exception {
        try (Server s = withTestExtensions()) {
            HttpResponse<byte[]> res = s.get("/_/extensions/ext1");
            assertThat(res.statusCode()).isEqualTo(301);
            assertThat(res.headers().firstValue("Location")).hasValue("/_/extensions/ext1/");
            assertThat(res.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(new String(res.body(), StandardCharsets.UTF_8))
                    .isEqualTo("<a href=\"/_/extensions/ext1/\">Moved Permanently</a>.\n\n");
            // the query is kept; a name with spaces is escaped in the Location
            HttpResponse<byte[]> query = s.get("/_/extensions/ext3%20with%20spaces?a=1&b=2");
            assertThat(query.statusCode()).isEqualTo(301);
            assertThat(query.headers().firstValue("Location")).hasValue("/_/extensions/ext3%20with%20spaces/?a=1&b=2");
            assertThat(new String(query.body(), StandardCharsets.UTF_8))
                    .isEqualTo("<a href=\"/_/extensions/ext3%20with%20spaces/?a=1&amp;b=2\">Moved Permanently</a>.\n\n");
            // an extension that does not exist has no folder to redirect to
            assertThat(s.get("/_/extensions/nope").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void aDirectoryExtensionIsReadOnEachRequestAndNeverOutsideItsFolder() throws Exception {
        Path ext = Files.createDirectories(dir.resolve("ext-src/charts"));
        Files.writeString(ext.resolve("main.js"), "console.log('v1')");
        Files.createDirectories(ext.resolve("img"));
        Files.writeString(ext.resolve("img/logo.svg"), "<svg/>");
        Files.writeString(dir.resolve("ext-src/secret.txt"), "secret");
        try (Server s = serve(app -> app.onServe().bindFunc(se -> {
            se.uiExtensions().add(UIExtension.ofDirectory("charts", ext));
            se.next();
        }))) {
            assertThat(s.text("/_/extensions.js")).isEqualTo("await (async function(){console.log('v1')})();");
            Files.writeString(ext.resolve("main.js"), "console.log('v2')");
            assertThat(s.text("/_/extensions.js")).contains("v2");
            HttpResponse<byte[]> svg = s.get("/_/extensions/charts/img/logo.svg");
            assertThat(svg.statusCode()).isEqualTo(200);
            assertThat(svg.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
            assertThat(s.get("/_/extensions/charts/main.js").headers().firstValue("Content-Type"))
                    .hasValue("text/javascript; charset=utf-8");
            for (String escape : List.of("/_/extensions/charts/../secret.txt", "/_/extensions/charts/%2e%2e/secret.txt",
                    "/_/extensions/charts/img/..%2f..%2fsecret.txt", "/_/extensions/charts/..%5csecret.txt",
                    "/_/extensions/charts/img")) {
                HttpResponse<byte[]> res = s.get(escape);
                assertThat(res.statusCode()).as(escape).isIn(400, 404);
                assertThat(new String(res.body(), StandardCharsets.UTF_8)).as(escape).doesNotContain("secret");
            }
        }
    }

    @Test
    void pathsThatLeaveTheExtensionAreRefused() {
        assertThat(Extensions.safe("a/b.js")).isTrue();
        assertThat(Extensions.safe("img/")).isTrue();
        assertThat(Extensions.safe("")).isTrue();
        assertThat(Extensions.safe("../x")).isFalse();
        assertThat(Extensions.safe("a/../../x")).isFalse();
        assertThat(Extensions.safe("./x")).isFalse();
        assertThat(Extensions.safe("a//b")).isFalse();
        assertThat(Extensions.safe("/etc/passwd")).isFalse();
        assertThat(Extensions.safe("..\\x")).isFalse();
    }
}
