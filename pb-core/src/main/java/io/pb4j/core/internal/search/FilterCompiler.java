package io.pb4j.core.internal.search;

import io.pb4j.core.internal.search.Expr.Comparison;
import io.pb4j.core.internal.search.Expr.Group;
import io.pb4j.core.internal.search.Expr.Term;
import io.pb4j.core.spi.SqlDialect;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Compiles a parsed filter to a SQL predicate. Terms are joined with {@code AND}/{@code OR} in source order and
 * groups are parenthesised, exactly like PocketBase, so SQL's precedence ({@code AND} first) applies. One
 * compiler per filter; not thread-safe.
 */
final class FilterCompiler {
    private final IdentifierResolver resolver;
    private final SqlDialect dialect;
    private final Clock clock;
    private final ComparisonCompiler comparisons = new ComparisonCompiler();

    FilterCompiler(IdentifierResolver resolver, SqlDialect dialect, Clock clock) {
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    SqlFragment compile(Group group) {
        List<Object> parts = new ArrayList<>();
        for (Term term : group.terms()) {
            if (!parts.isEmpty()) {
                parts.add(term.join() == Expr.Join.OR ? " OR " : " AND ");
            }
            parts.add(switch (term.expr()) {
                case Comparison c -> comparison(c);
                case Group g -> compile(g);
            });
        }
        SqlFragment joined = SqlFragment.concat(parts.toArray());
        String upper = joined.sql().toUpperCase(Locale.ROOT);
        if (parts.size() == 1 && !upper.contains(" AND ") && !upper.contains(" OR ")) {
            return joined;
        }
        return SqlFragment.concat("(", joined, ")");
    }

    private SqlFragment comparison(Comparison c) {
        ResolvedOperand left = operand(c.left(), "left");
        ResolvedOperand right = operand(c.right(), "right");
        return comparisons.compile(left, c.operator(), right);
    }

    private ResolvedOperand operand(Operand operand, String side) {
        try {
            ResolvedOperand resolved = resolve(operand);
            if (resolved.value().sql().isEmpty()) {
                throw new FilterException("empty expression");
            }
            return resolved;
        } catch (FilterException e) {
            throw FilterException.format("invalid %s operand \"%s\" - %s", side, describe(operand), e.getMessage());
        }
    }

    /** Resolves an operand or function argument. */
    ResolvedOperand resolve(Operand operand) {
        return switch (operand) {
            case Operand.TextLiteral t -> ResolvedOperand.param(t.value());
            case Operand.NumberLiteral n -> ResolvedOperand.param(n.value());
            case Operand.FunctionCall f -> FilterFunctions.call(f, this::resolve, dialect);
            case Operand.Identifier id -> identifier(id.name());
        };
    }

    private ResolvedOperand identifier(String name) {
        var macro = DatetimeMacros.value(name, clock);
        if (macro.isPresent()) {
            return ResolvedOperand.param(macro.get());
        }
        try {
            return resolver.resolve(name);
        } catch (FilterException e) {
            // the keywords only apply when no field of that name exists
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "null" -> ResolvedOperand.sql("NULL");
                case "true" -> ResolvedOperand.sql("1");
                case "false" -> ResolvedOperand.sql("0");
                default -> throw e;
            };
        }
    }

    private static String describe(Operand operand) {
        return switch (operand) {
            case Operand.TextLiteral t -> t.value();
            case Operand.NumberLiteral n -> n.literal();
            case Operand.FunctionCall f -> f.name() + "(…)";
            case Operand.Identifier id -> id.name();
        };
    }
}
