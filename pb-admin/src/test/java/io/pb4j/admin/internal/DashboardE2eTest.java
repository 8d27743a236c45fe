package io.pb4j.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dashboard in a real browser: {@code e2e/dashboard.e2e.mjs} drives Debian's Chromium through playwright-core
 * (which never downloads a browser) against a fresh server started here, from the installer link it printed to records
 * with a file and a relation. Screenshots go to {@code target/screenshots}. A missing Chromium or Node.js fails the
 * test with what to install: a green build means the browser really ran.
 */
class DashboardE2eTest {
    @Test
    void theDashboardWorksInChromiumFromInstallToRecords() throws Exception {
        Path chromium = E2eRun.chromium();
        Path screenshots = E2eRun.screenshots();
        try (DashboardServer server = new DashboardServer(false)) {
            assertThat(server.installerLink()).as("the installer link in:%n%s", server.startOutput).isNotEmpty();
            E2eRun.nodeTests("dashboard.e2e.mjs", Map.of(
                    "PB_URL", server.base,
                    "PB_INSTALL_LINK", server.installerLink(),
                    "SCREENSHOTS", screenshots.toString(),
                    "CHROMIUM", chromium.toString(),
                    "PB_MAIL_FILE", server.mailFile().toString(),
                    "NO_COLOR", "1"), Duration.ofMinutes(4));
        }
        try (var shots = Files.list(screenshots)) {
            assertThat(shots.filter(p -> p.toString().endsWith(".png")).count()).isGreaterThanOrEqualTo(10);
        }
    }
}
