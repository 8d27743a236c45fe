package io.pb4j.core.internal.search;

import io.pb4j.core.spi.SqlDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The filter functions {@code geoDistance} and {@code strftime}. */
final class FilterFunctions {
    private static final int MAX_STRFTIME_ARGS = 10;

    private FilterFunctions() {
    }

    static ResolvedOperand call(Operand.FunctionCall call, Function<Operand, ResolvedOperand> resolveArg,
                                SqlDialect dialect) {
        return switch (call.name()) {
            case "geoDistance" -> geoDistance(call.args(), resolveArg);
            case "strftime" -> strftime(call.args(), resolveArg, dialect);
            default -> throw FilterException.format("unknown function \"%s\"", call.name());
        };
    }

    /** Haversine distance in km between (lonA, latA) and (lonB, latB); no multi-match, no null fallback. */
    private static ResolvedOperand geoDistance(List<Operand> args, Function<Operand, ResolvedOperand> resolveArg) {
        if (args.size() != 4) {
            throw FilterException.format("[geoDistance] expected 4 arguments, got %d", args.size());
        }
        List<SqlFragment> v = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Operand arg = args.get(i);
            if (!(arg instanceof Operand.Identifier) && !(arg instanceof Operand.NumberLiteral)) {
                throw FilterException.format("[geoDistance] argument %d must be an identifier or number", i);
            }
            v.add(resolveArg(resolveArg, arg, "[geoDistance] failed to resolve argument " + i).value());
        }
        SqlFragment lonA = v.get(0);
        SqlFragment latA = v.get(1);
        SqlFragment lonB = v.get(2);
        SqlFragment latB = v.get(3);
        SqlFragment sql = SqlFragment.concat("(6371 * acos(",
                "cos(radians(", latA, ")) * cos(radians(", latB, ")) * ",
                "cos(radians(", lonB, ") - radians(", lonA, ")) + ",
                "sin(radians(", latA, ")) * sin(radians(", latB, "))",
                "))");
        return ResolvedOperand.of(sql).withNullFallback(NullFallback.DISABLED);
    }

    private static ResolvedOperand strftime(List<Operand> args, Function<Operand, ResolvedOperand> resolveArg,
                                            SqlDialect dialect) {
        if (args.isEmpty()) {
            throw new FilterException("[strftime] expected at least 1 arguments, got 0");
        }
        if (args.size() > MAX_STRFTIME_ARGS) {
            throw FilterException.format("[strftime] too many arguments (max allowed %d, got %d)",
                    MAX_STRFTIME_ARGS, args.size());
        }
        if (!(args.get(0) instanceof Operand.TextLiteral)) {
            throw new FilterException("[strftime] expects the first argument to be a format string");
        }
        List<SqlFragment> resolved = new ArrayList<>();
        resolved.add(resolveArg(resolveArg, args.get(0), "[strftime] failed to resolve format argument").value());
        ResolvedOperand timeValue = null;
        if (args.size() > 1) {
            if (args.get(1) instanceof Operand.FunctionCall) {
                throw new FilterException("[strftime] expects the second argument to be of a valid time-value type");
            }
            timeValue = resolveArg(resolveArg, args.get(1), "[strftime] failed to resolve time-value argument");
            resolved.add(timeValue.value());
        }
        for (int i = 2; i < args.size(); i++) {
            if (!(args.get(i) instanceof Operand.TextLiteral)) {
                throw FilterException.format("[strftime] invalid modifier argument %d - can be only string", i - 2);
            }
            resolved.add(resolveArg(resolveArg, args.get(i), "[strftime] failed to resolve modifier argument").value());
        }
        ResolvedOperand result = ResolvedOperand.of(call(dialect, resolved)).withNullFallback(NullFallback.ENFORCED);
        if (timeValue != null && timeValue.multiMatch().isPresent()) {
            MultiMatch mm = timeValue.multiMatch().get();
            List<SqlFragment> mmArgs = new ArrayList<>(resolved);
            mmArgs.set(1, mm.value());
            result = result.withMultiMatch(mm.withValue(call(dialect, mmArgs)));
        }
        return result;
    }

    private static SqlFragment call(SqlDialect dialect, List<SqlFragment> args) {
        List<Object> params = new ArrayList<>();
        args.forEach(a -> params.addAll(a.params()));
        return new SqlFragment(dialect.strftime(args.stream().map(SqlFragment::sql).toList()), params);
    }

    private static ResolvedOperand resolveArg(Function<Operand, ResolvedOperand> resolveArg, Operand arg, String context) {
        try {
            return resolveArg.apply(arg);
        } catch (FilterException e) {
            throw new FilterException(context + ": " + e.getMessage());
        }
    }
}
