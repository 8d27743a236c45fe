package io.pb4j.core.field;

import static io.pb4j.core.field.Fixtures.field;
import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.ValidationError;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonFieldTest {
    private final JsonField field = field("{'type':'json','name':'j','id':'x'}");

    @Test
    void valuesNoJsonCanHoldNeverReachTheColumnNorTheResponse() {
        // a form value beyond a double is no JSON number (Go's decoder refuses it): it stays text
        assertThat(field.coerce("-1e999").toString()).isEqualTo("\"-1e999\"");
        assertThat(field.coerce(Double.POSITIVE_INFINITY)).isEqualTo(JsonValue.NULL);
        assertThat(field.coerce(Double.NaN)).isEqualTo(JsonValue.NULL);
        assertThat(field.coerce(new java.math.BigDecimal("1e999"))).isEqualTo(JsonValue.NULL);
        // what SQLite hands back for 1e999 stored by an older pb4j or by hand
        assertThat(field.fromColumn(Double.NEGATIVE_INFINITY)).isEqualTo(JsonValue.NULL);
        assertThat(field.fromColumn("[" .repeat(2000))).isEqualTo(Json.createValue("[".repeat(2000)));
    }

    @Test
    void stringsCarryJsonOnlyWhenTheyLookLikeIt() {
        assertThat(field.coerce("").toString()).isEqualTo("\"\"");
        assertThat(field.coerce("null")).isEqualTo(JsonValue.NULL);
        assertThat(field.coerce("true")).isEqualTo(JsonValue.TRUE);
        assertThat(field.coerce("[1, 2]").toString()).isEqualTo("[1,2]");
        assertThat(field.coerce("{\"a\": 1}").toString()).isEqualTo("{\"a\":1}");
        assertThat(field.coerce("-5").toString()).isEqualTo("-5");
        assertThat(field.coerce("\"quoted\"").toString()).isEqualTo("\"quoted\"");
        assertThat(field.coerce("hello").toString()).isEqualTo("\"hello\"");
        assertThat(field.coerce("[broken").toString()).isEqualTo("\"[broken\"");
        assertThat(field.coerce(Json.createValue("[1]")).toString()).isEqualTo("[1]");
    }

    @Test
    void numbersKeepTheTextTheyWereWrittenWith() {
        assertThat(field.coerce("1e3").toString()).isEqualTo("1e3");
        assertThat(field.coerce("{\"a\": [1.50, -0.0, 2E-7]}").toString()).isEqualTo("{\"a\":[1.50,-0.0,2E-7]}");
        assertThat(field.fromColumn(field.toColumn(field.coerce("1e3"))).toString()).isEqualTo("1e3");
        assertThat(((jakarta.json.JsonNumber) field.coerce("1e3")).intValueExact()).isEqualTo(1000);
    }

    @Test
    void javaValuesAndJsonValuesAreKept() {
        assertThat(field.coerce(null)).isEqualTo(JsonValue.NULL);
        assertThat(field.coerce(List.of("a", 1)).toString()).isEqualTo("[\"a\",1]");
        assertThat(field.coerce(Map.of("k", true)).toString()).isEqualTo("{\"k\":true}");
        assertThat(field.coerce(2.5).toString()).isEqualTo("2.5");
    }

    @Test
    void columnsHoldCompactJsonOrNull() {
        assertThat(field.fromColumn(null)).isEqualTo(JsonValue.NULL);
        assertThat(field.fromColumn("{ \"a\" : [1, 2] }").toString()).isEqualTo("{\"a\":[1,2]}");
        assertThat(field.fromColumn(123L).toString()).isEqualTo("123");
        assertThat(field.toColumn(JsonValue.NULL)).isNull();
        assertThat(field.toColumn(field.coerce("[1]"))).isEqualTo("[1]");
        assertThat(field.defaultValue()).isEqualTo(JsonValue.NULL);
    }

    @Test
    void requiredRejectsEmptyJsonValues() {
        JsonField required = field("{'type':'json','name':'j','id':'x','required':true}");
        for (String empty : List.of("null", "", "[]", "{}")) {
            assertThat(required.validate(required.coerce(empty))).as(empty).contains(ValidationError.required());
        }
        assertThat(required.validate(required.coerce("0"))).isEmpty();
    }

    @Test
    void sizeIsLimitedAndDefaultsToOneMebibyte() {
        assertThat(field.effectiveMaxSize()).isEqualTo(1048576L);
        JsonField small = field("{'type':'json','name':'j','id':'x','maxSize':5}");
        assertThat(small.validate(small.coerce("[1,2,3]"))).contains(new ValidationError("validation_json_size_limit",
                "The maximum allowed JSON size is 5 bytes.", Map.of("maxSize", 5L)));
    }

    @Test
    void textThatOnlyStartsLikeJsonStaysText() {
        JsonField f = JsonField.fromJson(jakarta.json.Json.createObjectBuilder().add("id", "j").add("name", "j").add("type", "json").build());
        assertThat(f.coerce("007")).isEqualTo(jakarta.json.Json.createValue("007"));
        assertThat(f.coerce("[1, 2] tail")).isEqualTo(jakarta.json.Json.createValue("[1, 2] tail"));
        assertThat(f.coerce("[1, 2]")).isEqualTo(jakarta.json.Json.createArrayBuilder().add(1).add(2).build());
    }
}
