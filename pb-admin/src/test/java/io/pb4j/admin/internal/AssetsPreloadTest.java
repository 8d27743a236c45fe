package io.pb4j.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The index page names every module for preloading, so the browser fetches them at once instead of level by level. */
class AssetsPreloadTest {
    @Test
    void everyModuleButTheEntryIsPreloadedUnderItsHashedName() {
        Assets assets = Assets.load();
        Matcher imports = Pattern.compile("\"pb/([a-z-]+\\.js)\":\"(/_/assets/[^\"]+)\"").matcher(assets.index());
        int modules = 0;
        while (imports.find()) {
            modules++;
            String link = "<link rel=\"modulepreload\" href=\"" + imports.group(2) + "\">";
            if (imports.group(1).equals("main.js")) {
                assertThat(assets.index()).doesNotContain(link);
            } else {
                assertThat(assets.index()).as(imports.group(1)).contains(link);
                assertThat(assets.find(imports.group(2).substring(Assets.PREFIX.length()))).isPresent();
            }
        }
        assertThat(modules).isGreaterThanOrEqualTo(15);
        assertThat(assets.index()).doesNotContain("{{");
    }
}
