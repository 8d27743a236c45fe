package io.pb4j.core.internal.search;

import java.math.BigDecimal;

/** PocketBase's LIKE value handling: "contains" wrapping unless the value already has an unescaped {@code %}. */
final class LikePattern {
    private LikePattern() {
    }

    /** The pattern bound for a right-hand value of {@code ~}/{@code !~}. */
    static String wrap(Object value) {
        String s = asString(value);
        if (containsUnescaped(s, '%')) {
            return s;
        }
        return "%" + escapeUnescaped(s) + "%";
    }

    /** Go's {@code cast.ToString} for the values a filter binds. */
    static String asString(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                return d.isNaN() ? "NaN" : (d > 0 ? "+Inf" : "-Inf");
            }
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }

    static boolean containsUnescaped(String s, char ch) {
        int prev = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ch && prev != '\\') {
                return true;
            }
            prev = c == '\\' && prev == '\\' ? 0 : c; // "\\\\" is an escaped backslash, not an escape
        }
        return false;
    }

    /** Backslash-escapes {@code \ % _} unless already preceded by a backslash (scanning from the end, as Go does). */
    static String escapeUnescaped(String s) {
        StringBuilder reversed = new StringBuilder(s.length() + 8);
        boolean pending = false;
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (pending) {
                if (c != '\\') {
                    reversed.append('\\');
                }
                pending = false;
            } else {
                pending = c == '\\' || c == '%' || c == '_';
            }
            reversed.append(c);
            if (i == 0 && pending) {
                reversed.append('\\');
            }
        }
        return reversed.reverse().toString();
    }
}
