package io.pb4j.core.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * PocketBase's {@code tools/tokenizer}: splits text on separator characters while respecting quotes ({@code ' " `})
 * and parenthesis boundaries. Tokens are trimmed of whitespace that is not itself a separator; empty tokens are dropped.
 * Stateless apart from its options; not thread-safe while scanning.
 */
final class SqlTokenizer {
    private static final String WHITESPACE = "\t\n\u000B\f\r \u0085\u00A0";

    private final String text;
    private final String separators;
    private final boolean keepSeparator;
    private int pos;

    SqlTokenizer(String text, String separators, boolean keepSeparator) {
        this.text = text;
        this.separators = separators;
        this.keepSeparator = keepSeparator;
    }

    static List<String> scanAll(String text, String separators) {
        return new SqlTokenizer(text, separators, false).scanAll();
    }

    List<String> scanAll() {
        List<String> out = new ArrayList<>();
        for (String token = scan(); token != null; token = scan()) {
            out.add(token);
        }
        return out;
    }

    /** The next non-empty token, or null at the end. */
    String scan() {
        while (pos < text.length()) {
            String token = readToken();
            if (!token.isEmpty()) {
                return token;
            }
        }
        return null;
    }

    private String readToken() {
        StringBuilder buf = new StringBuilder();
        int parenthesis = 0;
        char quote = 0;
        char prev = 0;
        while (pos < text.length()) {
            char ch = text.charAt(pos++);
            if (prev != '\\') {
                if (ch == '(' && quote == 0) {
                    parenthesis++;
                } else if (ch == ')' && parenthesis > 0 && quote == 0) {
                    parenthesis--;
                } else if (ch == '\'' || ch == '"' || ch == '`') {
                    if (quote == ch) {
                        quote = 0;
                    } else if (quote == 0) {
                        quote = ch;
                    }
                }
            }
            if (separators.indexOf(ch) >= 0 && parenthesis == 0 && quote == 0) {
                if (keepSeparator) {
                    buf.append(ch);
                }
                break;
            }
            prev = ch;
            buf.append(ch);
        }
        if (parenthesis > 0 || quote != 0) {
            throw new IllegalArgumentException("unbalanced parenthesis or quoted expression: \"" + buf + "\"");
        }
        return trim(buf.toString());
    }

    private String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && trimmable(s.charAt(start))) {
            start++;
        }
        while (end > start && trimmable(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private boolean trimmable(char ch) {
        return WHITESPACE.indexOf(ch) >= 0 && separators.indexOf(ch) < 0;
    }
}
