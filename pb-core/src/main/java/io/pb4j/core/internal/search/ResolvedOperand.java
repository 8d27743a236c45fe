package io.pb4j.core.internal.search;

import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An operand turned into SQL: its expression, how it compares against NULL/{@code ''}, the optional all-values
 * subquery of a multi-row source, and an optional rewrite of the finished comparison (e.g. PocketBase's
 * {@code AND emailVisibility = TRUE} guard on auth emails).
 */
public record ResolvedOperand(SqlFragment value, NullFallback nullFallback, Optional<MultiMatch> multiMatch,
                              UnaryOperator<SqlFragment> afterBuild) {
    public ResolvedOperand {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(nullFallback, "nullFallback");
        Objects.requireNonNull(multiMatch, "multiMatch");
        Objects.requireNonNull(afterBuild, "afterBuild");
    }

    public static ResolvedOperand of(SqlFragment value) {
        return new ResolvedOperand(value, NullFallback.AUTO, Optional.empty(), UnaryOperator.identity());
    }

    /** Plain SQL such as a column reference, {@code NULL}, {@code 1}. */
    public static ResolvedOperand sql(String sql) {
        return of(SqlFragment.raw(sql));
    }

    public static ResolvedOperand param(Object value) {
        return of(SqlFragment.param(value));
    }

    public ResolvedOperand withValue(SqlFragment newValue) {
        return new ResolvedOperand(newValue, nullFallback, multiMatch, afterBuild);
    }

    public ResolvedOperand withNullFallback(NullFallback fallback) {
        return new ResolvedOperand(value, fallback, multiMatch, afterBuild);
    }

    public ResolvedOperand withMultiMatch(MultiMatch mm) {
        return new ResolvedOperand(value, nullFallback, Optional.of(mm), afterBuild);
    }

    public ResolvedOperand withAfterBuild(UnaryOperator<SqlFragment> rewrite) {
        return new ResolvedOperand(value, nullFallback, multiMatch, rewrite);
    }

    /** True when the operand is plain SQL without bound values. */
    boolean hasParams() {
        return !value.params().isEmpty();
    }
}
