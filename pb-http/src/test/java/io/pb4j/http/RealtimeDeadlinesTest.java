package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The read deadlines of slow clients (Go's ReadHeaderTimeout) never cut a long-lived event stream. */
class RealtimeDeadlinesTest {
    @Test
    void anEventStreamOutlivesTheHeaderReadDeadline() throws Exception {
        try (TestServer server = TestServer.on(TestServer.newTempDir(), cfg -> cfg.readHeaderTimeout(Duration.ofSeconds(1)))) {
            try (SseClient c = new SseClient(server)) {
                assertThat(c.awaitEnd(Duration.ofSeconds(4))).as("the stream is still open past the 1 s deadline").isFalse();
                server.app.realtime().client(c.clientId).orElseThrow()
                        .send(new io.pb4j.core.realtime.RealtimeMessage("late", "{}"));
                assertThat(c.next().name()).isEqualTo("late");
            }
        }
    }
}
