package io.pb4j.core.internal.search;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Builds the SQL predicate of one comparison from its two resolved operands (PocketBase §7.7): NULL/{@code ''}
 * equivalence for {@code =}/{@code !=}, "contains" LIKE, and the {@code NOT EXISTS} every-value guard for
 * multi-row operands under non-{@code ?} operators. Not thread-safe (numbers subquery aliases).
 */
final class ComparisonCompiler {
    private static final Set<String> EMPTY_SQL = Set.of("", "null", "''", "\"\"", "``");
    private static final Set<String> NON_EMPTY_SQL = Set.of("1", "0", "true", "false");
    private static final UnaryOperator<SqlFragment> NOT = f -> SqlFragment.concat("NOT (", f, ")");

    private int subqueryCount;

    SqlFragment compile(ResolvedOperand left, SignOperator op, ResolvedOperand right) {
        SqlFragment expr = predicate(left, op.base(), right);
        if (!op.anyMatch()) {
            var lm = left.multiMatch();
            var rm = right.multiMatch();
            SqlFragment guard = null;
            if (lm.isPresent() && rm.isPresent()) {
                String la = "__ml" + (++subqueryCount);
                String ra = "__mr" + subqueryCount;
                SqlFragment where = compile(
                        valueOf(la, left.nullFallback(), UnaryOperator.identity()), op,
                        valueOf(ra, right.nullFallback(), NOT));
                guard = SqlFragment.concat("NOT EXISTS (SELECT 1 FROM (", lm.get().subquery(), ") " + la
                        + " LEFT JOIN (", rm.get().subquery(), ") " + ra + " WHERE ", where, ")");
            } else if (lm.isPresent() || rm.isPresent()) {
                boolean multiLeft = lm.isPresent();
                ResolvedOperand multi = multiLeft ? left : right;
                ResolvedOperand other = ResolvedOperand.of((multiLeft ? right : left).value());
                String alias = "__sm" + (++subqueryCount);
                ResolvedOperand value = valueOf(alias, multi.nullFallback(), NOT);
                SqlFragment where = multiLeft ? compile(value, op, other) : compile(other, op, value);
                guard = SqlFragment.concat("NOT EXISTS (SELECT 1 FROM (", multi.multiMatch().get().subquery(),
                        ") " + alias + " WHERE ", where, ")");
            }
            if (guard != null) {
                expr = SqlFragment.concat("((", expr, ") AND (", guard, "))");
            }
        }
        return right.afterBuild().apply(left.afterBuild().apply(expr));
    }

    private static ResolvedOperand valueOf(String alias, NullFallback fallback, UnaryOperator<SqlFragment> after) {
        return ResolvedOperand.sql(alias + "." + MultiMatch.COLUMN).withNullFallback(fallback).withAfterBuild(after);
    }

    private static SqlFragment predicate(ResolvedOperand l, SignOperator op, ResolvedOperand r) {
        SqlFragment lv = l.value();
        SqlFragment rv = r.value();
        return switch (op) {
            case EQ -> equality(true, l, r);
            case NEQ -> equality(false, l, r);
            case LIKE, NOT_LIKE -> like(lv, op == SignOperator.LIKE ? " LIKE " : " NOT LIKE ", rv);
            case LT -> SqlFragment.concat(lv, " < ", rv);
            case LTE -> SqlFragment.concat(lv, " <= ", rv);
            case GT -> SqlFragment.concat(lv, " > ", rv);
            case GTE -> SqlFragment.concat(lv, " >= ", rv);
            default -> throw new IllegalStateException("not a base operator: " + op);
        };
    }

    private static SqlFragment like(SqlFragment left, String like, SqlFragment right) {
        if (right.params().isEmpty()) {
            // a column on the right: "contains" its value
            return SqlFragment.concat(left, like, "('%' || ", right, " || '%') ESCAPE '\\'");
        }
        List<Object> patterns = right.params().stream().map(v -> (Object) LikePattern.wrap(v)).toList();
        return SqlFragment.concat(left, like, right.withParams(patterns), " ESCAPE '\\'");
    }

    private static SqlFragment equality(boolean equal, ResolvedOperand l, ResolvedOperand r) {
        // "!=" is always IS NOT: 'x' != NULL would be NULL, not true
        String eq = equal ? " = " : " IS NOT ";
        String nullEq = equal ? " IS " : " IS NOT ";
        String concat = equal ? " OR " : " AND ";
        String isNull = equal ? " IS NULL" : " IS NOT NULL";
        SqlFragment lv = l.value();
        SqlFragment rv = r.value();
        if (l.nullFallback() == NullFallback.DISABLED || r.nullFallback() == NullFallback.DISABLED) {
            return SqlFragment.concat(lv, nullEq, rv);
        }
        boolean leftEmpty = isEmpty(l);
        boolean rightEmpty = isEmpty(r);
        if (leftEmpty && rightEmpty) {
            return SqlFragment.concat("''", eq, "''");
        }
        if (isKnownNonEmpty(l) || isKnownNonEmpty(r)) {
            return SqlFragment.concat(leftEmpty ? "''" : lv, eq, rightEmpty ? "''" : rv);
        }
        if (leftEmpty) {
            return SqlFragment.concat("(''", eq, rv, concat, rv, isNull, ")");
        }
        if (rightEmpty) {
            return SqlFragment.concat("(", lv, eq, "''", concat, lv, isNull, ")");
        }
        return SqlFragment.concat("COALESCE(", lv, ", '')", eq, "COALESCE(", rv, ", '')");
    }

    private static boolean isEmpty(ResolvedOperand o) {
        return isEmptySql(o) || (o.nullFallback() == NullFallback.AUTO && o.value().params().size() == 1
                && hasEmptyParam(o));
    }

    private static boolean isEmptySql(ResolvedOperand o) {
        return EMPTY_SQL.contains(o.value().sql().toLowerCase(Locale.ROOT));
    }

    private static boolean hasEmptyParam(ResolvedOperand o) {
        return o.value().params().stream().anyMatch(p -> p == null || "".equals(p));
    }

    private static boolean isKnownNonEmpty(ResolvedOperand o) {
        if (o.nullFallback() == NullFallback.ENFORCED) {
            return false;
        }
        if (NON_EMPTY_SQL.contains(o.value().sql().toLowerCase(Locale.ROOT))) {
            return true;
        }
        return o.hasParams() && !hasEmptyParam(o) && !isEmptySql(o);
    }
}
