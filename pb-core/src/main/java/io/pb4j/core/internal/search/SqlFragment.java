package io.pb4j.core.internal.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A piece of SQL with {@code ?} placeholders and the values bound to them, in placeholder order. Values are
 * {@code String}, {@code Double}, {@code Integer} or {@code null} (SQL NULL); they are never spliced into the SQL.
 */
public record SqlFragment(String sql, List<Object> params) {
    public SqlFragment {
        Objects.requireNonNull(sql, "sql");
        params = Collections.unmodifiableList(new ArrayList<>(params)); // List.copyOf rejects null values
    }

    /** SQL without parameters. */
    public static SqlFragment raw(String sql) {
        return new SqlFragment(sql, List.of());
    }

    /** A single placeholder bound to {@code value}. */
    public static SqlFragment param(Object value) {
        List<Object> one = new ArrayList<>(1);
        one.add(value);
        return new SqlFragment("?", one);
    }

    /** Concatenates the parts; each part is either a {@code SqlFragment} or plain SQL text. */
    public static SqlFragment concat(Object... parts) {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof SqlFragment f) {
                sql.append(f.sql);
                params.addAll(f.params);
            } else {
                sql.append((String) part);
            }
        }
        return new SqlFragment(sql.toString(), params);
    }

    /** Joins fragments with a separator. */
    public static SqlFragment join(String separator, List<SqlFragment> parts) {
        List<Object> all = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                all.add(separator);
            }
            all.add(parts.get(i));
        }
        return concat(all.toArray());
    }

    /** The same SQL with other parameter values (same count). */
    public SqlFragment withParams(List<Object> newParams) {
        if (newParams.size() != params.size()) {
            throw new IllegalArgumentException("expected " + params.size() + " params, got " + newParams.size());
        }
        return new SqlFragment(sql, newParams);
    }
}
