package io.pb4j.core.internal.search;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/** PocketBase's datetime identifier macros ({@code @now}, {@code @todayStart}…), evaluated in UTC. */
final class DatetimeMacros {
    private static final DateTimeFormatter CANONICAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'");
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59, 999_999_999);

    private DatetimeMacros() {
    }

    /** The macro's value (a canonical datetime {@code String} or an {@code Integer}); empty for non-macros. */
    static Optional<Object> value(String identifier, Clock clock) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZoneOffset.UTC));
        LocalDate today = now.toLocalDate();
        Object value = switch (identifier) {
            case "@now" -> format(now);
            case "@yesterday" -> format(now.minusDays(1));
            case "@tomorrow" -> format(now.plusDays(1));
            case "@second" -> now.getSecond();
            case "@minute" -> now.getMinute();
            case "@hour" -> now.getHour();
            case "@day" -> now.getDayOfMonth();
            case "@month" -> now.getMonthValue();
            case "@weekday" -> now.getDayOfWeek().getValue() % 7;
            case "@year" -> now.getYear();
            case "@todayStart" -> format(today.atStartOfDay(ZoneOffset.UTC));
            case "@todayEnd" -> format(today.atTime(END_OF_DAY).atZone(ZoneOffset.UTC));
            case "@monthStart" -> format(today.withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC));
            case "@monthEnd" -> format(today.withDayOfMonth(today.lengthOfMonth()).atTime(END_OF_DAY).atZone(ZoneOffset.UTC));
            case "@yearStart" -> format(today.withDayOfYear(1).atStartOfDay(ZoneOffset.UTC));
            case "@yearEnd" -> format(LocalDate.of(today.getYear(), 12, 31).atTime(END_OF_DAY).atZone(ZoneOffset.UTC));
            default -> null;
        };
        return Optional.ofNullable(value);
    }

    private static String format(ZonedDateTime t) {
        return CANONICAL.format(t);
    }
}
