package io.pb4j.js.internal.template;

import java.util.ArrayList;
import java.util.List;

/** Splits the inside of one action ({@code {{ ... }}}) into tokens, as Go's text/template lexer does. */
final class Lexer {
    enum Kind { STRING, NUMBER, BOOL, NIL, IDENT, FIELD, VARIABLE, LPAREN, RPAREN, PIPE, DECLARE, ASSIGN, COMMA, DOT }

    record Token(Kind kind, String text) {
    }

    private Lexer() {
    }

    static List<Token> tokens(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int j = i + 1;
                StringBuilder b = new StringBuilder();
                while (j < s.length() && s.charAt(j) != '"') {
                    char x = s.charAt(j);
                    if (x == '\\' && j + 1 < s.length()) {
                        char e = s.charAt(++j);
                        b.append(switch (e) {
                            case 'n' -> '\n';
                            case 't' -> '\t';
                            case 'r' -> '\r';
                            default -> e;
                        });
                    } else {
                        b.append(x);
                    }
                    j++;
                }
                if (j >= s.length()) {
                    throw new TemplateException("unterminated quoted string");
                }
                out.add(new Token(Kind.STRING, b.toString()));
                i = j + 1;
            } else if (c == '`') {
                int j = s.indexOf('`', i + 1);
                if (j < 0) {
                    throw new TemplateException("unterminated raw quoted string");
                }
                out.add(new Token(Kind.STRING, s.substring(i + 1, j)));
                i = j + 1;
            } else if (c == '(') {
                out.add(new Token(Kind.LPAREN, "("));
                i++;
            } else if (c == ')') {
                out.add(new Token(Kind.RPAREN, ")"));
                i++;
            } else if (c == '|') {
                out.add(new Token(Kind.PIPE, "|"));
                i++;
            } else if (c == ',') {
                out.add(new Token(Kind.COMMA, ","));
                i++;
            } else if (c == ':' && i + 1 < s.length() && s.charAt(i + 1) == '=') {
                out.add(new Token(Kind.DECLARE, ":="));
                i += 2;
            } else if (c == '=') {
                out.add(new Token(Kind.ASSIGN, "="));
                i++;
            } else if (c == '.' && (i + 1 >= s.length() || !isWord(s.charAt(i + 1)))) {
                out.add(new Token(Kind.DOT, "."));
                i++;
            } else if (c == '.' || c == '$') {
                int j = i + 1;
                while (j < s.length() && (isWord(s.charAt(j)) || s.charAt(j) == '.')) {
                    j++;
                }
                out.add(new Token(c == '.' ? Kind.FIELD : Kind.VARIABLE, s.substring(i, j)));
                i = j;
            } else if (Character.isDigit(c) || ((c == '-' || c == '+') && i + 1 < s.length() && Character.isDigit(s.charAt(i + 1)))) {
                int j = i + 1;
                while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '.' || s.charAt(j) == '_')) {
                    j++;
                }
                out.add(new Token(Kind.NUMBER, s.substring(i, j)));
                i = j;
            } else if (isWord(c)) {
                int j = i + 1;
                while (j < s.length() && isWord(s.charAt(j))) {
                    j++;
                }
                String w = s.substring(i, j);
                // a method or field chain after a call result, e.g. (index . 0).name, stays with the operand
                out.add(switch (w) {
                    case "true", "false" -> new Token(Kind.BOOL, w);
                    case "nil" -> new Token(Kind.NIL, w);
                    default -> new Token(Kind.IDENT, w);
                });
                i = j;
            } else {
                throw new TemplateException("unexpected " + c + " in command");
            }
        }
        return out;
    }

    private static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
