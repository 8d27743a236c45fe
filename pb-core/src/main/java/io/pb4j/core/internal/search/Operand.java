package io.pb4j.core.internal.search;

import java.util.List;
import java.util.Objects;

/** One side of a comparison, or a function argument. */
public sealed interface Operand {
    /** A field path, macro or literal keyword ({@code title}, {@code @now}, {@code null}, {@code tags:each}). */
    record Identifier(String name) implements Operand {
        public Identifier {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A quoted string with its quotes removed and its escaped quotes unescaped. */
    record TextLiteral(String value) implements Operand {
        public TextLiteral {
            Objects.requireNonNull(value, "value");
        }
    }

    /** A number as written ({@code -14}, {@code 10.50}); bound as a {@code Double}. */
    record NumberLiteral(String literal) implements Operand {
        public NumberLiteral {
            Objects.requireNonNull(literal, "literal");
        }

        /** The bound value; out-of-range literals bind 0, as Go's {@code cast.ToFloat64} does in PocketBase. */
        public double value() {
            double v = Double.parseDouble(literal);
            return Double.isInfinite(v) ? 0.0 : v;
        }
    }

    /** {@code name(arg, ...)}; arguments may be nested calls (three levels at most, counting this one). */
    record FunctionCall(String name, List<Operand> args) implements Operand {
        public FunctionCall {
            Objects.requireNonNull(name, "name");
            args = List.copyOf(args);
        }
    }
}
