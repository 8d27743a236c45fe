package io.pb4j.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SQL with named parameters ({@code {:name}} or {@code :name}) turned into positional ones. Text inside quotes
 * ({@code '…'}, {@code "…"}, {@code `…`}, {@code […]}) and comments is left alone, as is {@code ::}.
 */
record NamedSql(String sql, List<Object> params) {
    static NamedSql parse(String sql, Map<String, ?> values) {
        StringBuilder out = new StringBuilder(sql.length());
        List<Object> params = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`' || c == '[') {
                char close = c == '[' ? ']' : c;
                int end = sql.indexOf(close, i + 1);
                end = end < 0 ? n : end + 1;
                out.append(sql, i, end);
                i = end;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
                out.append(sql, i, end);
                i = end;
            } else if (c == '{' && i + 1 < n && sql.charAt(i + 1) == ':') {
                int end = sql.indexOf('}', i);
                if (end < 0) {
                    throw new IllegalArgumentException("unclosed parameter {: at " + i + " in " + sql);
                }
                i = bind(sql.substring(i + 2, end), values, out, params, end + 1);
            } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(sql.charAt(i + 1))
                    && (i == 0 || sql.charAt(i - 1) != ':')) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                i = bind(sql.substring(i + 1, end), values, out, params, end);
            } else {
                out.append(c);
                i++;
            }
        }
        return new NamedSql(out.toString(), params);
    }

    private static int bind(String name, Map<String, ?> values, StringBuilder out, List<Object> params, int next) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException("no value for the SQL parameter " + name);
        }
        out.append('?');
        params.add(values.get(name));
        return next;
    }
}
