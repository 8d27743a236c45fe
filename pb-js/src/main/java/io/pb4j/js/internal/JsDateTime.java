package io.pb4j.js.internal;

import io.pb4j.core.DateTimes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * PocketBase's {@code types.DateTime} as {@code new DateTime(date?, defaultParseInLocation?)} makes it: an instant in
 * UTC (Go's zero time when the text does not parse), written {@code 2006-01-02 15:04:05.000Z}. Durations are Go's,
 * in nanoseconds.
 */
public final class JsDateTime {
    /** Go's zero {@code time.Time}: January 1, year 1, UTC. */
    static final Instant ZERO = Instant.parse("0001-01-01T00:00:00Z");
    private static final List<DateTimeFormatter> LOCAL = List.of(
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS]"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSSSSSSSS][.SSSSSS][.SSS]"));

    private final Instant instant;

    JsDateTime(Instant instant) {
        this.instant = instant;
    }

    /**
     * Now for an empty {@code date}; else the text parsed as PocketBase parses it, a text without a zone taken in
     * {@code location} (an unknown one is UTC) when one is given.
     */
    static JsDateTime parse(String date, String location) {
        if (date == null || date.isEmpty()) {
            return new JsDateTime(Instant.now());
        }
        if (location != null && !location.isEmpty()) {
            ZoneId zone;
            try {
                zone = ZoneId.of(location);
            } catch (RuntimeException ex) {
                zone = ZoneOffset.UTC;
            }
            for (DateTimeFormatter f : LOCAL) {
                try {
                    return new JsDateTime(LocalDateTime.parse(date, f).atZone(zone).toInstant());
                } catch (DateTimeParseException ex) {
                    // another layout
                }
            }
            try {
                return new JsDateTime(LocalDate.parse(date).atStartOfDay(zone).toInstant());
            } catch (DateTimeParseException ex) {
                // a text with its own zone
            }
        }
        return new JsDateTime(DateTimes.parse(date).or(() -> DateTimes.parse(offsetWithoutColon(date))).orElse(ZERO));
    }

    /** {@code 2025-10-26 01:00:00 +0200} as {@code 2025-10-26 01:00:00+02:00}, a layout Go's cast reads. */
    private static String offsetWithoutColon(String date) {
        return date.replaceFirst("^(\\d{4}-\\d\\d-\\d\\d[ T]\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?) ?([+-]\\d\\d)(\\d\\d)$", "$1$2:$3");
    }

    public Instant time() {
        return instant;
    }

    public JsDateTime add(long nanos) {
        return new JsDateTime(instant.plusNanos(nanos));
    }

    public long sub(JsDateTime u) {
        try {
            return Duration.between(u.instant, instant).toNanos();
        } catch (ArithmeticException ex) {
            return u.instant.isAfter(instant) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    public JsDateTime addDate(int years, int months, int days) {
        return new JsDateTime(instant.atZone(ZoneOffset.UTC).plusYears(years).plusMonths(months).plusDays(days).toInstant());
    }

    public boolean after(JsDateTime u) {
        return instant.isAfter(u.instant);
    }

    public boolean before(JsDateTime u) {
        return instant.isBefore(u.instant);
    }

    public int compare(JsDateTime u) {
        return Integer.signum(instant.compareTo(u.instant));
    }

    public boolean equal(JsDateTime u) {
        return instant.equals(u.instant);
    }

    public long unix() {
        return instant.getEpochSecond();
    }

    public boolean isZero() {
        return instant.equals(ZERO);
    }

    public String string() {
        return isZero() ? "" : DateTimes.format(instant);
    }

    public String marshalJSON() {
        return "\"" + string() + "\"";
    }

    public String value() {
        return string();
    }

    @Override
    public String toString() {
        return string();
    }
}
