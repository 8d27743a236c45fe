package io.pb4j.core.field;

import io.pb4j.core.ValidationError;
import io.pb4j.core.internal.Numbers;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * PocketBase's (and ozzo-validation's) error codes with their message templates. Messages are rendered with their
 * params and sentenized, as PocketBase's API writes them ({@code "Must be at least 3 character(s)."}).
 */
final class Errors {
    private static final DateTimeFormatter GO_TIME_STRING =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss '+0000 UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Errors() {
    }

    static ValidationError of(String code, String template) {
        return new ValidationError(code, sentenize(template));
    }

    /** {@code template} uses Go's {@code {{.name}}} placeholders; values are rendered as Go's {@code %v} would. */
    static ValidationError of(String code, String template, Map<String, Object> params) {
        String message = template;
        for (var e : params.entrySet()) {
            message = message.replace("{{." + e.getKey() + "}}", render(e.getValue()));
        }
        return new ValidationError(code, sentenize(message), params);
    }

    static ValidationError required() {
        return ValidationError.required();
    }

    static ValidationError minText(int min) {
        return of("validation_min_text_constraint", "Must be at least {{.min}} character(s).", Map.of("min", min));
    }

    static ValidationError maxText(int max) {
        return of("validation_max_text_constraint", "Must be no more than {{.max}} character(s).", Map.of("max", max));
    }

    static ValidationError invalidFormat() {
        return of("validation_invalid_format", "Invalid value format.");
    }

    /** ozzo {@code validation.Min}: the value must be no less than the threshold. */
    static ValidationError notLessThan(Object threshold) {
        return of("validation_min_greater_equal_than_required", "must be no less than {{.threshold}}",
                Map.of("threshold", threshold));
    }

    /** ozzo {@code validation.Max}: the value must be no greater than the threshold. */
    static ValidationError notGreaterThan(Object threshold) {
        return of("validation_max_less_equal_than_required", "must be no greater than {{.threshold}}",
                Map.of("threshold", threshold));
    }

    /** ozzo's date thresholds: Go renders a {@code time.Time} in messages and RFC 3339 in JSON params. */
    static ValidationError dateNotBefore(Instant min) {
        return of("validation_min_greater_equal_than_required", "must be no less than " + GO_TIME_STRING.format(min),
                Map.of("threshold", rfc3339(min)));
    }

    static ValidationError dateNotAfter(Instant max) {
        return of("validation_max_less_equal_than_required", "must be no greater than " + GO_TIME_STRING.format(max),
                Map.of("threshold", rfc3339(max)));
    }

    static ValidationError empty() {
        return of("validation_empty", "must be blank");
    }

    static ValidationError invalidRegex(String detail) {
        return of("validation_invalid_regex", detail);
    }

    static ValidationError lengthOutOfRange(int min, int max) {
        return of("validation_length_out_of_range", "the length must be between {{.min}} and {{.max}}",
                Map.of("min", min, "max", max));
    }

    private static String rfc3339(Instant instant) {
        // Go's time.Time JSON: RFC 3339 with the fraction trimmed
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static String render(Object value) {
        return switch (value) {
            case Double d -> Numbers.message(d);
            case Float f -> Numbers.message(f.doubleValue());
            default -> String.valueOf(value);
        };
    }

    /** PocketBase's {@code inflector.Sentenize}: trimmed, first letter upper case, ends with {@code . ? !}. */
    static String sentenize(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            return "";
        }
        s = s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
        char last = s.charAt(s.length() - 1);
        return last == '.' || last == '?' || last == '!' ? s : s + ".";
    }
}
