package io.pb4j.core.cron;

import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A parsed cron expression in PocketBase's syntax: a macro ({@code @yearly @annually @monthly @weekly @daily
 * @midnight @hourly}) or 5 space separated segments (minute 0-59, hour 0-23, day of month 1-31, month 1-12, day of
 * week 0-6 with Sunday 0). A segment is a comma list of {@code *}, a number, a range {@code 1-30}, or a step
 * {@code *}{@code /n} or {@code 1-30/n}.
 *
 * @param expression the expression with a macro replaced by its 5 segments (as PocketBase reports it)
 */
public record Schedule(String expression, Set<Integer> minutes, Set<Integer> hours, Set<Integer> days,
                       Set<Integer> months, Set<Integer> daysOfWeek) {
    private static final Map<String, String> MACROS = Map.of(
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *",
            "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");

    /** Creates the value from its components. */
    public Schedule {
        minutes = Set.copyOf(minutes);
        hours = Set.copyOf(hours);
        days = Set.copyOf(days);
        months = Set.copyOf(months);
        daysOfWeek = Set.copyOf(daysOfWeek);
    }

    /**
     * Parses an expression.
     *
     * @throws IllegalArgumentException with PocketBase's message when the expression is invalid
     */
    public static Schedule parse(String expression) {
        String expr = MACROS.getOrDefault(expression, expression);
        String[] segments = expr.split(" ", -1);
        if (segments.length != 5) {
            throw new IllegalArgumentException(
                    "invalid cron expression - must be a valid macro or to have exactly 5 space separated segments");
        }
        return new Schedule(expr, segment(segments[0], 0, 59), segment(segments[1], 0, 23), segment(segments[2], 1, 31),
                segment(segments[3], 1, 12), segment(segments[4], 0, 6));
    }

    /** Whether every part of {@code m} is in this schedule. */
    public boolean isDue(Moment m) {
        return minutes.contains(m.minute()) && hours.contains(m.hour()) && days.contains(m.day())
                && daysOfWeek.contains(m.dayOfWeek()) && months.contains(m.month());
    }

    private static SortedSet<Integer> segment(String segment, int min, int max) {
        SortedSet<Integer> slots = new TreeSet<>();
        for (String part : segment.split(",", -1)) {
            String[] stepParts = part.split("/", -1);
            int step;
            if (stepParts.length == 1) {
                step = 1;
            } else if (stepParts.length == 2) {
                step = number(stepParts[1]);
                if (step < 1 || step > max) {
                    throw new IllegalArgumentException("invalid segment step boundary - the step must be between 1 and the " + max);
                }
            } else {
                throw new IllegalArgumentException("invalid segment step format - must be in the format */n or 1-30/n");
            }
            int from;
            int to;
            if (stepParts[0].equals("*")) {
                from = min;
                to = max;
            } else {
                String[] range = stepParts[0].split("-", -1);
                if (range.length == 1) {
                    if (step != 1) {
                        throw new IllegalArgumentException(
                                "invalid segment step - step > 1 could be used only with the wildcard or range format");
                    }
                    from = number(range[0]);
                    if (from < min || from > max) {
                        throw new IllegalArgumentException("invalid segment value - must be between the min and max of the segment");
                    }
                    to = from;
                } else if (range.length == 2) {
                    from = number(range[0]);
                    if (from < min || from > max) {
                        throw new IllegalArgumentException("invalid segment range minimum - must be between " + min + " and " + max);
                    }
                    to = number(range[1]);
                    if (to < from || to > max) {
                        throw new IllegalArgumentException("invalid segment range maximum - must be between " + from + " and " + max);
                    }
                } else {
                    throw new IllegalArgumentException("invalid segment range format - the range must have 1 or 2 parts");
                }
            }
            for (int i = from; i <= to; i += step) {
                slots.add(i);
            }
        }
        return slots;
    }

    /** Go's {@code strconv.Atoi}: an optional sign and decimal digits, else its "invalid syntax" error. */
    private static int number(String text) {
        if (!text.matches("[+-]?[0-9]+")) {
            throw new IllegalArgumentException("strconv.Atoi: parsing \"" + text + "\": invalid syntax");
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("strconv.Atoi: parsing \"" + text + "\": value out of range");
        }
    }
}
