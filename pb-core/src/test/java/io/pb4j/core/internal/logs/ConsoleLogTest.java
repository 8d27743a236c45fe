package io.pb4j.core.internal.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Dev mode's console lines, as PocketBase's printLog writes them (colours stripped for the comparison). */
class ConsoleLogTest {
    private static String print(int level, String message, Map<String, Object> data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConsoleLog.print(new PrintStream(out, true, StandardCharsets.UTF_8), level, message, data);
        return out.toString(StandardCharsets.UTF_8).replaceAll("\u001b\\[[0-9;]*m", "");
    }

    @Test
    void aFailedRequestShowsItsErrorAndDetailsAsATree() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", "request");
        data.put("error", "Failed to create record.");
        data.put("details", Map.of("title", "Cannot be blank."));
        data.put("status", 400);
        assertThat(print(8, "POST /api/collections/posts/records", data)).isEqualTo("""
                ERROR POST /api/collections/posts/records
                └─ Failed to create record.
                   └─ {"title":"Cannot be blank."}
                """);
    }

    @Test
    void aSuccessfulRequestIsOneLineAndOtherEntriesShowTheirData() {
        assertThat(print(0, "GET /api/health", Map.of("type", "request", "status", 200))).isEqualTo("INFO GET /api/health\n");
        assertThat(print(4, "slow", Map.of("ms", 12))).isEqualTo("WARN slow\n└─ {\"ms\":12}\n");
        assertThat(print(-4, "quiet", Map.of())).isEqualTo("DEBUG quiet\n");
        assertThat(print(2, "custom", Map.of())).isEqualTo("[2] custom\n");
    }
}
