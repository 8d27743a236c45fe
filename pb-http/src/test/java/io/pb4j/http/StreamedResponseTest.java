package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StreamedResponseTest {
    @Test
    void aStreamedBodyReachesTheClientWithTheHeadersMiddlewaresSet() throws Exception {
        try (TestServer s = new TestServer()) {
            s.app.router().get("/api/stream", e -> e.stream(200, "text/plain", out -> {
                for (int i = 0; i < 3; i++) {
                    out.write(("part" + i + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }));
            TestServer.Response r = s.send("GET", "/api/stream", null, null);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("part0\npart1\npart2\n");
            assertThat(r.headers().firstValue("Content-Type")).contains("text/plain");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        }
    }

    @Test
    void headGetsTheHeadersWithoutCallingTheStream() throws Exception {
        try (TestServer s = new TestServer()) {
            s.app.router().get("/api/stream", e -> e.stream(200, "text/plain", out -> {
                throw new AssertionError("HEAD must not write a body");
            }));
            TestServer.Response r = s.send("HEAD", "/api/stream", null, null);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).isEmpty();
        }
    }
}
