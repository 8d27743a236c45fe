package io.pb4j.core.internal;

import java.util.Map;

/**
 * PocketBase's {@code {:name}} placeholders in a filter ({@code search.FilterData.BuildExpr}): each is replaced by
 * its value as a filter literal before the filter is parsed. Numbers and booleans go in as written, {@code null} as
 * {@code null}, anything else as a double-quoted string with {@code "} and {@code \} escaped (Go's
 * {@code strconv.Quote}), so a value can never end the literal and add filter syntax of its own.
 */
public final class FilterParams {
    private FilterParams() {
    }

    public static String apply(String filter, Map<String, ?> params) {
        String result = filter;
        for (Map.Entry<String, ?> p : params.entrySet()) {
            result = result.replace("{:" + p.getKey() + "}", literal(p.getValue()));
        }
        return result;
    }

    static String literal(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean || value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte || value instanceof Double || value instanceof Float) {
            return String.valueOf(value);
        }
        String text = String.valueOf(value);
        StringBuilder b = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
