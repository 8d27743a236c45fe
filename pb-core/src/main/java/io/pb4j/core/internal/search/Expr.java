package io.pb4j.core.internal.search;

import java.util.List;
import java.util.Objects;

/**
 * The parsed filter: a {@link Group} of terms joined in source order, each a {@link Comparison} or a nested
 * group. There is no precedence in the tree; the SQL emitted keeps the source order and lets SQL's own
 * precedence ({@code AND} before {@code OR}) apply, as PocketBase does.
 */
public sealed interface Expr {
    enum Join { AND, OR }

    /** A term and the join that precedes it (the first term's join is {@link Join#AND} and has no effect). */
    record Term(Join join, Expr expr) {
        public Term {
            Objects.requireNonNull(join, "join");
            Objects.requireNonNull(expr, "expr");
        }
    }

    /** A non-empty sequence of terms; the whole filter, or a parenthesised part of it. */
    record Group(List<Term> terms) implements Expr {
        public Group {
            terms = List.copyOf(terms);
            if (terms.isEmpty()) {
                throw new IllegalArgumentException("a group has at least one term");
            }
        }
    }

    record Comparison(Operand left, SignOperator operator, Operand right) implements Expr {
        public Comparison {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(right, "right");
        }
    }
}
