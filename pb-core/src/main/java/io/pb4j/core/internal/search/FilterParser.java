package io.pb4j.core.internal.search;

import io.pb4j.core.internal.search.Expr.Comparison;
import io.pb4j.core.internal.search.Expr.Group;
import io.pb4j.core.internal.search.Expr.Join;
import io.pb4j.core.internal.search.Expr.Term;
import io.pb4j.core.internal.search.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses PocketBase's filter language (fexpr) into an {@link Expr.Group}. Stateless and thread-safe.
 *
 * <p>Like fexpr, a parenthesised group is accepted wherever a token may appear and always completes a term: in
 * {@code a = 1 (b = 2)} the group reuses the previous join, and a half-written comparison before a group
 * ({@code a = (b = 2)}) is dropped. pb4j keeps that leniency so the same filters are accepted as by PocketBase.
 */
public final class FilterParser {
    /** PocketBase's default limit of comparisons per filter. */
    public static final int MAX_COMPARISONS = 200;
    /** Not in PocketBase; a guard against stack exhaustion far above what a 3500-character filter can nest. */
    public static final int MAX_GROUP_DEPTH = 500;

    private FilterParser() {
    }

    /** Parses {@code text}; throws {@link FilterException} when it is empty, malformed or over the limits. */
    public static Group parse(String text) {
        int[] comparisons = {0};
        return parse(text, 0, comparisons);
    }

    private enum Step { LEFT, SIGN, RIGHT, JOIN }

    private static Group parse(String text, int depth, int[] comparisons) {
        if (depth > MAX_GROUP_DEPTH) {
            throw FilterException.format("max nested groups reached (max: %d)", MAX_GROUP_DEPTH);
        }
        FilterScanner scanner = new FilterScanner(text);
        List<Term> terms = new ArrayList<>();
        Step step = Step.LEFT;
        Join join = Join.AND;
        Operand left = null;
        SignOperator sign = null;
        for (Token t = scanner.next(); t.kind() != Kind.EOF; t = scanner.next()) {
            if (t.kind() == Kind.WHITESPACE || t.kind() == Kind.COMMENT) {
                continue;
            }
            if (t.kind() == Kind.GROUP) {
                terms.add(new Term(join, parse(t.literal(), depth + 1, comparisons)));
                step = Step.JOIN;
                continue;
            }
            switch (step) {
                case LEFT -> {
                    left = operand(t, "left");
                    step = Step.SIGN;
                }
                case SIGN -> {
                    if (t.kind() != Kind.SIGN) {
                        throw unexpected("a sign operator", t);
                    }
                    sign = SignOperator.fromSymbol(t.literal()).orElseThrow();
                    step = Step.RIGHT;
                }
                case RIGHT -> {
                    if (++comparisons[0] > MAX_COMPARISONS) {
                        throw FilterException.format("max filter expressions limit reached (max: %d)", MAX_COMPARISONS);
                    }
                    terms.add(new Term(join, new Comparison(left, sign, operand(t, "right"))));
                    step = Step.JOIN;
                }
                case JOIN -> {
                    if (t.kind() != Kind.JOIN) {
                        throw unexpected("&& or ||", t);
                    }
                    join = t.literal().equals("||") ? Join.OR : Join.AND;
                    step = Step.LEFT;
                }
            }
        }
        if (step != Step.JOIN) {
            throw new FilterException(terms.isEmpty() && left == null
                    ? "empty filter expression" : "invalid or incomplete filter expression");
        }
        return new Group(terms);
    }

    private static Operand operand(Token t, String side) {
        return switch (t.kind()) {
            case IDENTIFIER -> new Operand.Identifier(t.literal());
            case TEXT -> new Operand.TextLiteral(t.literal());
            case NUMBER -> new Operand.NumberLiteral(t.literal());
            case FUNCTION -> new Operand.FunctionCall(t.literal(), t.args().stream().map(a -> operand(a, side)).toList());
            default -> throw unexpected(side + " operand (identifier, function, text or number)", t);
        };
    }

    private static FilterException unexpected(String expected, Token t) {
        return FilterException.format("expected %s, got \"%s\" (%s)", expected, t.literal(),
                t.kind().name().toLowerCase(java.util.Locale.ROOT));
    }
}
