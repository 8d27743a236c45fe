package io.pb4j.http;

import io.pb4j.http.PbScenario.Skipped;
import java.util.List;

/**
 * PocketBase v0.39.11's apis/extensions_test.go: the dashboard's UI extensions are served by the pb-admin module,
 * which pb-http does not depend on, so all seven scenarios are ported there, over a real server, as
 * {@code io.pb4j.admin.internal.ExtensionsTest} (the "disabled UI" one is an app without extensions or without the
 * module: the route is simply missing).
 */
final class PocketBaseExtensionsScenarios {
    private static final String FILE = "extensions_test.go";
    private static final String WHERE = "served by pb-admin (not a pb-http dependency); ported in pb-admin's ExtensionsTest";

    private PocketBaseExtensionsScenarios() {
    }

    static final List<Skipped> SKIPPED = List.of(
            new Skipped(FILE, "TestUIExtensions_Mainjs", 26, "disabled UI", WHERE),
            new Skipped(FILE, "TestUIExtensions_Mainjs", 48, "no extensions", WHERE),
            new Skipped(FILE, "TestUIExtensions_Mainjs", 57, "with extensions", WHERE),
            new Skipped(FILE, "TestUIExtensions_Files", 103, "no extensions", WHERE),
            new Skipped(FILE, "TestUIExtensions_Files", 111, "with missing extension file", WHERE),
            new Skipped(FILE, "TestUIExtensions_Files", 120, "with existing extension file (ext1)", WHERE),
            new Skipped(FILE, "TestUIExtensions_Files", 129, "with existing extension file (extension name escape)", WHERE));
}
