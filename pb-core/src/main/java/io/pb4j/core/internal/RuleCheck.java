package io.pb4j.core.internal;

import io.pb4j.core.Collection;
import io.pb4j.core.spi.SqlSession;
import java.util.Optional;

/** Checks that a rule compiles against its collection when the collection is saved. */
final class RuleCheck {
    private RuleCheck() {
    }

    /** The compile error of {@code rule}, or empty when it compiles. */
    static Optional<String> error(SqlSession s, Collection c, String rule) {
        return Filters.compileError(s, c, rule);
    }
}
