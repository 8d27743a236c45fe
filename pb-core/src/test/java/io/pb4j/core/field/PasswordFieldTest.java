package io.pb4j.core.field;

import static io.pb4j.core.field.Fixtures.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.ValidationError;
import org.junit.jupiter.api.Test;

class PasswordFieldTest {
    private static final String NOW = "2026-01-02 03:04:05.678Z";

    private final PasswordField field = field("{'type':'password','name':'p','id':'x','min':8,'pattern':'[0-9]','required':true}");

    @Test
    void coerceSetsThePlainTextAndColumnsHoldTheHash() {
        assertThat(field.coerce("secret")).isEqualTo(new PasswordValue("", "secret"));
        assertThat(field.fromColumn("$2a$10$abc")).isEqualTo(new PasswordValue("$2a$10$abc", ""));
        assertThat(field.toColumn(new PasswordValue("$2a$10$abc", "x"))).isEqualTo("$2a$10$abc");
        assertThat(field.toJsonValue(new PasswordValue("$2a$10$abc", "x")).toString()).isEqualTo("\"\"");
    }

    @Test
    void validatesThePlainTextLengthAndPattern() {
        assertThat(field.validate("abc1")).contains(new ValidationError("validation_min_text_constraint",
                "Must be at least 8 character(s)."));
        assertThat(field.validate("a".repeat(71) + "1")).contains(new ValidationError("validation_max_text_constraint",
                "Must be less than 71 character(s)."));
        assertThat(field.validate("abcdefgh")).contains(new ValidationError("validation_invalid_format",
                "Invalid value format."));
        assertThat(field.validate("abcdefg1")).isEmpty();
    }

    @Test
    void requiredIsMetByAStoredHash() {
        assertThat(field.validate(PasswordValue.EMPTY)).contains(ValidationError.required());
        assertThat(field.validate(new PasswordValue("$2a$10$abc", ""))).isEmpty();
    }

    @Test
    void beforeSaveHashesOnlyANonEmptyPlainText() {
        PasswordValue stored = new PasswordValue("$2a$10$abc", "");
        assertThat(field.beforeSave(stored, false, NOW)).isSameAs(stored);
        PasswordValue hashed = (PasswordValue) field.beforeSave(field.coerce("abcdefg1"), true, NOW);
        assertThat(hashed.hash()).startsWith("$2a$");
        assertThat(io.pb4j.core.security.Passwords.verify("abcdefg1", hashed.hash())).isTrue();
    }

    @Test
    void definitionRangesFollowPocketBase() {
        var errors = Fixtures.<PasswordField>field("{'type':'password','name':'p','id':'x','min':80,'max':5,'cost':3,'pattern':'('}")
                .validateDefinition();
        assertThat(errors.get("min").code()).isEqualTo("validation_max_less_equal_than_required");
        assertThat(errors.get("max").code()).isEqualTo("validation_min_greater_equal_than_required");
        assertThat(errors.get("cost").code()).isEqualTo("validation_min_greater_equal_than_required");
        assertThat(errors.get("pattern").code()).isEqualTo("validation_invalid_regex");
        assertThat(Fixtures.<PasswordField>field("{'type':'password','name':'p','id':'x'}").validateDefinition()).isEmpty();
    }
}
