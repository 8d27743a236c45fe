package io.pb4j.core.internal.search;

import java.util.Optional;

/** fexpr's comparison operators; the {@code ?} forms are the "any-match" variants. */
public enum SignOperator {
    EQ("="), NEQ("!="), LIKE("~"), NOT_LIKE("!~"), LT("<"), LTE("<="), GT(">"), GTE(">="),
    ANY_EQ("?="), ANY_NEQ("?!="), ANY_LIKE("?~"), ANY_NOT_LIKE("?!~"),
    ANY_LT("?<"), ANY_LTE("?<="), ANY_GT("?>"), ANY_GTE("?>=");

    private final String symbol;

    SignOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** True for the {@code ?} forms, which skip the multi-match "every value" constraint. */
    public boolean anyMatch() {
        return symbol.charAt(0) == '?';
    }

    /** The operator with the {@code ?} prefix removed ({@code ?>=} → {@code >=}); itself when not an any-match form. */
    public SignOperator base() {
        return anyMatch() ? fromSymbol(symbol.substring(1)).orElseThrow() : this;
    }

    public static Optional<SignOperator> fromSymbol(String symbol) {
        for (SignOperator op : values()) {
            if (op.symbol.equals(symbol)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
