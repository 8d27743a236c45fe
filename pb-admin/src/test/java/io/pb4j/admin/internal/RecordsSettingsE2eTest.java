package io.pb4j.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's records and settings screens in Debian's Chromium ({@code e2e/records-settings.e2e.mjs}): bulk
 * select and delete, duplicate, choosable columns, a read-only view, export and import, every field's input, the grid
 * updated live by another client's writes, and the settings for S3, backups (upload, restore), crons, rate limits,
 * trusted proxy and batch. The server has a cron job that leaves a file behind, so "Run now" can be seen to run it.
 */
class RecordsSettingsE2eTest {
    @Test
    void recordsAndSettingsWorkInChromium() throws Exception {
        Path chromium = E2eRun.chromium();
        try (DashboardServer server = new DashboardServer(true)) {
            Path cronMark = server.dir.resolve("cron-ran.txt");
            server.app.cron().add("dashboard_ping", "0 0 1 1 *", () -> {
                try {
                    Files.writeString(cronMark, "ran\n", StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            E2eRun.nodeTests("records-settings.e2e.mjs", Map.of(
                    "PB_URL", server.base,
                    "PB_EMAIL", "admin@example.com",
                    "PB_PASSWORD", "1234567890",
                    "PB_CRON_FILE", cronMark.toString(),
                    "SCREENSHOTS", E2eRun.screenshots().resolve("records-settings").toString(),
                    "CHROMIUM", chromium.toString(),
                    "NO_COLOR", "1"), Duration.ofMinutes(6));
            assertThat(cronMark).as("Run now ran the job").exists();
        }
        try (var shots = Files.list(E2eRun.screenshots().resolve("records-settings"))) {
            assertThat(shots.filter(p -> p.toString().endsWith(".png")).count()).isGreaterThanOrEqualTo(10);
        }
    }
}
