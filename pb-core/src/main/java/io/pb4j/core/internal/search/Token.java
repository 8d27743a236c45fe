package io.pb4j.core.internal.search;

import java.util.List;

/** A lexical token of the filter language; {@code args} is non-empty only for {@link Kind#FUNCTION}. */
record Token(Kind kind, String literal, List<Token> args) {
    enum Kind { EOF, WHITESPACE, COMMENT, IDENTIFIER, FUNCTION, NUMBER, TEXT, SIGN, JOIN, GROUP }

    static final Token EOF = new Token(Kind.EOF, "", List.of());

    Token {
        args = List.copyOf(args);
    }

    static Token of(Kind kind, String literal) {
        return new Token(kind, literal, List.of());
    }
}
