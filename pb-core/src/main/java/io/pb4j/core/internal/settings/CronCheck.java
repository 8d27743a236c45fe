package io.pb4j.core.internal.settings;

import java.util.Map;
import java.util.Optional;

/**
 * Whether a text is a cron expression PocketBase's {@code cron.NewSchedule} accepts: a macro or five space-separated
 * segments (minute, hour, day of month, month, day of week) of lists, ranges and steps. The error texts are Go's.
 */
final class CronCheck {
    private static final Map<String, String> MACROS = Map.of(
            "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *", "@monthly", "0 0 1 * *", "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *", "@midnight", "0 0 * * *", "@hourly", "0 * * * *");
    private static final int[][] BOUNDS = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {0, 6}};

    private CronCheck() {
    }

    /** Why the expression is invalid, or empty when it is valid. */
    static Optional<String> problem(String expression) {
        String[] segments = MACROS.getOrDefault(expression, expression).split(" ", -1);
        if (segments.length != 5) {
            return Optional.of("invalid cron expression - must be a valid macro or to have exactly 5 space separated segments");
        }
        for (int i = 0; i < 5; i++) {
            Optional<String> p = segment(segments[i], BOUNDS[i][0], BOUNDS[i][1]);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> segment(String segment, int min, int max) {
        for (String part : segment.split(",", -1)) {
            String[] stepParts = part.split("/", -1);
            int step = 1;
            if (stepParts.length == 2) {
                Integer parsed = atoi(stepParts[1]);
                if (parsed == null) {
                    return Optional.of(atoiError(stepParts[1]));
                }
                if (parsed < 1 || parsed > max) {
                    return Optional.of("invalid segment step boundary - the step must be between 1 and the " + max);
                }
                step = parsed;
            } else if (stepParts.length != 1) {
                return Optional.of("invalid segment step format - must be in the format */n or 1-30/n");
            }
            if (stepParts[0].equals("*")) {
                continue;
            }
            String[] range = stepParts[0].split("-", -1);
            if (range.length == 1) {
                if (step != 1) {
                    return Optional.of("invalid segment step - step > 1 could be used only with the wildcard or range format");
                }
                Integer v = atoi(range[0]);
                if (v == null) {
                    return Optional.of(atoiError(range[0]));
                }
                if (v < min || v > max) {
                    return Optional.of("invalid segment value - must be between the min and max of the segment");
                }
            } else if (range.length == 2) {
                Integer lo = atoi(range[0]);
                if (lo == null) {
                    return Optional.of(atoiError(range[0]));
                }
                if (lo < min || lo > max) {
                    return Optional.of("invalid segment range minimum - must be between " + min + " and " + max);
                }
                Integer hi = atoi(range[1]);
                if (hi == null) {
                    return Optional.of(atoiError(range[1]));
                }
                if (hi < lo || hi > max) {
                    return Optional.of("invalid segment range maximum - must be between " + lo + " and " + max);
                }
            } else {
                return Optional.of("invalid segment range format - the range must have 1 or 2 parts");
            }
        }
        return Optional.empty();
    }

    /** Go's {@code strconv.Atoi}: an optional sign and decimal digits; null when that fails. */
    private static Integer atoi(String s) {
        if (!s.matches("[+-]?[0-9]+")) {
            return null;
        }
        try {
            return Integer.parseInt(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            return s.startsWith("-") ? Integer.MIN_VALUE : Integer.MAX_VALUE; // Go's int is 64-bit: out of range only far beyond
        }
    }

    private static String atoiError(String s) {
        return "strconv.Atoi: parsing \"" + s + "\": invalid syntax";
    }
}
