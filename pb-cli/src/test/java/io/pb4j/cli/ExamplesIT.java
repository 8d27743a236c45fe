package io.pb4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The application examples are projects of their own that import only pb4j's BOM: each is copied out of the
 * repository and built with its tests ({@code mvn verify}) as its author would build it, offline, against this
 * build's artifacts (see {@link OAuth2ProviderPluginIT#buildExample}).
 */
class ExamplesIT {
    @ParameterizedTest
    @CsvSource({"examples/hello, pb4j-example-hello-1.0.0.jar", "examples/minimal, pb4j-example-minimal-1.0.0.jar",
            "examples/framework, pb4j-example-framework-1.0.0.jar"})
    void anExampleBuildsAndPassesItsTestsOnItsOwn(String example, String jar) throws Exception {
        Path pom = Path.of(System.getProperty("pb4j.root", "..")).resolve(example).resolve("pom.xml");
        assertThat(Files.readString(pom)).doesNotContain("<parent>").contains("<artifactId>pb-bom</artifactId>");
        Path work = Path.of("target/it-" + example.replace('/', '-')).toAbsolutePath();
        Path built = OAuth2ProviderPluginIT.buildExample(work, example, jar, List.of("verify"));
        assertThat(built).isRegularFile();
        Path reports = work.resolve("project/target/surefire-reports");
        try (var files = Files.list(reports)) {
            List<String> summaries = files.filter(p -> p.toString().endsWith(".txt")).map(p -> {
                try {
                    return Files.readString(p);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertThat(summaries).isNotEmpty().allSatisfy(s -> assertThat(s).contains("Failures: 0, Errors: 0, Skipped: 0"));
        }
    }
}
