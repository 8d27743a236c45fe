package io.pb4j.http.internal.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EntryDataTest {
    @Test
    void behavesAsAnInsertionOrderedMapAndGrowsPastItsFirstArrays() {
        EntryData data = new EntryData();
        Map<String, Object> expected = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            assertThat(data.put("k" + i, i)).isNull();
            expected.put("k" + i, i);
        }
        assertThat(data.put("k3", "again")).isEqualTo(3);
        expected.put("k3", "again");
        data.put("nothing", null);
        expected.put("nothing", null);

        assertThat(data).hasSize(41).isEqualTo(expected);
        assertThat(data.get("k3")).isEqualTo("again");
        assertThat(data.get("missing")).isNull();
        assertThat(data.containsKey("nothing")).isTrue();
        assertThat(data.containsKey("missing")).isFalse();
        List<String> order = new ArrayList<>();
        data.forEach((k, v) -> order.add(k));
        assertThat(order).containsExactlyElementsOf(expected.keySet());
        assertThat(data.toString()).isEqualTo(expected.toString());
    }

    @Test
    void appendAddsWithoutLookingAndKeepsTheOrderPastItsFirstArrays() {
        EntryData data = new EntryData();
        Map<String, Object> expected = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            data.append("a" + i, i);
            expected.put("a" + i, i);
        }
        data.append("none", null);
        expected.put("none", null);

        assertThat(data).hasSize(21).isEqualTo(expected);
        assertThat(data.keySet()).containsExactlyElementsOf(expected.keySet());
        assertThat(data.put("a7", "seven")).isEqualTo(7); // put still finds an appended key
        assertThat(data.get("a7")).isEqualTo("seven");
        assertThat(data).hasSize(21);
    }
}
