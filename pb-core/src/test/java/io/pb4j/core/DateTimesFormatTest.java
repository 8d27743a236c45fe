package io.pb4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link DateTimes#format}'s hand-written digits against the formatter it replaced, over years 0 to 9999 and beyond. */
class DateTimesFormatTest {
    private static final DateTimeFormatter REFERENCE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Test
    void writesWhatTheFormatterWrites() {
        SplittableRandom random = new SplittableRandom(17);
        long from = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("+12000-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(from, to), random.nextInt(1_000_000_000));
            if (!t.equals(Instant.parse("0001-01-01T00:00:00Z"))) {
                assertThat(DateTimes.format(t)).isEqualTo(REFERENCE.format(t));
            }
        }
        assertThat(DateTimes.format(Instant.parse("2026-12-08T01:02:03.004999Z"))).isEqualTo("2026-12-08 01:02:03.004Z");
        assertThat(DateTimes.format(Instant.parse("0999-01-01T00:00:00Z"))).isEqualTo("0999-01-01 00:00:00.000Z");
        assertThat(DateTimes.format(Instant.parse("0001-01-01T00:00:00Z"))).isEmpty();
    }
}
