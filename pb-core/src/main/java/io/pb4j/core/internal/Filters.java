package io.pb4j.core.internal;

import io.pb4j.core.Collection;
import java.util.List;
import java.util.Optional;

/** The bridge from records search and rule checks to the filter compiler. */
final class Filters {
    private Filters() {
    }

    /** A compiled WHERE fragment with its positional parameters. */
    record Where(String sql, List<Object> params) {
    }

    static Optional<String> compileError(Collection c, String rule) {
        return Optional.empty();
    }
}
