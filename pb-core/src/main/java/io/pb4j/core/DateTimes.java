package io.pb4j.core;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PocketBase's datetime text: {@code YYYY-MM-DD HH:MM:SS.mmmZ}, always UTC with exactly three millisecond digits
 * (truncated), {@code ""} for the empty date. Parsing is as lenient as PocketBase's (Go {@code spf13/cast}).
 */
public final class DateTimes {
    private static final DateTimeFormatter CANONICAL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Go's zero time, which PocketBase treats as the empty date. */
    private static final Instant GO_ZERO = Instant.parse("0001-01-01T00:00:00Z");

    /**
     * ISO-like layouts: date, optional {@code T}/space + time with optional fraction, optional zone
     * ({@code Z}, {@code ±hh:mm}, {@code ±hhmm}, optionally after a space and followed by a zone abbreviation).
     */
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})"
                    + "(?:([T ])(\\d{2}):(\\d{2}):(\\d{2})(?:[.,](\\d{1,9}))?"
                    + "(?:( ?)(Z|[+-]\\d{2}:?\\d{2})(?: [A-Za-z]{1,5})?)?)?");

    private static final List<DateTimeFormatter> OTHER = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            formatter("EEE, dd MMM yyyy HH:mm:ss zzz"),
            formatter("dd MMM yy HH:mm Z"),
            formatter("dd MMM yy HH:mm zzz"),
            formatter("EEEE, dd-MMM-yy HH:mm:ss zzz"),
            formatter("EEE MMM ppd HH:mm:ss yyyy"),
            formatter("EEE MMM ppd HH:mm:ss zzz yyyy"),
            formatter("EEE MMM dd HH:mm:ss Z yyyy"));

    private static final DateTimeFormatter DAY_MONTH_YEAR = formatter("dd MMM yyyy");

    private DateTimes() {
    }

    /** The canonical text of an instant, or {@code ""} for Go's zero time. */
    public static String format(Instant instant) {
        if (instant.equals(GO_ZERO)) {
            return "";
        }
        java.time.LocalDateTime t = java.time.LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 1 || t.getYear() > 9999) { // the pattern writes year-of-era: year 0 is "0001" (1 BC)
            return CANONICAL.format(instant);
        }
        // written by hand: the formatter was a tenth of a record write's CPU outside SQLite (every save stamps it)
        char[] c = "0000-00-00 00:00:00.000Z".toCharArray();
        digits(c, 0, t.getYear(), 4);
        digits(c, 5, t.getMonthValue(), 2);
        digits(c, 8, t.getDayOfMonth(), 2);
        digits(c, 11, t.getHour(), 2);
        digits(c, 14, t.getMinute(), 2);
        digits(c, 17, t.getSecond(), 2);
        digits(c, 20, t.getNano() / 1_000_000, 3);
        return new String(c);
    }

    /** Writes {@code value} as {@code width} zero-padded digits at {@code at}. */
    private static void digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The current time as canonical text. */
    public static String now() {
        return format(Instant.now());
    }

    /**
     * Parses canonical text, RFC 3339 (with {@code Z} or offsets), {@code YYYY-MM-DD HH:MM:SS},
     * {@code YYYY-MM-DD}, {@code YYYY-MM-DDTHH:MM:SS} (UTC when no zone is given), Go's {@code Time.String()}, RFC 1123
     * and a few other layouts; empty for anything else.
     */
    public static Optional<Instant> parse(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = ISO.matcher(text);
        if (m.matches()) {
            return iso(m);
        }
        for (DateTimeFormatter f : OTHER) {
            try {
                return Optional.of(ZonedDateTime.parse(text, f).toInstant());
            } catch (DateTimeParseException e) {
                // try the next layout
            }
        }
        try {
            return Optional.of(LocalDate.parse(text, DAY_MONTH_YEAR).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * PocketBase's {@code types.ParseDateTime} then {@code String()}: text is parsed as {@link #parse}; integers
     * (as JDBC returns them) are Unix seconds; instants and date-times are taken as they are; anything else, and
     * anything unparseable, gives {@code ""}.
     */
    public static String normalize(Object raw) {
        Optional<Instant> parsed = switch (raw) {
            case null -> Optional.empty();
            case String s -> parse(s);
            case JsonString s -> parse(s.getString());
            case Integer i -> Optional.of(Instant.ofEpochSecond(i));
            case Long l -> Optional.of(Instant.ofEpochSecond(l));
            case Instant i -> Optional.of(i);
            case OffsetDateTime o -> Optional.of(o.toInstant());
            case ZonedDateTime z -> Optional.of(z.toInstant());
            // float64 (JSON numbers) print without exponent and then fail every layout in Go
            case JsonNumber n -> Optional.empty();
            default -> Optional.empty();
        };
        return parsed.map(DateTimes::format).orElse("");
    }

    private static Optional<Instant> iso(Matcher m) {
        try {
            LocalDate date = LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
            if (m.group(4) == null) {
                return Optional.of(date.atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            boolean t = m.group(4).equals("T");
            boolean spaceBeforeZone = m.group(9) != null && !m.group(9).isEmpty();
            if (t && spaceBeforeZone) {
                return Optional.empty();
            }
            String fraction = m.group(8) == null ? "" : m.group(8);
            int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
            LocalTime time = LocalTime.of(num(m, 5), num(m, 6), num(m, 7), nanos);
            String zone = m.group(10);
            ZoneOffset offset = zone == null || zone.equals("Z")
                    ? ZoneOffset.UTC
                    : ZoneOffset.of(zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
            return Optional.of(LocalDateTime.of(date, time).toInstant(offset));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(pattern)
                .parseDefaulting(ChronoField.NANO_OF_SECOND, 0)
                .toFormatter(Locale.ENGLISH)
                .withZone(ZoneOffset.UTC);
    }
}
