package io.pb4j.core.field;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Compiled option patterns, cached because definitions are immutable and shared. */
final class Regexes {
    private static final int MAX_CACHED = 1024;
    private static final ConcurrentMap<String, Pattern> CACHE = new ConcurrentHashMap<>();

    private Regexes() {
    }

    /** Go's {@code regexp.MatchString}: true when the pattern matches anywhere in the value. */
    static boolean find(String pattern, String value) {
        Pattern compiled = CACHE.get(pattern);
        if (compiled == null) {
            try {
                compiled = Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                return false;
            }
            if (CACHE.size() < MAX_CACHED) {
                CACHE.put(pattern, compiled);
            }
        }
        return compiled.matcher(value).find();
    }

    /** The compile error of a non-empty pattern, as {@code validators.IsRegex} reports it. */
    static Optional<String> compileError(String pattern) {
        if (pattern.isEmpty()) {
            return Optional.empty();
        }
        try {
            Pattern.compile(pattern);
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            return Optional.of("error parsing regexp: " + e.getDescription() + ": `" + e.getPattern() + "`");
        }
    }
}
