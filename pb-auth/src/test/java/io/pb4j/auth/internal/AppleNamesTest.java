package io.pb4j.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** PocketBase's {@code parseAndStoreAppleRedirectName} (record_auth_with_oauth2_redirect_test.go's Apple cases). */
class AppleNamesTest {
    private static final String LONG_USER = "{\"name\":{\"firstName\":\"aaa\",\"lastName\":\"" + "b".repeat(200) + "\"}}";

    @Test
    void keepsTheFirstAndLastNameCutTo150BytesOnceForItsCode() {
        AppleNames names = new AppleNames();
        String code = "a".repeat(985); // "@redirect_name_" + code: 1000 characters, the longest key kept
        names.store(code, LONG_USER);
        assertThat(names.take(code)).contains("aaa " + "b".repeat(146));
        assertThat(names.take(code)).as("taken once").isEmpty();
    }

    @Test
    void keepsNothingForATooLongKeyBadJsonOrABlankName() {
        AppleNames names = new AppleNames();
        String tooLong = "a".repeat(986);
        names.store(tooLong, LONG_USER);
        assertThat(names.has(tooLong)).isFalse();
        names.store("c1", "{not json");
        names.store("c2", "{\"name\":{\"firstName\":\"  \",\"lastName\":\"\"}}");
        names.store("c3", "{\"name\":\"Plain\"}");
        names.store("c4", "");
        assertThat(names.has("c1") || names.has("c2") || names.has("c3") || names.has("c4")).isFalse();
    }

    @Test
    void trimsAndCutsInTheMiddleOfACharacterAsGoDoes() {
        AppleNames names = new AppleNames();
        names.store("c", "{\"name\":{\"firstName\":\" Zoë\",\"lastName\":\"\"}}");
        assertThat(names.take("c")).contains("Zoë");
        // 149 ASCII bytes then a two-byte character: byte 150 is half of it
        names.store("d", "{\"name\":{\"firstName\":\"" + "x".repeat(148) + "\",\"lastName\":\"é\"}}");
        assertThat(names.take("d")).contains("x".repeat(148) + " \uFFFD");
    }
}
