package io.pb4j.js.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.graalvm.polyglot.Value;

/**
 * PocketBase's {@code $dbx}: the query expressions of its {@code dbx} package ({@code exp}, {@code hashExp},
 * {@code not}, {@code and}, {@code or}, {@code in}, {@code notIn}, {@code like}, {@code notLike}, {@code orLike},
 * {@code orNotLike}, {@code between}, {@code notBetween}, {@code exists}, {@code notExists}) for the {@code where}
 * of {@code $app.db().select(...)} and {@code $app.recordQuery(...)}. Each builds to SQL with {@code {:name}}
 * placeholders whose values go to the statement's parameters, never into its text.
 */
public final class Dbx {
    private static final Pattern QUOTED = Pattern.compile("\\{\\{([^}]+)}}|\\[\\[([^]]+)]]");

    /** An expression: SQL text built with its parameters added to {@code params}. */
    @FunctionalInterface
    public interface Expression {
        /** The SQL, or {@code ""} when the expression is empty (no condition). */
        String build(Params params);

        /** dbx's {@code e.build(db, params)}: the SQL, with the values it binds added to {@code params}. */
        default String build(Object db, Value params) {
            Map<String, Object> values = new java.util.LinkedHashMap<>();
            String sql = build(new Params(values));
            if (params != null && !params.isNull()) {
                values.forEach((k, v) -> params.putMember(k, Convert.toJs(v)));
            }
            return sql;
        }
    }

    /** dbx's {@code LikeExp}: {@code match(left, right)} chooses where the value may have more text around it. */
    public static final class Like implements Expression {
        private final String column;
        private final String[] values;
        private final boolean not;
        private final String join;
        private boolean left = true;
        private boolean right = true;

        Like(String column, String[] values, boolean not, String join) {
            this.column = column;
            this.values = values.clone();
            this.not = not;
            this.join = join;
        }

        public Like match(boolean left, boolean right) {
            this.left = left;
            this.right = right;
            return this;
        }

        @Override
        public String build(Params p) {
            List<String> parts = new ArrayList<>();
            for (String v : values) {
                String escaped = v.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
                String pattern = (left ? "%" : "") + escaped + (right ? "%" : "");
                parts.add(quoteColumn(column) + (not ? " NOT LIKE " : " LIKE ") + p.add(pattern) + " ESCAPE '\\'");
            }
            return String.join(" " + join + " ", parts); // dbx's LikeExp: no parentheses
        }
    }

    /** The statement's parameters, with fresh names for the values an expression binds. */
    public static final class Params {
        final Map<String, Object> values;
        private int next;

        Params(Map<String, Object> values) {
            this.values = values;
        }

        String add(Object value) {
            String name;
            do {
                name = "p" + next++;
            } while (values.containsKey(name));
            values.put(name, value);
            return "{:" + name + "}";
        }
    }

    public Expression exp(String sql, Value params) {
        return p -> {
            JsDb.putAll(p.values, params);
            return sql;
        };
    }

    /** Column equals value for each entry, ANDed in name order; {@code null} is IS NULL, an array is IN. */
    public Expression hashExp(Value data) {
        Map<String, Value> sorted = new TreeMap<>();
        for (String k : data.getMemberKeys()) {
            sorted.put(k, data.getMember(k));
        }
        return p -> {
            List<String> parts = new ArrayList<>();
            for (var entry : sorted.entrySet()) {
                Value v = entry.getValue();
                Object java = Convert.toJava(v);
                String part;
                if (java instanceof Expression e) {
                    part = e.build(p);
                } else if (java == null) {
                    part = quoteColumn(entry.getKey()) + " IS NULL";
                } else if (java instanceof List<?> list) {
                    part = in(entry.getKey(), list, false, p);
                } else {
                    part = quoteColumn(entry.getKey()) + "=" + p.add(java);
                }
                if (!part.isEmpty()) {
                    parts.add(part);
                }
            }
            return String.join(" AND ", parts); // dbx's HashExp: no parentheses
        };
    }

    public Expression not(Expression e) {
        return p -> {
            String sql = e.build(p);
            return sql.isEmpty() ? "" : "NOT (" + sql + ")";
        };
    }

    public Expression and(Expression... exps) {
        return p -> join(built(exps, p), "AND");
    }

    public Expression or(Expression... exps) {
        return p -> join(built(exps, p), "OR");
    }

    public Expression in(String column, Value... values) {
        List<Object> list = values(values);
        return p -> in(column, list, false, p);
    }

    public Expression notIn(String column, Value... values) {
        List<Object> list = values(values);
        return p -> in(column, list, true, p);
    }

    public Like like(String column, String... values) {
        return like(column, values, false, "AND");
    }

    public Like notLike(String column, String... values) {
        return like(column, values, true, "AND");
    }

    public Like orLike(String column, String... values) {
        return like(column, values, false, "OR");
    }

    public Like orNotLike(String column, String... values) {
        return like(column, values, true, "OR");
    }

    public Expression between(String column, Value from, Value to) {
        return p -> quoteColumn(column) + " BETWEEN " + p.add(Convert.toJava(from)) + " AND " + p.add(Convert.toJava(to));
    }

    public Expression notBetween(String column, Value from, Value to) {
        return p -> quoteColumn(column) + " NOT BETWEEN " + p.add(Convert.toJava(from)) + " AND " + p.add(Convert.toJava(to));
    }

    public Expression exists(Expression e) {
        return p -> "EXISTS (" + e.build(p) + ")";
    }

    public Expression notExists(Expression e) {
        return p -> "NOT EXISTS (" + e.build(p) + ")";
    }

    private static List<Object> values(Value[] values) {
        List<Object> out = new ArrayList<>();
        for (Value v : values) {
            Object java = Convert.toJava(v);
            if (java instanceof List<?> l && values.length == 1) {
                out.addAll(l);
            } else {
                out.add(java);
            }
        }
        return out;
    }

    private static String in(String column, List<?> values, boolean not, Params p) {
        if (values.isEmpty()) {
            return not ? "" : "0=1";
        }
        if (values.size() == 1 && values.getFirst() == null) {
            return quoteColumn(column) + (not ? " IS NOT NULL" : " IS NULL");
        }
        List<String> names = new ArrayList<>();
        for (Object v : values) {
            names.add(p.add(v));
        }
        if (names.size() == 1) {
            return quoteColumn(column) + (not ? "<>" : "=") + names.getFirst();
        }
        return quoteColumn(column) + (not ? " NOT IN (" : " IN (") + String.join(", ", names) + ")";
    }

    private static Like like(String column, String[] values, boolean not, String join) {
        return new Like(column, values, not, join);
    }

    private static List<String> built(Expression[] exps, Params p) {
        List<String> out = new ArrayList<>();
        for (Expression e : exps) {
            if (e != null) {
                String sql = e.build(p);
                if (!sql.isEmpty()) {
                    out.add(sql);
                }
            }
        }
        return out;
    }

    private static String join(List<String> parts, String op) {
        if (parts.size() == 1) {
            return parts.getFirst();
        }
        List<String> wrapped = parts.stream().map(s -> "(" + s + ")").toList();
        return String.join(" " + op + " ", wrapped);
    }

    /** dbx's column quoting: {@code a.b} as {@code "a"."b"}; expressions ({@code (}, quotes, spaces) as they are. */
    static String quoteColumn(String column) {
        if (column.contains("(") || column.contains("\"") || column.contains(" ") || column.contains("[[") || column.contains("{{")) {
            return column;
        }
        List<String> parts = new ArrayList<>();
        for (String part : column.split("\\.")) {
            parts.add(part.equals("*") ? part : "\"" + part.replace("\"", "\"\"") + "\"");
        }
        return String.join(".", parts);
    }

    /** dbx's quoting placeholders in raw SQL: {@code {{table}}} and {@code [[column]]} become quoted names. */
    static String expandQuotes(String sql) {
        if (!sql.contains("{{") && !sql.contains("[[")) {
            return sql;
        }
        Matcher m = QUOTED.matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            m.appendReplacement(out, Matcher.quoteReplacement(quoteColumn(name.strip())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
