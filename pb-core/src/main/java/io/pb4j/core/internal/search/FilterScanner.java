package io.pb4j.core.internal.search;

import io.pb4j.core.internal.search.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * The fexpr lexer. A group token carries the raw text between its outer parentheses (quotes respected, comments
 * not), which the parser parses again; this is how fexpr behaves, so a {@code )} inside a comment inside a group
 * closes the group there too. Not thread-safe; one scanner per input.
 */
final class FilterScanner {
    static final int MAX_FUNCTION_DEPTH = 3;

    private final int[] chars;
    private int pos;

    FilterScanner(String text) {
        this.chars = text.codePoints().toArray();
    }

    Token next() {
        if (pos >= chars.length) {
            return Token.EOF;
        }
        int ch = chars[pos];
        if (isWhitespace(ch)) {
            return whitespace();
        }
        if (ch == '(') {
            return group();
        }
        if (isIdentifierStart(ch)) {
            return identifier(MAX_FUNCTION_DEPTH);
        }
        if (isNumberStart(ch)) {
            return number();
        }
        if (isQuote(ch)) {
            return Token.of(Kind.TEXT, text(false));
        }
        if (isSignChar(ch)) {
            return run(Kind.SIGN);
        }
        if (ch == '&' || ch == '|') {
            return run(Kind.JOIN);
        }
        if (ch == '/') {
            return comment();
        }
        throw FilterException.format("unexpected character %s", describe(ch));
    }

    private Token whitespace() {
        int start = pos;
        while (pos < chars.length && isWhitespace(chars[pos])) {
            pos++;
        }
        return Token.of(Kind.WHITESPACE, slice(start, pos));
    }

    private Token number() {
        int start = pos;
        boolean hadDot = false;
        while (pos < chars.length) {
            int ch = chars[pos];
            boolean leadingMinus = ch == '-' && pos == start;
            boolean firstDot = ch == '.' && !hadDot;
            if (!isDigit(ch) && !leadingMinus && !firstDot) {
                break;
            }
            hadDot |= ch == '.';
            pos++;
        }
        String literal = slice(start, pos);
        if (literal.equals("-") || literal.startsWith(".") || literal.endsWith(".")) {
            throw FilterException.format("invalid number \"%s\"", literal);
        }
        return Token.of(Kind.NUMBER, literal);
    }

    /**
     * A quoted text. A quote directly after a backslash does not close the text; when {@code keepRaw} is false the
     * quotes are removed and only backslash+same-quote is unescaped (every other backslash stays).
     */
    private String text(boolean keepRaw) {
        int start = pos;
        int quote = chars[pos++];
        int prev = 0;
        boolean closed = false;
        while (pos < chars.length) {
            int ch = chars[pos++];
            if (ch == quote && prev != '\\') {
                closed = true;
                break;
            }
            prev = ch;
        }
        String raw = slice(start, pos);
        if (!closed) {
            throw FilterException.format("invalid quoted text %s", raw);
        }
        if (keepRaw) {
            return raw;
        }
        String q = Character.toString(quote);
        return raw.substring(1, raw.length() - 1).replace("\\" + q, q);
    }

    private Token comment() {
        if (pos + 1 >= chars.length || chars[pos + 1] != '/') {
            throw new FilterException("invalid comment");
        }
        int start = pos + 2;
        pos = start;
        while (pos < chars.length && chars[pos] != '\n') {
            pos++;
        }
        return Token.of(Kind.COMMENT, slice(start, pos).strip());
    }

    private Token identifier(int functionDepth) {
        int start = pos++;
        while (pos < chars.length) {
            int ch = chars[pos];
            if (ch == '(') {
                String name = slice(start, pos);
                if (functionDepth <= 0) {
                    throw FilterException.format("max nested function arguments reached (max: %d)", MAX_FUNCTION_DEPTH);
                }
                if (!isValidIdentifier(name)) {
                    throw FilterException.format("invalid function name \"%s\"", name);
                }
                return functionCall(name, functionDepth);
            }
            if (!isLetter(ch) && !isDigit(ch) && ch != '_' && ch != '.' && ch != ':') {
                break;
            }
            pos++;
        }
        String literal = slice(start, pos);
        if (!isValidIdentifier(literal)) {
            throw FilterException.format("invalid identifier \"%s\"", literal);
        }
        return Token.of(Kind.IDENTIFIER, literal);
    }

    private Token functionCall(String name, int depth) {
        pos++; // the '('
        List<Token> args = new ArrayList<>();
        boolean expectComma = false;
        while (pos < chars.length) {
            int ch = chars[pos];
            if (ch == ')') {
                pos++;
                return new Token(Kind.FUNCTION, name, args);
            }
            if (isWhitespace(ch)) {
                whitespace();
                continue;
            }
            if (ch == '/') {
                comment();
                continue;
            }
            boolean comma = ch == ',';
            if (expectComma != comma) {
                throw FilterException.format(comma ? "unexpected comma in function \"%s\""
                        : "expected comma after the last argument in function \"%s\"", name);
            }
            expectComma = !comma;
            if (comma) {
                pos++;
            } else if (isIdentifierStart(ch)) {
                args.add(identifier(depth - 1));
            } else if (isNumberStart(ch)) {
                args.add(number());
            } else if (isQuote(ch)) {
                args.add(Token.of(Kind.TEXT, text(false)));
            } else {
                throw FilterException.format("unsupported argument character %s in function \"%s\"", describe(ch), name);
            }
        }
        throw FilterException.format("invalid or incomplete function \"%s\" (expected ')')", name);
    }

    private Token run(Kind kind) {
        int start = pos;
        while (pos < chars.length && (kind == Kind.SIGN ? isSignChar(chars[pos]) : chars[pos] == '&' || chars[pos] == '|')) {
            pos++;
        }
        String literal = slice(start, pos);
        if (kind == Kind.SIGN && SignOperator.fromSymbol(literal).isEmpty()) {
            throw FilterException.format("invalid sign operator \"%s\"", literal);
        }
        if (kind == Kind.JOIN && !literal.equals("&&") && !literal.equals("||")) {
            throw FilterException.format("invalid join operator \"%s\"", literal);
        }
        return Token.of(kind, literal);
    }

    private Token group() {
        pos++; // the '('
        StringBuilder inner = new StringBuilder();
        int open = 1;
        while (pos < chars.length) {
            int ch = chars[pos];
            if (isQuote(ch)) {
                inner.append(text(true));
                continue;
            }
            pos++;
            if (ch == '(') {
                open++;
            } else if (ch == ')' && --open == 0) {
                return Token.of(Kind.GROUP, inner.toString());
            }
            inner.appendCodePoint(ch);
        }
        throw FilterException.format("invalid formatted group - missing %d closing bracket(s)", open);
    }

    private String slice(int from, int to) {
        return new String(chars, from, to - from);
    }

    private static String describe(int ch) {
        return ch < 0x20 || ch == 0x7f ? String.format("U+%04X", ch) : "'" + Character.toString(ch) + "'";
    }

    // '\r' is whitespace here (fexpr's snapshot only has space, tab and newline), so CRLF rules parse.
    static boolean isWhitespace(int ch) {
        return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
    }

    static boolean isLetter(int ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    }

    static boolean isDigit(int ch) {
        return ch >= '0' && ch <= '9';
    }

    private static boolean isQuote(int ch) {
        return ch == '\'' || ch == '"';
    }

    private static boolean isNumberStart(int ch) {
        return ch == '-' || isDigit(ch);
    }

    private static boolean isSignChar(int ch) {
        return ch == '=' || ch == '?' || ch == '!' || ch == '>' || ch == '<' || ch == '~';
    }

    private static boolean isSpecialStart(int ch) {
        return ch == '@' || ch == '_' || ch == '#';
    }

    private static boolean isIdentifierStart(int ch) {
        return isLetter(ch) || isSpecialStart(ch);
    }

    private static boolean isValidIdentifier(String s) {
        char last = s.charAt(s.length() - 1);
        return last != '.' && last != ':' && (s.length() != 1 || !isSpecialStart(s.charAt(0)));
    }
}
