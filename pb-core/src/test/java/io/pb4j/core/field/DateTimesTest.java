package io.pb4j.core.field;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.DateTimes;
import jakarta.json.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DateTimesTest {
    @Test
    void formatsUtcWithThreeTruncatedMillisecondDigits() {
        assertThat(DateTimes.format(Instant.parse("2022-10-14T10:13:12.397999Z"))).isEqualTo("2022-10-14 10:13:12.397Z");
        assertThat(DateTimes.format(Instant.parse("0001-01-01T00:00:00Z"))).isEmpty();
        assertThat(DateTimes.now()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    }

    @Test
    void parsesTheLayoutsPocketBaseAccepts() {
        String expected = "2024-01-01 10:00:00.000Z";
        for (String text : new String[] {"2024-01-01 10:00:00.000Z", "2024-01-01T10:00:00.000Z", "2024-01-01T10:00:00Z",
                "2024-01-01T12:00:00+02:00", "2024-01-01 10:00:00", "2024-01-01T10:00:00",
                "2024-01-01 05:00:00 -0500", "2024-01-01 10:00:00 +0000 UTC", "Mon, 01 Jan 2024 10:00:00 GMT"}) {
            assertThat(DateTimes.normalize(text)).as(text).isEqualTo(expected);
        }
        assertThat(DateTimes.normalize("2024-01-01")).isEqualTo("2024-01-01 00:00:00.000Z");
        assertThat(DateTimes.normalize("01 Jan 2024")).isEqualTo("2024-01-01 00:00:00.000Z");
    }

    @Test
    void unparseableInputIsEmpty() {
        assertThat(DateTimes.parse("2024-02-30")).isEmpty();
        assertThat(DateTimes.parse("yesterday")).isEmpty();
        assertThat(DateTimes.parse("2024-01-01T10:00")).isEmpty();
        assertThat(DateTimes.normalize(null)).isEmpty();
        assertThat(DateTimes.normalize(Json.createValue(1700000000))).isEmpty();
    }

    @Test
    void integersFromColumnsAreUnixSeconds() {
        assertThat(DateTimes.normalize(0L)).isEqualTo("1970-01-01 00:00:00.000Z");
        assertThat(DateTimes.normalize(Json.createValue("2024-01-01"))).isEqualTo("2024-01-01 00:00:00.000Z");
    }
}
