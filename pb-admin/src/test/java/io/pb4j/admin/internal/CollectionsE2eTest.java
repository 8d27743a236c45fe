package io.pb4j.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.UIExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The collection side of the dashboard in a real Chromium ({@code e2e/collections.e2e.mjs}): auth options, fields
 * (drag and keyboard reorder, rename, delete, every option), API rules with suggestions and the server's errors,
 * export and import with the diff, superusers, and a UI extension the server registers on its serve event.
 * Screenshots go to {@code target/screenshots/collections}.
 */
class CollectionsE2eTest {
    /** An extension whose main.js marks the page, so the browser test sees it ran inside the dashboard. */
    static final String EXTENSION_JS = "document.documentElement.dataset.pb4jExtension = 'loaded';";

    @Test
    void theCollectionScreensWorkInChromium() throws Exception {
        Path chromium = E2eRun.chromium();
        Path screenshots = E2eRun.screenshots().resolve("collections");
        try (DashboardServer server = new DashboardServer(true, app -> app.onServe().bindFunc(se -> {
            se.uiExtensions().add(UIExtension.ofMap("e2e", Map.of(
                    "main.js", EXTENSION_JS.getBytes(StandardCharsets.UTF_8),
                    "hello.txt", "hello from an extension".getBytes(StandardCharsets.UTF_8))));
            se.next();
        }))) {
            E2eRun.nodeTests("collections.e2e.mjs", Map.of(
                    "PB_URL", server.base,
                    "SCREENSHOTS", screenshots.toString(),
                    "CHROMIUM", chromium.toString(),
                    "NO_COLOR", "1"), Duration.ofMinutes(5));
        }
        try (var shots = Files.list(screenshots)) {
            assertThat(shots.filter(p -> p.toString().endsWith(".png")).count()).isGreaterThanOrEqualTo(8);
        }
    }
}
