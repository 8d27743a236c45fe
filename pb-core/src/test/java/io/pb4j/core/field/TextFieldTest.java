package io.pb4j.core.field;

import static io.pb4j.core.field.Fixtures.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.ValidationError;
import io.pb4j.core.field.ModifiableField.Modifier;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextFieldTest {
    private static final String NOW = "2026-01-02 03:04:05.678Z";

    private final TextField plain = field("{'type':'text','name':'title','id':'t1'}");
    private final TextField limited = field("{'type':'text','name':'title','id':'t1','min':3,'max':5,'pattern':'^[a-zé]+$'}");

    @Test
    void coercesLikePocketBase() {
        assertThat(plain.coerce("abc")).isEqualTo("abc");
        assertThat(plain.coerce(Json.createValue(1e21))).isEqualTo("1000000000000000000000");
        assertThat(plain.coerce(1.5)).isEqualTo("1.5");
        assertThat(plain.coerce(true)).isEqualTo("true");
        assertThat(plain.coerce(null)).isEqualTo("");
        assertThat(plain.coerce(JsonValue.NULL)).isEqualTo("");
        assertThat(plain.coerce(Json.createArrayBuilder().add("a").build())).isEqualTo("");
        assertThat(plain.defaultValue()).isEqualTo("");
    }

    @Test
    void readsAndWritesColumnsAsText() {
        assertThat(plain.fromColumn(null)).isEqualTo("");
        assertThat(plain.fromColumn(42L)).isEqualTo("42");
        assertThat(plain.toColumn("x")).isEqualTo("x");
        assertThat(plain.toJsonValue("x")).isEqualTo(Json.createValue("x"));
    }

    @Test
    void emptyValuesSkipLengthAndPatternUnlessRequired() {
        assertThat(limited.validate("")).isEmpty();
        TextField required = field("{'type':'text','name':'t','id':'x','required':true}");
        assertThat(required.validate("")).contains(ValidationError.required());
        assertThat(required.validate("").get().message()).isEqualTo("Cannot be blank.");
    }

    @Test
    void lengthsAreCountedInCodePoints() {
        assertThat(limited.validate("éé")).contains(new ValidationError("validation_min_text_constraint",
                "Must be at least 3 character(s).", Map.of("min", 3)));
        assertThat(limited.validate("ééééé")).isEmpty();
        assertThat(limited.validate("abcdef")).contains(new ValidationError("validation_max_text_constraint",
                "Must be no more than 5 character(s).", Map.of("max", 5)));
    }

    @Test
    void zeroMaxMeansFiveThousand() {
        assertThat(plain.validate("a".repeat(5000))).isEmpty();
        assertThat(plain.validate("a".repeat(5001)).get().params()).isEqualTo(Map.of("max", 5000));
    }

    @Test
    void patternMismatchIsInvalidFormatAndPatternsMatchAnywhere() {
        assertThat(limited.validate("ABC")).contains(new ValidationError("validation_invalid_format", "Invalid value format."));
        TextField unanchored = field("{'type':'text','name':'t','id':'x','pattern':'b'}");
        assertThat(unanchored.validate("abc")).isEmpty();
    }

    @Test
    void customPrimaryKeysRejectForbiddenCharactersAndReservedNames() {
        TextField pk = field("{'type':'text','name':'id','id':'x','primaryKey':true,'required':true,'pattern':'^.+$'}");
        assertThat(pk.validate("a b").get()).isEqualTo(new ValidationError("validation_forbidden_pk_character",
                "' ' is not a valid primary key character.", Map.of("ch", " ")));
        assertThat(pk.validate("lpt1").get()).isEqualTo(new ValidationError("validation_reserved_pk",
                "The primary key 'LPT1' is reserved and cannot be used.", Map.of("reserved", "LPT1")));
        assertThat(TextField.primaryKeyField().validate("")).contains(ValidationError.required());
        assertThat(TextField.primaryKeyField().validate("abcdefghij12345")).isEmpty();
    }

    @Test
    void beforeSaveAutogeneratesOnlyEmptyValuesOnInsert() {
        TextField id = TextField.primaryKeyField();
        assertThat(id.beforeSave("", true, NOW)).matches("[a-z0-9]{15}");
        assertThat(id.beforeSave("", false, NOW)).isEmpty();
        assertThat(id.beforeSave("given", true, NOW)).isEqualTo("given");
        assertThat(plain.beforeSave("", true, NOW)).isEmpty();
    }

    @Test
    void autogenerateModifierAppendsAGeneratedValueToThePrefix() {
        TextField slug = field("{'type':'text','name':'slug','id':'x','autogeneratePattern':'[0-9]{4}'}");
        assertThat(slug.supports(Modifier.AUTOGENERATE)).isTrue();
        assertThat(slug.supports(Modifier.APPEND)).isFalse();
        assertThat(slug.modify(Modifier.AUTOGENERATE, "old", "abc-")).matches("abc-[0-9]{4}");
        assertThat(slug.modify(Modifier.AUTOGENERATE, "old", "")).matches("[0-9]{4}");
        assertThat(plain.modify(Modifier.AUTOGENERATE, "old", "abc")).isEqualTo("abc");
    }

    @Test
    void definitionRulesFollowPocketBase() {
        assertThat(TextField.primaryKeyField().validateDefinition()).isEmpty();
        TextField bad = field("{'type':'text','name':'t','id':'x','min':5,'max':3,'pattern':'(','autogeneratePattern':'[a-z]{2}'}");
        var errors = bad.validateDefinition();
        assertThat(errors.get("max")).isEqualTo(new ValidationError("validation_min_greater_equal_than_required",
                "Must be no less than 5.", Map.of("threshold", 5L)));
        assertThat(errors.get("pattern").code()).isEqualTo("validation_invalid_regex");
        assertThat(errors.get("autogeneratePattern").code()).isEqualTo("validation_invalid_autogenerate_pattern_value");
        assertThat(field("{'type':'text','name':'t','id':'x','min':-1}").validateDefinition().get("min").code())
                .isEqualTo("validation_min_greater_equal_than_required");
    }

    @Test
    void primaryKeyDefinitionsMustBeNamedIdVisibleRequiredAndPatterned() {
        var errors = Fixtures.<TextField>field("{'type':'text','name':'key','id':'x','primaryKey':true,'hidden':true}")
                .validateDefinition();
        assertThat(errors.get("name")).isEqualTo(new ValidationError("validation_in_invalid", "The primary key must be named \"id\"."));
        assertThat(errors.get("pattern")).isEqualTo(ValidationError.required());
        assertThat(errors.get("hidden")).isEqualTo(new ValidationError("validation_empty", "Must be blank."));
        assertThat(errors.get("required")).isEqualTo(ValidationError.required());
    }

    @Test
    void commonDefinitionRulesCheckIdNameAndHelp() {
        assertThat(Fixtures.<TextField>field("{'type':'text','name':'a b','id':'x'}").validateDefinition().get("name").code())
                .isEqualTo("validation_match_invalid");
        assertThat(Fixtures.<TextField>field("{'type':'text','name':'expand','id':'x'}").validateDefinition().get("name").code())
                .isEqualTo("validation_not_in_invalid");
        assertThat(Fixtures.<TextField>field("{'type':'text','name':'a_via_b','id':'x'}").validateDefinition().get("name").code())
                .isEqualTo("validation_found_via");
        assertThat(Fixtures.<TextField>field("{'type':'text','name':'a','id':'x','help':'" + "h".repeat(301) + "'}")
                .validateDefinition().get("help").code()).isEqualTo("validation_length_out_of_range");
    }
}
