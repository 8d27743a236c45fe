package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.http.PbScenario.Skipped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The scenario tables of {@code src/test/README.md} are made from the scenario data ({@link PocketBaseScenarios},
 * {@link PocketBaseScenariosTest#KNOWN_FAILURES}); this test fails when they differ, and
 * {@code -Dpb4j.updateReadme=true} rewrites them.
 */
class ScenarioTablesTest {
    private static final Path README = Path.of("src/test/README.md");
    private static final String BEGIN = "<!-- scenario tables: made by ScenarioTablesTest from the scenario data -->";
    private static final String END = "<!-- end of the scenario tables -->";

    @Test
    void readmeTablesMatchTheScenarioData() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int from = readme.indexOf(BEGIN);
        int to = readme.indexOf(END);
        assertThat(from).as("README markers").isNotNegative().isLessThan(to);
        String current = readme.substring(from + BEGIN.length(), to);
        String tables = "\n" + tables();
        if (Boolean.getBoolean("pb4j.updateReadme")) {
            Files.writeString(README, readme.substring(0, from + BEGIN.length()) + tables + readme.substring(to),
                    StandardCharsets.UTF_8);
        } else {
            assertThat(current).as("src/test/README.md scenario tables are stale; rerun this test with "
                    + "-Dpb4j.updateReadme=true").isEqualTo(tables);
        }
    }

    static String tables() {
        List<PbScenario> ported = PocketBaseScenarios.PORTED;
        List<Skipped> skipped = PocketBaseScenarios.SKIPPED;
        Predicate<PbScenario> failing = s -> PocketBaseScenariosTest.KNOWN_FAILURES.containsKey(s.key());
        Set<String> files = new LinkedHashSet<>();
        Map<String, String> functions = new LinkedHashMap<>();
        ported.forEach(s -> {
            files.add(s.file());
            functions.putIfAbsent(s.func(), s.file());
        });
        skipped.forEach(s -> {
            files.add(s.file());
            functions.putIfAbsent(s.func(), s.file());
        });
        StringBuilder md = new StringBuilder();

        md.append("### Per file\n\n| PocketBase file | scenarios | ported | passing | known failures | not ported |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        for (String file : files) {
            long p = ported.stream().filter(s -> s.file().equals(file)).count();
            long f = ported.stream().filter(s -> s.file().equals(file)).filter(failing).count();
            long n = skipped.stream().filter(s -> s.file().equals(file)).count();
            md.append(String.format("| `apis/%s` | %d | %d | %d | %d | %d |%n", file, p + n, p, p - f, f, n));
        }
        long p = ported.size();
        long f = ported.stream().filter(failing).count();
        md.append(String.format("| **total** | **%d** | **%d** | **%d** | **%d** | **%d** |%n%n", p + skipped.size(), p, p - f, f,
                skipped.size()));

        md.append("### Per Go test function\n\n| PocketBase file | Go test | scenarios | ported | passing | known failures | not ported |\n")
                .append("|---|---|---:|---:|---:|---:|---:|\n");
        for (var e : functions.entrySet()) {
            String func = e.getKey();
            long fp = ported.stream().filter(s -> s.func().equals(func)).count();
            long ff = ported.stream().filter(s -> s.func().equals(func)).filter(failing).count();
            long fn = skipped.stream().filter(s -> s.func().equals(func)).count();
            md.append(String.format("| `apis/%s` | `%s` | %d | %d | %d | %d | %d |%n", e.getValue(), func, fp + fn, fp, fp - ff,
                    ff, fn));
        }

        md.append("\n### Not ported (").append(skipped.size()).append(")\n\n| file:line | scenario | reason |\n|---|---|---|\n");
        skipped.forEach(s -> md.append(String.format("| `%s:%d` | `%s/%s` | %s |%n", s.file(), s.line(), s.func(), s.name(),
                s.reason())));

        List<PbScenario> known = ported.stream().filter(failing).toList();
        md.append("\n### Known failures (").append(known.size()).append("): ported, failing today\n\n");
        if (known.isEmpty()) {
            md.append("None.\n");
        } else {
            md.append("| file:line | scenario | what differs |\n|---|---|---|\n");
            known.forEach(s -> md.append(String.format("| `%s:%d` | `%s` | %s |%n", s.file(), s.line(), s.key(),
                    PocketBaseScenariosTest.KNOWN_FAILURES.get(s.key()))));
        }

        md.append("\n### Ported, but parts not checked\n\nThe test kit runs every scenario (one class per PocketBase file, e.g. `RecordCrudScenariosTest`); `ExpectedEvents` (hook call counts) is checked in the ")
                .append(ported.stream().filter(s -> !s.events().isEmpty()).count()).append(" scenarios that give them. Beyond that:\n\n")
                .append("| file:line | scenario | not checked |\n|---|---|---|\n");
        ported.stream().filter(s -> !s.unchecked().isEmpty()).forEach(s -> md.append(String.format("| `%s:%d` | `%s` | %s |%n",
                s.file(), s.line(), s.key(), String.join("; ", s.unchecked()))));

        md.append("\n### Ported with a stand-in for `BeforeTestFunc`\n\n| file:line | scenario | setup |\n|---|---|---|\n");
        List<PbScenario> withSetup = new ArrayList<>(ported.stream().filter(s -> s.setup() != null).toList());
        withSetup.forEach(s -> md.append(String.format("| `%s:%d` | `%s` | `%s` |%n", s.file(), s.line(), s.key(),
                s.setup())));

        md.append("\n### Ported with a stand-in for `AfterTestFunc`\n\n| file:line | scenario | check |\n|---|---|---|\n");
        ported.stream().filter(s -> s.after() != null).forEach(s -> md.append(String.format("| `%s:%d` | `%s` | `%s` |%n",
                s.file(), s.line(), s.key(), s.after())));
        return md.toString();
    }
}
