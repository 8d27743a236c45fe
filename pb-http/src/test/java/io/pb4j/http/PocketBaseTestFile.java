package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.test.ApiScenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The scenarios of one PocketBase v0.39.11 test file ({@code apis/<file>}) from {@link PocketBaseScenarios#PORTED}, run
 * by the test kit ({@link ApiScenario} on a {@link io.pb4j.test.TestApp} that counts hook calls): a subclass per file,
 * named after it ({@code record_crud_test.go}: {@code RecordCrudScenariosTest}). Read-only scenarios share one copy of
 * the fixture per class; every other scenario gets a fresh copy. A scenario in
 * {@link #expectedToFail()} is asserted to still fail. Every outcome goes to
 * {@code target/pocketbase-scenarios.txt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PocketBaseTestFile {
    private static final Path REPORT = Path.of("target", "pocketbase-scenarios.txt");
    private static final AtomicBoolean REPORT_STARTED = new AtomicBoolean();

    private final Predicate<String> files;
    private TestServer shared;

    /** The scenarios of the PocketBase test files {@code files} accepts. */
    PocketBaseTestFile(Predicate<String> files) {
        this.files = files;
    }

    /** The scenarios of {@code file}, e.g. {@code record_crud_test.go}. */
    PocketBaseTestFile(String file) {
        this(file::equals);
    }

    /** {@code record_crud_test.go} → {@code RecordCrudScenariosTest}: the class that runs a file's scenarios. */
    static String className(String file) {
        StringBuilder b = new StringBuilder();
        for (String part : file.replaceFirst("_test\\.go$", "").split("_")) {
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.append("ScenariosTest").toString();
    }

    Stream<PbScenario> passing() {
        return PocketBaseScenarios.PORTED.stream().filter(s -> files.test(s.file()))
                .filter(s -> !expectedToFail().containsKey(s.key()));
    }

    Stream<PbScenario> knownFailures() {
        return PocketBaseScenarios.PORTED.stream().filter(s -> files.test(s.file()))
                .filter(s -> expectedToFail().containsKey(s.key()));
    }

    /**
     * {@link PocketBaseScenariosTest#KNOWN_FAILURES}, and on PostgreSQL ({@code -Dpb4j.test.db=postgres}, or two nodes
     * with {@code -Dpb4j.test.nodes=2}) also {@link PostgresKnownFailures#FAILURES}.
     */
    static java.util.Map<String, String> expectedToFail() {
        if (!PostgresFixture.enabled()) {
            return PocketBaseScenariosTest.KNOWN_FAILURES;
        }
        java.util.Map<String, String> all = new java.util.HashMap<>(PocketBaseScenariosTest.KNOWN_FAILURES);
        all.putAll(PostgresKnownFailures.FAILURES);
        return all;
    }

    @AfterAll
    void stopShared() throws IOException {
        if (shared != null) {
            shared.close();
        }
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("passing")
    @Execution(ExecutionMode.CONCURRENT)
    void scenario(PbScenario s) {
        assertThat(run(s)).as(s.key()).isEmpty();
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("knownFailures")
    @Execution(ExecutionMode.CONCURRENT)
    void knownFailureStillFails(PbScenario s) {
        assertThat(run(s)).as(s.key() + " passes now: move it out of KNOWN_FAILURES (and update src/test/README.md)")
                .isNotEmpty();
    }

    /** Runs the scenario with the kit and returns what is wrong (empty when it passes); logs the outcome. */
    private List<String> run(PbScenario s) {
        List<String> problems;
        try {
            if (s.writes()) {
                try (TestServer fresh = TestServer.onFixtureCounted()) {
                    s.toApiScenario(fresh).test(fresh.kit());
                }
            } else {
                TestServer server = shared();
                s.toApiScenario(server).test(server.kit());
            }
            problems = List.of();
        } catch (Exception | AssertionError e) {
            problems = List.of(e instanceof AssertionError ? e.getMessage() : "error: " + e);
        }
        report(s, problems);
        return problems;
    }

    private synchronized TestServer shared() {
        if (shared == null) {
            shared = TestServer.onFixtureCounted();
        }
        return shared;
    }

    private static synchronized void report(PbScenario s, List<String> problems) {
        StringBuilder b = new StringBuilder();
        b.append(problems.isEmpty() ? "PASS " : "FAIL ").append(s.file()).append(':').append(s.line()).append(' ')
                .append(s.key()).append('\n');
        if (!problems.isEmpty()) {
            if (s.setup() != null) {
                b.append("  setup=").append(s.setup()).append('\n');
            }
            if (s.body() != null) {
                b.append("  request body: ").append(abbrev(PbScenario.compactJson(s.body()), 400)).append('\n');
            }
            b.append("  expected: ").append(s.status()).append(" with ").append(s.expected()).append(" without ")
                    .append(s.notExpected()).append(s.events().isEmpty() ? "" : " events " + s.events()).append('\n');
            problems.forEach(p -> b.append("  - ").append(abbrev(p, 6000).replace("\n", "\n    ")).append('\n'));
        }
        try {
            Files.createDirectories(REPORT.getParent());
            if (REPORT_STARTED.compareAndSet(false, true)) {
                Files.writeString(REPORT, "");
            }
            Files.writeString(REPORT, b, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String abbrev(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…(" + s.length() + " chars)";
    }
}
