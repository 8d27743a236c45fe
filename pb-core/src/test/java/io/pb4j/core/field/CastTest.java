package io.pb4j.core.field;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.internal.Cast;
import io.pb4j.core.internal.security.RandomByRegex;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class CastTest {
    @Test
    void toStrPrintsNumbersWithoutExponentAndDropsContainers() {
        assertThat(Cast.toStr(1e21)).isEqualTo("1000000000000000000000");
        assertThat(Cast.toStr(Json.createValue(12.50))).isEqualTo("12.5");
        assertThat(Cast.toStr(7L)).isEqualTo("7");
        assertThat(Cast.toStr(JsonValue.TRUE)).isEqualTo("true");
        assertThat(Cast.toStr(null)).isEmpty();
        assertThat(Cast.toStr(List.of("a"))).isEmpty();
        assertThat(Cast.toStr(Map.of("a", 1))).isEmpty();
    }

    @Test
    void toDoubleParsesNumericStringsAndFallsBackToZero() {
        assertThat(Cast.toDouble("1.5")).isEqualTo(1.5);
        assertThat(Cast.toDouble("-2e3")).isEqualTo(-2000.0);
        assertThat(Cast.toDouble(" 1")).isZero();
        assertThat(Cast.toDouble("1d")).isZero();
        assertThat(Cast.toDouble(JsonValue.TRUE)).isEqualTo(1.0);
        assertThat(Cast.toDouble(List.of(1))).isZero();
    }

    @Test
    void toBoolAcceptsGoBooleanWords() {
        for (String t : List.of("1", "t", "T", "TRUE", "true", "True")) {
            assertThat(Cast.toBool(t)).as(t).isTrue();
        }
        for (String f : List.of("0", "f", "FALSE", "tRuE", "yes", "")) {
            assertThat(Cast.toBool(f)).as(f).isFalse();
        }
        assertThat(Cast.toBool(-1)).isTrue();
        assertThat(Cast.toBool(0.0)).isFalse();
    }

    @Test
    void toStringListSplitsStringsAndCastsItems() {
        assertThat(Cast.toStringList("a b  c")).containsExactly("a", "b", "c");
        assertThat(Cast.toStringList(Json.createArrayBuilder().add("x").add(2).add(true).build()))
                .containsExactly("x", "2", "true");
        assertThat(Cast.toStringList(5)).containsExactly("5");
        assertThat(Cast.toStringList(null)).isEmpty();
        assertThat(Cast.toUniqueStrings("[\"a\",\"a\",\"\"]")).containsExactly("a");
    }

    @RepeatedTest(5)
    void randomStringsMatchThePatternsPocketBaseUses() {
        assertThat(RandomByRegex.generate("[a-z0-9]{15}")).matches("[a-z0-9]{15}");
        assertThat(RandomByRegex.generate("[a-zA-Z0-9_]{50}")).matches("[a-zA-Z0-9_]{50}");
        assertThat(RandomByRegex.generate("users[0-9]{5}")).matches("users[0-9]{5}");
        assertThat(RandomByRegex.generate("(ab|cd)-\\d{2,4}x?")).matches("(ab|cd)-\\d{2,3}x?");
    }

    @Test
    void unsupportedPatternsAreRejected() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RandomByRegex.generate("^abc"))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RandomByRegex.generate("[abc"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
