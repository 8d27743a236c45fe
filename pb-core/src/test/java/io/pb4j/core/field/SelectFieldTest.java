package io.pb4j.core.field;

import static io.pb4j.core.field.Fixtures.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.ValidationError;
import io.pb4j.core.field.ModifiableField.Modifier;
import jakarta.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectFieldTest {
    private final SelectField single = field("{'type':'select','name':'s','id':'x','values':['a','b','c'],'maxSelect':1}");
    private final SelectField multi = field("{'type':'select','name':'m','id':'y','values':['a','b','c'],'maxSelect':2}");

    @Test
    void inputBecomesDeduplicatedNonEmptyStrings() {
        assertThat(multi.coerce(List.of("a", "", "b", "a"))).isEqualTo(List.of("a", "b"));
        assertThat(multi.coerce("[\"b\",\"c\"]")).isEqualTo(List.of("b", "c"));
        assertThat(multi.coerce("a b")).isEqualTo(List.of("a b"));
        assertThat(multi.coerce("[not json")).isEqualTo(List.of("[not json"));
        assertThat(multi.coerce(Json.createArrayBuilder().add("a").add(1).build())).isEqualTo(List.of("a", "1"));
        assertThat(multi.coerce(null)).isEqualTo(List.of());
    }

    @Test
    void singleKeepsTheLastItem() {
        assertThat(single.coerce(List.of("a", "b"))).isEqualTo("b");
        assertThat(single.coerce("")).isEqualTo("");
        assertThat(single.defaultValue()).isEqualTo("");
        assertThat(multi.defaultValue()).isEqualTo(List.of());
    }

    @Test
    void oldRowsAreNormalisedWhenRead() {
        assertThat(single.fromColumn("[\"a\",\"c\"]")).isEqualTo("c");
        assertThat(multi.fromColumn("b")).isEqualTo(List.of("b"));
        assertThat(multi.fromColumn("[\"a\",\"b\"]")).isEqualTo(List.of("a", "b"));
        assertThat(multi.fromColumn(null)).isEqualTo(List.of());
    }

    @Test
    void columnsAndJsonRoundTrip() {
        assertThat(multi.toColumn(List.of("a", "b"))).isEqualTo("[\"a\",\"b\"]");
        assertThat(multi.fromColumn(multi.toColumn(List.of("a", "b")))).isEqualTo(List.of("a", "b"));
        assertThat(single.toColumn("a")).isEqualTo("a");
        assertThat(multi.toJsonValue(List.of()).toString()).isEqualTo("[]");
        assertThat(single.toJsonValue("").toString()).isEqualTo("\"\"");
    }

    @Test
    void reportsEveryValidationCode() {
        SelectField required = field("{'type':'select','name':'s','id':'x','values':['a'],'required':true}");
        assertThat(required.validate("")).contains(ValidationError.required());
        assertThat(multi.validate(List.of("a", "b", "c"))).contains(new ValidationError("validation_too_many_values",
                "Select no more than 2.", Map.of("maxSelect", 2)));
        assertThat(single.validate(List.of("a", "b")).get().params()).isEqualTo(Map.of("maxSelect", 1));
        assertThat(multi.validate(List.of("a", "z"))).contains(new ValidationError("validation_invalid_value",
                "Invalid value z.", Map.of("value", "z")));
        assertThat(multi.validate(List.of("a", "c"))).isEmpty();
    }

    @Test
    void modifiersAppendPrependAndRemove() {
        SelectField wide = field("{'type':'select','name':'m','id':'y','values':['a','b','c'],'maxSelect':3}");
        assertThat(wide.modify(Modifier.APPEND, List.of("a"), "b")).isEqualTo(List.of("a", "b"));
        assertThat(wide.modify(Modifier.PREPEND, List.of("a"), List.of("c", "b"))).isEqualTo(List.of("c", "b", "a"));
        assertThat(wide.modify(Modifier.REMOVE, List.of("a", "b"), "a")).isEqualTo(List.of("b"));
        assertThat(single.modify(Modifier.APPEND, "a", "b")).isEqualTo("b");
        assertThat(single.modify(Modifier.REMOVE, "a", "a")).isEqualTo("");
        assertThat(single.supports(Modifier.AUTOGENERATE)).isFalse();
    }

    @Test
    void definitionNeedsValuesAndAMaxSelectInRange() {
        var errors = Fixtures.<SelectField>field("{'type':'select','name':'s','id':'x','maxSelect':3}").validateDefinition();
        assertThat(errors.get("values")).isEqualTo(ValidationError.required());
        assertThat(errors.get("maxSelect")).isEqualTo(new ValidationError("validation_max_less_equal_than_required",
                "Must be no greater than 1.", Map.of("threshold", 1)));
        assertThat(multi.validateDefinition()).isEmpty();
    }
}
