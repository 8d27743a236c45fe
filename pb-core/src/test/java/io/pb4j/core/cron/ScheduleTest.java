package io.pb4j.core.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** PocketBase's {@code tools/cron/schedule_test.go} ported: parsing, macros, errors and {@code IsDue}. */
class ScheduleTest {
    private static final String ALL_MINUTES = "0-59";
    private static final String ALL_HOURS = "0-23";
    private static final String ALL_DAYS = "1-31";
    private static final String ALL_MONTHS = "1-12";
    private static final String ALL_DOW = "0-6";

    @Test
    void momentOfATimeIsItsUtcCalendarParts() {
        Moment m = Moment.of(ZonedDateTime.of(2023, 5, 9, 15, 20, 0, 0, ZoneOffset.UTC));
        assertThat(m).isEqualTo(new Moment(20, 15, 9, 5, 2));
        // another zone is converted to UTC first, as PocketBase's scheduler ticks in UTC
        assertThat(Moment.of(ZonedDateTime.of(2023, 5, 9, 17, 20, 0, 0, ZoneOffset.ofHours(2)))).isEqualTo(m);
        assertThat(Moment.of(ZonedDateTime.of(2023, 5, 7, 0, 0, 0, 0, ZoneOffset.UTC)).dayOfWeek()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"invalid", "* * * *", "* * * * * *", "2/3 * * * *", "-1 * * * *", "60 * * * *", "* -1 * * *",
            "* 24 * * *", "* * 0 * *", "* * 32 * *", "* * * 0 *", "* * * 13 *", "* * * * -1", "* * * * 7",
            "*/0 * * * *", "*/60 * * * *", "1-2-3 * * * *", "5-1 * * * *", "a * * * *", "1/2/3 * * * *", ""})
    void invalidExpressionsAreRejected(String expression) {
        assertThatThrownBy(() -> Schedule.parse(expression)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void errorsCarryPocketBasesMessages() {
        assertThatThrownBy(() -> Schedule.parse("* * * *"))
                .hasMessage("invalid cron expression - must be a valid macro or to have exactly 5 space separated segments");
        assertThatThrownBy(() -> Schedule.parse("2/3 * * * *"))
                .hasMessage("invalid segment step - step > 1 could be used only with the wildcard or range format");
        assertThatThrownBy(() -> Schedule.parse("60 * * * *"))
                .hasMessage("invalid segment value - must be between the min and max of the segment");
        assertThatThrownBy(() -> Schedule.parse("*/0 * * * *"))
                .hasMessage("invalid segment step boundary - the step must be between 1 and the 59");
        assertThatThrownBy(() -> Schedule.parse("* 5-30 * * *"))
                .hasMessage("invalid segment range maximum - must be between 5 and 23");
        assertThatThrownBy(() -> Schedule.parse("a * * * *")).hasMessage("strconv.Atoi: parsing \"a\": invalid syntax");
    }

    static Stream<Arguments> valid() {
        return Stream.of(
                Arguments.of("* * * * *", ALL_MINUTES, ALL_HOURS, ALL_DAYS, ALL_MONTHS, ALL_DOW),
                Arguments.of("*/2 */3 */5 */4 */2", "0-58/2", "0-21/3", "1,6,11,16,21,26,31", "1,5,9", "0,2,4,6"),
                Arguments.of("0 * * * *", "0", ALL_HOURS, ALL_DAYS, ALL_MONTHS, ALL_DOW),
                Arguments.of("59 * * * *", "59", ALL_HOURS, ALL_DAYS, ALL_MONTHS, ALL_DOW),
                Arguments.of("1,2,5,7,40-50/2 * * * *", "1,2,5,7,40,42,44,46,48,50", ALL_HOURS, ALL_DAYS, ALL_MONTHS, ALL_DOW),
                Arguments.of("* 0 * * *", ALL_MINUTES, "0", ALL_DAYS, ALL_MONTHS, ALL_DOW),
                Arguments.of("* 23 * * *", ALL_MINUTES, "23", ALL_DAYS, ALL_MONTHS, ALL_DOW),
                Arguments.of("* 3,4,8-16/3,7 * * *", ALL_MINUTES, "3,4,7,8,11,14", ALL_DAYS, ALL_MONTHS, ALL_DOW),
                Arguments.of("* * 1 * *", ALL_MINUTES, ALL_HOURS, "1", ALL_MONTHS, ALL_DOW),
                Arguments.of("* * 31 * *", ALL_MINUTES, ALL_HOURS, "31", ALL_MONTHS, ALL_DOW),
                Arguments.of("* * 5,6,20-30/3,1 * *", ALL_MINUTES, ALL_HOURS, "1,5,6,20,23,26,29", ALL_MONTHS, ALL_DOW),
                Arguments.of("* * * 1 *", ALL_MINUTES, ALL_HOURS, ALL_DAYS, "1", ALL_DOW),
                Arguments.of("* * * 12 *", ALL_MINUTES, ALL_HOURS, ALL_DAYS, "12", ALL_DOW),
                Arguments.of("* * * 1,4,5-10/2 *", ALL_MINUTES, ALL_HOURS, ALL_DAYS, "1,4,5,7,9", ALL_DOW),
                Arguments.of("* * * * 0", ALL_MINUTES, ALL_HOURS, ALL_DAYS, ALL_MONTHS, "0"),
                Arguments.of("* * * * 6", ALL_MINUTES, ALL_HOURS, ALL_DAYS, ALL_MONTHS, "6"),
                Arguments.of("* * * * 1,2-5/2", ALL_MINUTES, ALL_HOURS, ALL_DAYS, ALL_MONTHS, "1,2,4"),
                Arguments.of("@yearly", "0", "0", "1", "1", ALL_DOW),
                Arguments.of("@annually", "0", "0", "1", "1", ALL_DOW),
                Arguments.of("@monthly", "0", "0", "1", ALL_MONTHS, ALL_DOW),
                Arguments.of("@weekly", "0", "0", ALL_DAYS, ALL_MONTHS, "0"),
                Arguments.of("@daily", "0", "0", ALL_DAYS, ALL_MONTHS, ALL_DOW),
                Arguments.of("@midnight", "0", "0", ALL_DAYS, ALL_MONTHS, ALL_DOW),
                Arguments.of("@hourly", "0", ALL_HOURS, ALL_DAYS, ALL_MONTHS, ALL_DOW));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void validExpressionsGivePocketBasesSlots(String expression, String minutes, String hours, String days, String months,
                                              String daysOfWeek) {
        Schedule s = Schedule.parse(expression);
        assertThat(new TreeSet<>(s.minutes())).as("minutes").isEqualTo(slots(minutes));
        assertThat(new TreeSet<>(s.hours())).as("hours").isEqualTo(slots(hours));
        assertThat(new TreeSet<>(s.days())).as("days").isEqualTo(slots(days));
        assertThat(new TreeSet<>(s.months())).as("months").isEqualTo(slots(months));
        assertThat(new TreeSet<>(s.daysOfWeek())).as("daysOfWeek").isEqualTo(slots(daysOfWeek));
    }

    @Test
    void aMacroIsReportedAsItsSegments() {
        assertThat(Schedule.parse("@daily").expression()).isEqualTo("0 0 * * *");
        assertThat(Schedule.parse("1 2 3 4 5").expression()).isEqualTo("1 2 3 4 5");
    }

    static Stream<Arguments> due() {
        return Stream.of(
                Arguments.of("* * * * *", new Moment(0, 0, 0, 0, 0), false),
                Arguments.of("* * * * *", new Moment(1, 1, 1, 1, 1), true),
                Arguments.of("5 * * * *", new Moment(1, 1, 1, 1, 1), false),
                Arguments.of("5 * * * *", new Moment(5, 1, 1, 1, 1), true),
                Arguments.of("* 2-6 * * 2,3", new Moment(1, 2, 1, 1, 1), false),
                Arguments.of("* 2-6 * * 2,3", new Moment(1, 2, 1, 1, 3), true),
                Arguments.of("* * 1,2,5,15-18 * *", new Moment(1, 1, 6, 1, 1), false),
                Arguments.of("* * 1,2,5,15-18/2 * *", new Moment(1, 1, 2, 1, 1), true),
                Arguments.of("* * 1,2,5,15-18/2 * *", new Moment(1, 1, 18, 1, 1), false),
                Arguments.of("* * 1,2,5,15-18/2 * *", new Moment(1, 1, 17, 1, 1), true));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("due")
    void isDueWhenEveryPartMatches(String expression, Moment moment, boolean expected) {
        assertThat(Schedule.parse(expression).isDue(moment)).isEqualTo(expected);
    }

    /** {@code "1,5,9"}, {@code "0-59"} or {@code "0-58/2"}. */
    private static Set<Integer> slots(String spec) {
        Set<Integer> out = new TreeSet<>();
        for (String part : spec.split(",")) {
            String[] step = part.split("/");
            String[] range = step[0].split("-");
            int from = Integer.parseInt(range[0]);
            int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
            for (int i = from; i <= to; i += step.length > 1 ? Integer.parseInt(step[1]) : 1) {
                out.add(i);
            }
        }
        return out;
    }
}
