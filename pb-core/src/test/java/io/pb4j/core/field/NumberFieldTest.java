package io.pb4j.core.field;

import static io.pb4j.core.field.Fixtures.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.ValidationError;
import io.pb4j.core.field.ModifiableField.Modifier;
import jakarta.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NumberFieldTest {
    private final NumberField field = field("{'type':'number','name':'n','id':'x','min':1.5,'max':10,'onlyInt':false}");

    @Test
    void coercesLeniently() {
        assertThat(field.coerce("12.5")).isEqualTo(12.5);
        assertThat(field.coerce(Json.createValue(3))).isEqualTo(3.0);
        assertThat(field.coerce(true)).isEqualTo(1.0);
        assertThat(field.coerce("abc")).isEqualTo(0.0);
        assertThat(field.coerce(null)).isEqualTo(0.0);
    }

    @Test
    void readsWhatSqliteJdbcReturns() {
        assertThat(field.fromColumn(5)).isEqualTo(5.0);
        assertThat(field.fromColumn(5L)).isEqualTo(5.0);
        assertThat(field.fromColumn(2.25)).isEqualTo(2.25);
        assertThat(field.fromColumn("7")).isEqualTo(7.0);
        assertThat(field.fromColumn(null)).isEqualTo(0.0);
    }

    @Test
    void writesShortestRoundTripJson() {
        assertThat(field.toJsonValue(123456.0).toString()).isEqualTo("123456");
        assertThat(field.toJsonValue(1.5).toString()).isEqualTo("1.5");
        assertThat(field.toJsonValue(1e21).toString()).isEqualTo("1e+21");
        assertThat(field.toJsonValue(1e-7).toString()).isEqualTo("1e-7");
        assertThat(field.toJson().toString()).contains("\"max\":10,", "\"min\":1.5,");
    }

    @Test
    void zeroSkipsEverythingButRequiredWhichMeansNonZero() {
        assertThat(field.validate(0.0)).isEmpty();
        NumberField required = field("{'type':'number','name':'n','id':'x','required':true}");
        assertThat(required.validate(0.0)).contains(ValidationError.required());
        assertThat(required.validate(-1.0)).isEmpty();
    }

    @Test
    void reportsEveryValidationCode() {
        assertThat(field.validate(1.0)).contains(new ValidationError("validation_min_number_constraint",
                "Must be greater or equal than 1.5.", Map.of("min", 1.5)));
        assertThat(field.validate(11.0)).contains(new ValidationError("validation_max_number_constraint",
                "Must be less or equal than 10.", Map.of("max", 10.0)));
        assertThat(field.validate(Double.NaN).get().code()).isEqualTo("validation_not_a_number");
        assertThat(field.validate(Double.POSITIVE_INFINITY).get().code()).isEqualTo("validation_not_a_number");
        NumberField ints = field("{'type':'number','name':'n','id':'x','onlyInt':true}");
        assertThat(ints.validate(1.5)).contains(new ValidationError("validation_only_int_constraint",
                "Decimal numbers are not allowed."));
        assertThat(ints.validate(2.0)).isEmpty();
    }

    @Test
    void appendAddsAndRemoveSubtracts() {
        assertThat(field.supports(Modifier.APPEND)).isTrue();
        assertThat(field.supports(Modifier.PREPEND)).isFalse();
        assertThat(field.modify(Modifier.APPEND, 2.0, "3")).isEqualTo(5.0);
        assertThat(field.modify(Modifier.REMOVE, 2.0, 3)).isEqualTo(-1.0);
    }

    @Test
    void definitionRulesCheckIntegersAndRange() {
        assertThat(field.validateDefinition()).isEmpty();
        var errors = Fixtures.<NumberField>field("{'type':'number','name':'n','id':'x','min':1.5,'max':2.5,'onlyInt':true}")
                .validateDefinition();
        assertThat(errors.get("min").code()).isEqualTo("validation_only_int_constraint");
        assertThat(errors.get("max").code()).isEqualTo("validation_only_int_constraint");
        assertThat(Fixtures.<NumberField>field("{'type':'number','name':'n','id':'x','min':5,'max':1}")
                .validateDefinition().get("max").code()).isEqualTo("validation_min_number_constraint");
    }
}
