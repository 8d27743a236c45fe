package io.pb4j.core.cron;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.ChronoField;

/**
 * One minute of the calendar as a cron schedule sees it. {@code dayOfWeek} counts from Sunday = 0, as PocketBase's
 * (Go's {@code time.Weekday}).
 */
public record Moment(int minute, int hour, int day, int month, int dayOfWeek) {
    /** The moment of {@code time} in UTC, the zone PocketBase's scheduler ticks in. */
    public static Moment of(TemporalAccessor time) {
        ZonedDateTime utc = ZonedDateTime.from(time).withZoneSameInstant(ZoneOffset.UTC);
        return new Moment(utc.get(ChronoField.MINUTE_OF_HOUR), utc.getHour(), utc.getDayOfMonth(), utc.getMonthValue(),
                utc.getDayOfWeek().getValue() % 7);
    }
}
