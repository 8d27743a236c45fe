package io.pb4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The BOM pins the libraries an app meets at the versions pb4j itself is built and tested with. */
class BomVersionsTest {
    private static final Pattern VERSION = Pattern.compile("<([\\w.-]+\\.version)>([^<]+)</\\1>");

    @Test
    void theBomPinsTheLibrariesAtTheBuildsVersions() throws Exception {
        Path root = Path.of(System.getProperty("pb4j.root", "..")).toAbsolutePath().normalize();
        Map<String, String> bom = versions(root.resolve("pb-bom/pom.xml"));
        Map<String, String> build = versions(root.resolve("pom.xml"));
        assertThat(bom).containsKeys("helidon.version", "parsson.version", "jakarta.json.version", "java-jwt.version",
                "sqlite-jdbc.version", "junit.version", "assertj.version");
        bom.forEach((name, version) -> assertThat(build).as(name).containsEntry(name, version));
    }

    private static Map<String, String> versions(Path pom) throws Exception {
        Map<String, String> versions = new TreeMap<>();
        Matcher m = VERSION.matcher(Files.readString(pom));
        while (m.find()) {
            versions.put(m.group(1), m.group(2));
        }
        return versions;
    }
}
