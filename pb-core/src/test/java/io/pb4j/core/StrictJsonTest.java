package io.pb4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hostile JSON is refused as invalid, never thrown: the callers turn it into their 400. */
class StrictJsonTest {
    @Test
    void numbersADoubleCannotHoldAreInvalidAsInGo() {
        for (String text : List.of("1e999", "-1e999", "[1e400]", "{\"a\":-2E+308}", "9".repeat(400), "9".repeat(100_000))) {
            assertThat(StrictJson.parse(text)).as(text.substring(0, Math.min(20, text.length()))).isEmpty();
        }
    }

    @Test
    void finiteNumbersKeepTheirTextAndHugeExponentsAreCheap() {
        assertThat(StrictJson.parse("1.7976931348623157e308").orElseThrow().toString()).isEqualTo("1.7976931348623157e308");
        JsonValue tiny = StrictJson.parse("1e-999999999").orElseThrow();
        assertThat(tiny.toString()).isEqualTo("1e-999999999");
        assertThat(((JsonNumber) tiny).doubleValue()).isZero();
        assertThat(((JsonNumber) tiny).bigDecimalValue().scale()).isLessThan(10);
        String longFraction = "0." + "1".repeat(5000);
        assertThat(((JsonNumber) StrictJson.parse(longFraction).orElseThrow()).doubleValue()).isEqualTo(0.1111111111111111);
    }

    @Test
    void nestingPastSqlitesThousandLevelsIsInvalid() {
        assertThat(StrictJson.parse("[".repeat(999) + "]".repeat(999))).isPresent();
        assertThat(StrictJson.parse("[".repeat(1001) + "]".repeat(1001))).isEmpty();
        assertThat(StrictJson.parse("{\"a\":".repeat(5000) + "1" + "}".repeat(5000))).isEmpty();
    }
}
