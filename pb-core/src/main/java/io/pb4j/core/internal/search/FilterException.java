package io.pb4j.core.internal.search;

/**
 * A filter, rule or sort expression that cannot be parsed, resolved or compiled. The message is meant for logs and
 * for the rule editor ({@code validation_invalid_rule}); client filter errors become a generic 400.
 */
public final class FilterException extends RuntimeException {
    public FilterException(String message) {
        super(message);
    }

    static FilterException format(String template, Object... args) {
        return new FilterException(String.format(template, args));
    }
}
