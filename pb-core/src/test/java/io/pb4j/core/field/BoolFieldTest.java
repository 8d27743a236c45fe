package io.pb4j.core.field;

import static io.pb4j.core.field.Fixtures.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.ValidationError;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

class BoolFieldTest {
    private final BoolField field = field("{'type':'bool','name':'b','id':'x','required':true}");

    @Test
    void coercesStringsNumbersAndJson() {
        assertThat(field.coerce("true")).isTrue();
        assertThat(field.coerce("T")).isTrue();
        assertThat(field.coerce("1")).isTrue();
        assertThat(field.coerce("yes")).isFalse();
        assertThat(field.coerce(Json.createValue(2))).isTrue();
        assertThat(field.coerce(JsonValue.FALSE)).isFalse();
        assertThat(field.coerce(null)).isFalse();
    }

    @Test
    void readsIntegersAndTextFromColumns() {
        assertThat(field.fromColumn(1)).isTrue();
        assertThat(field.fromColumn(0L)).isFalse();
        assertThat(field.fromColumn("1")).isTrue();
        assertThat(field.fromColumn("0")).isFalse();
        assertThat(field.fromColumn(null)).isFalse();
        assertThat(field.toJsonValue(true)).isEqualTo(JsonValue.TRUE);
    }

    @Test
    void requiredMeansTrue() {
        assertThat(field.validate(false)).contains(ValidationError.required());
        assertThat(field.validate(true)).isEmpty();
    }
}
