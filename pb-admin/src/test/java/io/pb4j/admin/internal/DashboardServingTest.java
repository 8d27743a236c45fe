package io.pb4j.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DashboardServingTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static DashboardServer server;

    @BeforeAll
    static void start() {
        server = new DashboardServer(true);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base + path));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String index() throws IOException, InterruptedException {
        return new String(get("/_/").body(), StandardCharsets.UTF_8);
    }

    @Test
    void indexIsHtmlThatIsNeverCachedAndNamesHashedAssets() throws Exception {
        HttpResponse<byte[]> res = get("/_/");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(res.headers().firstValue("Cache-Control")).hasValue("no-cache");
        String html = new String(res.body(), StandardCharsets.UTF_8);
        assertThat(html).doesNotContain("{{")
                .containsPattern("<link rel=\"stylesheet\" href=\"/_/assets/app\\.[0-9a-f]{10}\\.css\">")
                .containsPattern("<script type=\"module\" src=\"/_/assets/main\\.[0-9a-f]{10}\\.js\"></script>")
                // offline: nothing is loaded from another origin
                .doesNotContain("http://", "https://");
    }

    @Test
    void theIndexStartsTheFirstPagesRequestsInlineBeforeTheStylesheetAndTheScript() throws Exception {
        String html = index();
        int inline = html.indexOf("<script>{");
        assertThat(inline).isPositive()
                .isLessThan(html.indexOf("<link rel=\"stylesheet\""))
                .isLessThan(html.indexOf("<script type=\"module\""));
        String script = html.substring(inline + "<script>".length(), html.indexOf("</script>", inline));
        // prefetch.js linked with what it imports, and nothing of the screens
        assertThat(script).contains("// first-page.js\n", "// prefetch.js\n", "window.pb4jEarly")
                .doesNotContain("from \"pb/", "// api.js\n", "// records.js\n");
    }

    @Test
    void assetsAreGzippedForClientsThatAcceptItAndCachedAsImmutable() throws Exception {
        String js = firstAsset("main\\.[0-9a-f]{10}\\.js");
        HttpResponse<byte[]> gz = get(js, "Accept-Encoding", "gzip, deflate");
        assertThat(gz.statusCode()).isEqualTo(200);
        assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(gz.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(gz.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(gz.body())).readAllBytes();

        HttpResponse<byte[]> plain = get(js);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body()).isEqualTo(unzipped);
        assertThat(gz.body().length).isLessThan(plain.body().length);
        // the modules joined into one: nothing is left to import
        assertThat(new String(plain.body(), StandardCharsets.UTF_8)).contains("// records.js\n").doesNotContain("from \"pb/");
    }

    @Test
    void anUnknownAssetOrAStaleHashIsNotFound() throws Exception {
        assertThat(get("/_/assets/main.0000000000.js").statusCode()).isEqualTo(404);
        assertThat(get("/_/assets/nothing.js").statusCode()).isEqualTo(404);
    }

    @Test
    void theBarePrefixRedirectsToTheIndex() throws Exception {
        HttpResponse<byte[]> res = get("/_");
        assertThat(res.statusCode()).isEqualTo(301);
        assertThat(res.headers().firstValue("Location")).hasValue("/_/");
    }

    @Test
    void everyAssetTheIndexNamesIsServed() throws Exception {
        Matcher m = Pattern.compile("\"(/_/assets/[^\"]+)\"").matcher(index());
        int count = 0;
        while (m.find()) {
            assertThat(get(m.group(1)).statusCode()).as(m.group(1)).isEqualTo(200);
            count++;
        }
        assertThat(count).isEqualTo(2);
    }

    @Test
    void noInstallerLinkIsPrintedWhenASuperuserExists() {
        assertThat(server.installerLink()).isEmpty();
        assertThat(server.app.findAuthRecordByEmail("_superusers", Installer.EMAIL)).isEmpty();
    }

    private static String firstAsset(String pattern) throws Exception {
        Matcher m = Pattern.compile("/_/assets/" + pattern).matcher(index());
        assertThat(m.find()).as("%s in the index", pattern).isTrue();
        return m.group();
    }
}
