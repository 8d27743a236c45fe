package io.pb4j.core.internal.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pb4j.core.StrictJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/** Decoding onto settings as Go's json.Unmarshal into PocketBase's settings struct. */
class SettingsJsonTest {
    private static JsonValue json(String text) {
        return StrictJson.parse(text).orElseThrow();
    }

    private static JsonObject merge(String patch) {
        return SettingsJson.merge(SettingsJson.defaults(), json(patch));
    }

    @Test
    void defaultsHaveGoKeyOrderAndEmptySecrets() {
        assertThat(SettingsJson.defaults().keySet()).containsExactly("superuserIPs", "smtp", "backups", "s3", "meta",
                "rateLimits", "trustedProxy", "batch", "logs");
        assertThat(SettingsJson.defaults().getJsonObject("s3").keySet()).containsExactly("enabled", "bucket", "region",
                "endpoint", "accessKey", "secret", "forcePathStyle");
        assertThat(SettingsJson.hidden(SettingsJson.defaults()).toString()).doesNotContain("secret", "password");
    }

    @Test
    void keysNotGivenKeepTheirValuesAndUnknownKeysAreIgnored() {
        JsonObject out = merge("{\"meta\":{\"appName\":\"x\"},\"unknown\":1,\"smtp\":{\"nope\":true}}");
        assertThat(out.getJsonObject("meta").getString("appName")).isEqualTo("x");
        assertThat(out.getJsonObject("meta").getString("appURL")).isEqualTo("http://localhost:8090");
        assertThat(out.containsKey("unknown")).isFalse();
        assertThat(out.getJsonObject("smtp").containsKey("nope")).isFalse();
    }

    @Test
    void keysMatchIgnoringCaseAndNullKeepsScalarsButEmptiesLists() {
        JsonObject out = merge("{\"META\":{\"appname\":\"y\",\"appURL\":null},\"rateLimits\":{\"rules\":null}}");
        assertThat(out.getJsonObject("meta").getString("appName")).isEqualTo("y");
        assertThat(out.getJsonObject("meta").getString("appURL")).isEqualTo("http://localhost:8090");
        assertThat(out.getJsonObject("rateLimits").getJsonArray("rules")).isEmpty();
    }

    @Test
    void listItemsDecodeOntoTheItemAtTheSameIndex() {
        JsonObject out = merge("{\"rateLimits\":{\"rules\":[{\"label\":\"abc\"},{\"label\":\"a\"},{},{},{\"label\":\"new\"}]}}");
        var rules = out.getJsonObject("rateLimits").getJsonArray("rules");
        assertThat(rules).hasSize(5);
        assertThat(rules.getJsonObject(0).toString()).isEqualTo("{\"label\":\"abc\",\"audience\":\"\",\"duration\":3,\"maxRequests\":2}");
        assertThat(rules.getJsonObject(4).toString()).isEqualTo("{\"label\":\"new\",\"audience\":\"\",\"duration\":0,\"maxRequests\":0}");
    }

    @Test
    void valuesOfTheWrongTypeCannotBeLoaded() {
        assertThatThrownBy(() -> merge("{\"meta\":\"x\"}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> merge("{\"smtp\":{\"port\":\"587\"}}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> merge("{\"smtp\":{\"port\":1.5}}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> merge("{\"smtp\":{\"enabled\":1}}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> merge("{\"superuserIPs\":[1]}")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStoredRowKeepsTheSmtpPasswordAndOmitsEmptyS3Secrets() {
        JsonObject stored = SettingsJson.stored(merge("{\"s3\":{\"secret\":\"s\"}}"));
        assertThat(stored.getJsonObject("smtp").containsKey("password")).isTrue();
        assertThat(stored.getJsonObject("s3").getString("secret")).isEqualTo("s");
        assertThat(stored.getJsonObject("backups").getJsonObject("s3").containsKey("secret")).isFalse();
    }
}
