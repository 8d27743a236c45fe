package io.pb4j.http.internal.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pb4j.core.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipartFormTest {
    private static final String TYPE = "multipart/form-data; boundary=b0undary";

    private static MultipartForm parse(String body) {
        return MultipartForm.parse(TYPE, body.getBytes(StandardCharsets.UTF_8), "bad");
    }

    @Test
    void readsTextPartsKeepingRepeatedKeysInOrder() {
        MultipartForm f = parse("preamble\r\n--b0undary\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n"
                + "--b0undary\r\nContent-Disposition: form-data; name=\"tags\"\r\n\r\nx\r\n"
                + "--b0undary  \r\ncontent-disposition: form-data; name=tags\r\n\r\ny\r\n--b0undary--\r\nepilogue");
        assertThat(f.values()).containsExactly(java.util.Map.entry("a", List.of("1")), java.util.Map.entry("tags", List.of("x", "y")));
        assertThat(f.files()).isEmpty();
    }

    @Test
    void keepsFilePartsAsideWithTheirNameTypeAndBytes() {
        MultipartForm f = parse("--b0undary\r\nContent-Disposition: form-data; name=\"docs+\"; filename=\"a \\\"q\\\".txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nline1\r\nline2\r\n--b0undary\r\n"
                + "Content-Disposition: form-data; name=\"title\"; filename=\"\"\r\n\r\nnot a file\r\n--b0undary--");
        assertThat(f.files()).containsOnlyKeys("docs+");
        UploadedFile file = f.files().get("docs+").get(0);
        assertThat(file.filename()).isEqualTo("a \"q\".txt");
        assertThat(file.contentType()).isEqualTo("text/plain");
        assertThat(new String(file.content(), StandardCharsets.UTF_8)).isEqualTo("line1\r\nline2");
        assertThat(f.values()).containsEntry("title", List.of("not a file"));
    }

    @Test
    void valuesMayContainTheBoundaryTextWithoutTheLeadingDashes() {
        MultipartForm f = parse("--b0undary\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\nb0undary\r\n-b0undary\r\n\r\n--b0undary--");
        assertThat(f.values().get("t")).containsExactly("b0undary\r\n-b0undary\r\n");
    }

    @Test
    void emptyValuesUnicodeAndPartsWithoutNames() {
        MultipartForm f = parse("--b0undary\r\nContent-Disposition: form-data; name=\"e\"\r\n\r\n\r\n"
                + "--b0undary\r\nContent-Disposition: form-data; name=\"ü\"\r\n\r\nçé\r\n"
                + "--b0undary\r\nContent-Disposition: form-data\r\n\r\nnameless\r\n--b0undary--");
        assertThat(f.values()).containsOnlyKeys("e", "ü");
        assertThat(f.values().get("e")).containsExactly("");
        assertThat(f.values().get("ü")).containsExactly("çé");
    }

    @Test
    void quotedBoundaryParameter() {
        MultipartForm f = MultipartForm.parse("multipart/form-data; charset=utf-8; boundary=\"b0undary\"",
                "--b0undary\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--b0undary--".getBytes(StandardCharsets.UTF_8), "bad");
        assertThat(f.values()).containsKey("a");
    }

    @Test
    void malformedBodiesAre400WithTheGivenMessage() {
        for (String body : List.of("", "no boundary at all", "--b0undary\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nunterminated",
                "--b0undary\r\nbroken header line\r\n\r\nx\r\n--b0undary--", "--b0undaryX\r\n")) {
            assertThatThrownBy(() -> parse(body)).as(body).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.getMessage()).isEqualTo("bad");
            });
        }
        assertThatThrownBy(() -> MultipartForm.parse("multipart/form-data", new byte[] {1}, "bad")).isInstanceOf(ApiException.class);
    }

    @Test
    void boundsTheNumberOfPartsAndTheHeaderSize() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= MultipartForm.MAX_PARTS; i++) {
            many.append("--b0undary\r\nContent-Disposition: form-data; name=\"k\"\r\n\r\nv\r\n");
        }
        assertThatThrownBy(() -> parse(many + "--b0undary--")).isInstanceOf(ApiException.class);
        String bigHeader = "--b0undary\r\nContent-Disposition: form-data; name=\"k\"\r\nX-Pad: " + "p".repeat(MultipartForm.MAX_HEADER_BYTES)
                + "\r\n\r\nv\r\n--b0undary--";
        assertThatThrownBy(() -> parse(bigHeader)).isInstanceOf(ApiException.class);
    }

    @Test
    void theWriterRoundTripsThroughTheParser() {
        MultipartWriter w = new MultipartWriter().field("@jsonPayload", "{\"a\":1}")
                .file("docs", new UploadedFile("docs", "x.bin", "application/octet-stream", new byte[] {0, 13, 10, 45, 45}));
        byte[] body = w.finish();
        MultipartForm f = MultipartForm.parse(w.contentType(), body, "bad");
        assertThat(f.values().get("@jsonPayload")).containsExactly("{\"a\":1}");
        assertThat(f.files().get("docs").get(0).content()).containsExactly(0, 13, 10, 45, 45);
    }
}
