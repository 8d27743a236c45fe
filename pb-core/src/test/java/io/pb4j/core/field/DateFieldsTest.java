package io.pb4j.core.field;

import static io.pb4j.core.field.Fixtures.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.ValidationError;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DateFieldsTest {
    private static final String NOW = "2026-01-02 03:04:05.678Z";

    private final DateField date = field("{'type':'date','name':'d','id':'x','min':'2020-01-01 00:00:00.000Z','max':'2030-01-01'}");

    @Test
    void inputIsNormalisedToCanonicalTextAndGarbageBecomesEmpty() {
        assertThat(date.coerce("2024-01-01T10:00:00.123456Z")).isEqualTo("2024-01-01 10:00:00.123Z");
        assertThat(date.coerce("garbage")).isEmpty();
        assertThat(date.fromColumn("2024-01-01 10:00:00.000Z")).isEqualTo("2024-01-01 10:00:00.000Z");
        assertThat(date.toJson().toString()).contains("\"max\":\"2030-01-01 00:00:00.000Z\"");
    }

    @Test
    void rangeErrorsCarryGoStyleThresholds() {
        assertThat(date.validate("2010-01-01 00:00:00.000Z")).contains(new ValidationError(
                "validation_min_greater_equal_than_required", "Must be no less than 2020-01-01 00:00:00 +0000 UTC.",
                Map.of("threshold", "2020-01-01T00:00:00Z")));
        assertThat(date.validate("2040-01-01 00:00:00.000Z").get().code())
                .isEqualTo("validation_max_less_equal_than_required");
        assertThat(date.validate("2025-01-01 00:00:00.000Z")).isEmpty();
        assertThat(date.validate("")).isEmpty();
        DateField required = field("{'type':'date','name':'d','id':'x','required':true}");
        assertThat(required.validate("nope")).contains(ValidationError.required());
    }

    @Test
    void definitionRejectsMaxBeforeMin() {
        DateField bad = field("{'type':'date','name':'d','id':'x','min':'2030-01-01','max':'2020-01-01'}");
        assertThat(bad.validateDefinition().get("max").code()).isEqualTo("validation_date_out_of_range");
    }

    @Test
    void autodateStampsOnCreateOnInsertAndOnUpdateOnEveryUpdate() {
        AutodateField created = field("{'type':'autodate','name':'created','onCreate':true}");
        AutodateField updated = field("{'type':'autodate','name':'updated','onCreate':true,'onUpdate':true}");
        AutodateField onlyUpdate = field("{'type':'autodate','name':'u','onUpdate':true}");
        String old = "2020-01-01 00:00:00.000Z";
        assertThat(created.beforeSave("", true, NOW)).isEqualTo(NOW);
        assertThat(created.beforeSave(old, false, NOW)).isEqualTo(old);
        assertThat(updated.beforeSave(old, false, NOW)).isEqualTo(NOW);
        assertThat(onlyUpdate.beforeSave("", true, NOW)).isEmpty();
        assertThat(created.validate("anything")).isEmpty();
    }

    @Test
    void autodateHasNoHelpAndNeedsOneTrigger() {
        AutodateField none = field("{'type':'autodate','name':'a','id':'x'}");
        assertThat(none.toJson().containsKey("help")).isFalse();
        assertThat(none.validateDefinition().get("onCreate")).isEqualTo(new ValidationError("validation_required",
                "Either onCreate or onUpdate must be enabled."));
        assertThat(Fixtures.<AutodateField>field("{'type':'autodate','name':'a','id':'x','onUpdate':true}")
                .validateDefinition()).isEmpty();
    }
}
