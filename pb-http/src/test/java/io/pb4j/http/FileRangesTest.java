package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.http.Uploads.Part;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Byte ranges on {@code GET /api/files/...} as Go's {@code http.ServeContent} answers them, over real HTTP. */
class FileRangesTest {
    private static final String CONTENT = "0123456789abcdefghijklmnopqrstuvwxyz";
    private static TestServer server;
    private static String url;

    @BeforeAll
    static void start() {
        server = new TestServer();
        String su = server.superuserToken();
        server.expect("POST", "/api/collections", su, """
                {"name":"docs","viewRule":"","createRule":"","fields":[{"type":"file","name":"f","maxSelect":1}]}""", 200);
        Uploads.Response r = Uploads.multipart(server, "POST", "/api/collections/docs/records", null,
                Part.file("f", "r.txt", CONTENT.getBytes(StandardCharsets.UTF_8)));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        url = "/api/files/docs/" + Uploads.id(r.text()) + "/" + Uploads.names(r.text(), "f").getFirst();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static Uploads.Response range(String header) {
        return Uploads.get(server, url, "Range", header);
    }

    @Test
    void severalRangesAreOneMultipartByteRangesBodyWithGosFraming() {
        Uploads.Response r = range("bytes=0-3, 10-12,-2");
        assertThat(r.status()).isEqualTo(206);
        String type = r.header("Content-Type");
        assertThat(type).matches("multipart/byteranges; boundary=[0-9a-f]{60}");
        String b = type.substring(type.indexOf('=') + 1);
        String ct = "text/plain; charset=utf-8";
        String expected = "--" + b + "\r\nContent-Range: bytes 0-3/36\r\nContent-Type: " + ct + "\r\n\r\n0123"
                + "\r\n--" + b + "\r\nContent-Range: bytes 10-12/36\r\nContent-Type: " + ct + "\r\n\r\nabc"
                + "\r\n--" + b + "\r\nContent-Range: bytes 34-35/36\r\nContent-Type: " + ct + "\r\n\r\nyz"
                + "\r\n--" + b + "--\r\n";
        assertThat(r.text()).isEqualTo(expected);
        assertThat(r.header("Content-Length")).isEqualTo(String.valueOf(expected.length()));
        assertThat(r.header("Content-Range")).isEmpty();
    }

    @Test
    void rangesOutOfOrderAreServedInTheOrderAsked() {
        Uploads.Response r = range("bytes=20-21,0-1");
        assertThat(r.status()).isEqualTo(206);
        String text = r.text();
        assertThat(text.indexOf("bytes 20-21/36\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nkl"))
                .isPositive().isLessThan(text.indexOf("bytes 0-1/36\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n01"));
    }

    @Test
    void aRangeBeyondTheEndIsDroppedWhenAnotherOverlaps() {
        Uploads.Response r = range("bytes=100-200,5-6");
        assertThat(r.status()).isEqualTo(206);
        assertThat(r.text()).isEqualTo("56");
        assertThat(r.header("Content-Range")).isEqualTo("bytes 5-6/36");
    }

    @Test
    void rangesLongerThanTheFileAltogetherGetTheWholeFile() {
        Uploads.Response r = range("bytes=0-30,0-30");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text()).isEqualTo(CONTENT);
    }

    @Test
    void unsatisfiableAndMalformedRangesAre416AsGoAnswersThem() {
        Uploads.Response none = range("bytes=36-40,50-");
        assertThat(none.status()).isEqualTo(416);
        assertThat(none.header("Content-Range")).isEqualTo("bytes */36");
        assertThat(none.text()).isEqualTo("invalid range: failed to overlap\n");
        assertThat(none.header("Cache-Control")).isEmpty();

        for (String bad : new String[] {"bytes=5-2", "bytes=x-3", "bytes=--3", "bytes=4", "items=0-3", "bytes=-"}) {
            Uploads.Response r = range(bad);
            assertThat(r.status()).as(bad).isEqualTo(416);
            assertThat(r.text()).as(bad).isEqualTo("invalid range\n");
            assertThat(r.header("Content-Range")).as(bad).isEmpty();
        }
    }

    @Test
    void aStaleIfRangeSendsTheWholeFile() {
        Uploads.Response stale = Uploads.get(server, url, "Range", "bytes=0-1,3-4", "If-Range", "Mon, 01 Jan 2001 00:00:00 GMT");
        assertThat(stale.status()).isEqualTo(200);
        assertThat(stale.text()).isEqualTo(CONTENT);
        String modified = Uploads.get(server, url).header("Last-Modified");
        Uploads.Response fresh = Uploads.get(server, url, "Range", "bytes=0-1", "If-Range", modified);
        assertThat(fresh.status()).isEqualTo(206);
        assertThat(fresh.text()).isEqualTo("01");
    }
}
