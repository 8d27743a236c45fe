package io.pb4j.core.internal.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.StrictJson;
import io.pb4j.core.ValidationError;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PocketBase's settings validation, code by code. */
class SettingsValidatorTest {
    private static Map<String, Object> errors(String patch) {
        return SettingsValidator.validate(SettingsJson.merge(SettingsJson.defaults(), StrictJson.parse(patch).orElseThrow()));
    }

    @SuppressWarnings("unchecked")
    private static String code(Map<String, Object> errors, String... path) {
        Object v = errors;
        for (String p : path) {
            v = ((Map<String, Object>) v).get(p);
            if (v == null) {
                return null;
            }
        }
        return ((ValidationError) v).code();
    }

    @Test
    void theDefaultsAreValid() {
        assertThat(SettingsValidator.validate(SettingsJson.defaults())).isEmpty();
    }

    @Test
    void metaFields() {
        var e = errors("{\"meta\":{\"appName\":\"\",\"appURL\":\"not a url\",\"senderName\":\"" + "x".repeat(256)
                + "\",\"senderAddress\":\"nope\",\"accentColor\":\"#12\"}}");
        assertThat(code(e, "meta", "appName")).isEqualTo("validation_required");
        assertThat(code(e, "meta", "appURL")).isEqualTo("validation_is_url");
        assertThat(code(e, "meta", "senderName")).isEqualTo("validation_length_out_of_range");
        assertThat(code(e, "meta", "senderAddress")).isEqualTo("validation_is_email");
        assertThat(code(e, "meta", "accentColor")).isEqualTo("validation_length_invalid");
        assertThat(code(errors("{\"meta\":{\"accentColor\":\"#12345g\"}}"), "meta", "accentColor")).isEqualTo("validation_is_hex_color");
    }

    @Test
    void smtpS3AndBackups() {
        var e = errors("{\"smtp\":{\"enabled\":true,\"host\":\"\",\"port\":0,\"authMethod\":\"CRAM\",\"localName\":\"bad host!\"},"
                + "\"s3\":{\"enabled\":true,\"endpoint\":\"::\"},\"backups\":{\"cron\":\"* * *\",\"cronMaxKeep\":0,\"s3\":{\"enabled\":true}}}");
        assertThat(code(e, "smtp", "host")).isEqualTo("validation_required");
        assertThat(code(e, "smtp", "port")).isEqualTo("validation_required");
        assertThat(code(e, "smtp", "authMethod")).isEqualTo("validation_in_invalid");
        assertThat(code(e, "smtp", "localName")).isEqualTo("validation_is_host");
        assertThat(code(e, "s3", "endpoint")).isEqualTo("validation_is_url");
        assertThat(code(e, "s3", "bucket")).isEqualTo("validation_required");
        assertThat(code(e, "s3", "secret")).isEqualTo("validation_required");
        assertThat(code(e, "backups", "cron")).isEqualTo("validation_invalid_cron");
        assertThat(code(e, "backups", "cronMaxKeep")).isEqualTo("validation_required");
        assertThat(code(e, "backups", "s3", "region")).isEqualTo("validation_required");
        assertThat(errors("{\"backups\":{\"cron\":\"*/15 0-23 1,15 * 1-5\"}}")).isEmpty();
        assertThat(errors("{\"backups\":{\"cron\":\"@daily\"}}")).isEmpty();
        assertThat(((ValidationError) ((Map<?, ?>) errors("{\"backups\":{\"cron\":\"61 * * * *\"}}").get("backups")).get("cron")).message())
                .isEqualTo("invalid segment value - must be between the min and max of the segment");
    }

    @Test
    void rateLimitsBatchLogsAndIps() {
        var e = errors("{\"rateLimits\":{\"enabled\":true,\"rules\":[{\"label\":\"bad label!\",\"maxRequests\":0,\"duration\":-1,"
                + "\"audience\":\"@x\"}],\"excludedIPs\":[\"1.2.3.4\",\"10.0.0.0/8\",\"nope\",\"\"]},"
                + "\"superuserIPs\":[\"::1\",\"300.1.1.1\"],\"batch\":{\"enabled\":true,\"maxRequests\":0,\"timeout\":-1,\"maxBodySize\":-5},"
                + "\"logs\":{\"maxDays\":-1}}");
        assertThat(code(e, "rateLimits", "rules", "0", "label")).isEqualTo("validation_match_invalid");
        assertThat(code(e, "rateLimits", "rules", "0", "maxRequests")).isEqualTo("validation_required");
        assertThat(code(e, "rateLimits", "rules", "0", "duration")).isEqualTo("validation_min_greater_equal_than_required");
        assertThat(code(e, "rateLimits", "rules", "0", "audience")).isEqualTo("validation_in_invalid");
        assertThat(code(e, "rateLimits", "excludedIPs", "2")).isEqualTo("validation_invlaid_ip_or_subnet");
        assertThat(code(e, "rateLimits", "excludedIPs", "3")).isEqualTo("validation_required");
        assertThat(code(e, "rateLimits", "excludedIPs", "0")).isNull();
        assertThat(code(e, "superuserIPs", "1")).isEqualTo("validation_invlaid_ip_or_subnet");
        assertThat(code(e, "batch", "maxRequests")).isEqualTo("validation_required");
        assertThat(code(e, "batch", "timeout")).isEqualTo("validation_min_greater_equal_than_required");
        assertThat(code(e, "batch", "maxBodySize")).isEqualTo("validation_min_greater_equal_than_required");
        assertThat(code(e, "logs", "maxDays")).isEqualTo("validation_min_greater_equal_than_required");
        assertThat(code(errors("{\"rateLimits\":{\"enabled\":true,\"rules\":[]}}"), "rateLimits", "rules")).isEqualTo("validation_required");
    }

    @Test
    void aRuleThatRepeatsOrPrefixesAnEarlierLabelAndAudienceConflicts() {
        var e = errors("{\"rateLimits\":{\"rules\":[{\"label\":\"/api/\",\"duration\":1,\"maxRequests\":1},"
                + "{\"label\":\"/api/\",\"audience\":\"@auth\",\"duration\":1,\"maxRequests\":1},"
                + "{\"label\":\"/api/\",\"duration\":1,\"maxRequests\":1}]}}");
        // "/api/@@@auth" extends "/api/@@": PocketBase's prefix check makes the second rule the conflicting one
        assertThat(code(e, "rateLimits", "rules", "1", "label")).isEqualTo("validation_conflicting_rate_limit_rule");
        assertThat(code(e, "rateLimits", "rules", "2", "label")).isNull();
        assertThat(errors("{\"rateLimits\":{\"rules\":[{\"label\":\"/api/\",\"audience\":\"@guest\",\"duration\":1,\"maxRequests\":1},"
                + "{\"label\":\"/api/\",\"audience\":\"@auth\",\"duration\":1,\"maxRequests\":1}]}}")).isEmpty();
    }
}
