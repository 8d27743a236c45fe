package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.http.PbScenario.Skipped;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The bookkeeping of PocketBase v0.39.11's own API scenarios ({@link PocketBaseScenarios}): how many each test file has,
 * which pb4j does not pass yet, and that the tables add up. The scenarios themselves run in one class per PocketBase
 * test file ({@link PocketBaseTestFile}, e.g. {@link RecordCrudScenariosTest}) on the test kit. Scenarios pb4j does not
 * pass yet are in {@link #KNOWN_FAILURES} and are asserted to still fail, so a fix makes the build ask to move them back.
 */
class PocketBaseScenariosTest {
    /** Scenario key ({@code Func/name}) to why pb4j fails it. */
    static final Map<String, String> KNOWN_FAILURES = Map.ofEntries();

    /** Scenarios per PocketBase test file at v0.39.11 (the whole file, ported or not). */
    static final Map<String, Integer> SCENARIOS_PER_FILE = Map.ofEntries(
            Map.entry("health_test.go", 3),
            Map.entry("record_crud_test.go", 145),
            Map.entry("collection_test.go", 74),
            Map.entry("record_auth_with_password_test.go", 25),
            Map.entry("record_auth_refresh_test.go", 11),
            Map.entry("batch_test.go", 15),
            Map.entry("collection_import_test.go", 8),
            Map.entry("record_auth_methods_test.go", 6),
            Map.entry("record_auth_with_oauth2_test.go", 29),
            Map.entry("record_auth_with_oauth2_redirect_test.go", 11),
            Map.entry("record_auth_impersonate_test.go", 6),
            Map.entry("record_crud_mfa_test.go", 16),
            Map.entry("record_crud_external_auth_test.go", 15),
            Map.entry("record_auth_otp_request_test.go", 12),
            Map.entry("record_auth_with_otp_test.go", 17),
            Map.entry("record_auth_verification_request_test.go", 10),
            Map.entry("record_auth_verification_confirm_test.go", 13),
            Map.entry("record_auth_password_reset_request_test.go", 10),
            Map.entry("record_auth_password_reset_confirm_test.go", 12),
            Map.entry("record_auth_email_change_request_test.go", 11),
            Map.entry("record_auth_email_change_confirm_test.go", 11),
            Map.entry("record_crud_otp_test.go", 16),
            Map.entry("record_crud_auth_origin_test.go", 15),
            Map.entry("logs_test.go", 12),
            Map.entry("backup_test.go", 39),
            Map.entry("cron_test.go", 8),
            Map.entry("sql_test.go", 11),
            Map.entry("settings_test.go", 29),
            Map.entry("realtime_test.go", 17),
            Map.entry("file_test.go", 52),
            Map.entry("extensions_test.go", 7));

    @Test
    void tablesAreConsistent() {
        Set<String> keys = new HashSet<>();
        for (PbScenario s : PocketBaseScenarios.PORTED) {
            assertThat(keys.add(s.key())).as("duplicate scenario " + s.key()).isTrue();
        }
        assertThat(keys).containsAll(KNOWN_FAILURES.keySet());
        Map<String, Long> ported = PocketBaseScenarios.PORTED.stream()
                .collect(Collectors.groupingBy(PbScenario::file, TreeMap::new, Collectors.counting()));
        Map<String, Long> skipped = PocketBaseScenarios.SKIPPED.stream()
                .collect(Collectors.groupingBy(Skipped::file, TreeMap::new, Collectors.counting()));
        SCENARIOS_PER_FILE.forEach((file, total) -> assertThat(ported.getOrDefault(file, 0L) + skipped.getOrDefault(file, 0L))
                .as(file + ": ported + skipped").isEqualTo(total.longValue()));
    }
}
