package io.pb4j.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.UIExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        NodeE2e e2e = new NodeE2e("collections");
        try (DashboardServer server = new DashboardServer(true, app -> app.onServe().bindFunc(se -> {
            se.uiExtensions().add(UIExtension.ofMap("e2e", Map.of(
                    "main.js", EXTENSION_JS.getBytes(StandardCharsets.UTF_8),
                    "hello.txt", "hello from an extension".getBytes(StandardCharsets.UTF_8))));
            se.next();
        }))) {
            NodeE2e.Result result = e2e.test("collections.e2e.mjs", server, Map.of(), Duration.ofMinutes(5));
            System.out.println(result.output());
            assertThat(result.code()).as("the browser tests (screenshots in %s):%n%s", e2e.screenshots, result.output()).isZero();
            assertThat(result.output()).containsPattern("ℹ fail 0\\n").containsPattern("ℹ pass [1-9]").contains("ℹ skipped 0\n");
        }
        try (var shots = Files.list(e2e.screenshots)) {
            assertThat(shots.filter(p -> p.toString().endsWith(".png")).count()).isGreaterThanOrEqualTo(8);
        }
    }
}
