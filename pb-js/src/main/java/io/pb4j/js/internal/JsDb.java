package io.pb4j.js.internal;

import io.pb4j.core.Db;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.graalvm.polyglot.Value;

/**
 * PocketBase's {@code $app.db()} for scripts: {@code newQuery(sql).bind({...}).execute() / one(model) / all(models)}
 * and dbx's select builder, {@code select(...).from(table).where($dbx...).andWhere(...).orWhere(...).orderBy(...)
 * .groupBy(...).limit(n).offset(n).all(models) / one(model)}. {@code {{table}}} and {@code [[column]]} in SQL are
 * quoted as dbx quotes them.
 */
public final class JsDb {
    private final Db db;

    JsDb(Db db) {
        this.db = db;
    }

    public Query newQuery(String sql) {
        return new Query(db, Dbx.expandQuotes(sql), new LinkedHashMap<>());
    }

    public Select select(String... columns) {
        return new Select(db, List.of(columns));
    }

    /** Adds a script object's members to statement parameters. */
    static void putAll(Map<String, Object> params, Value values) {
        if (values != null && values.hasMembers()) {
            for (String k : values.getMemberKeys()) {
                params.put(k, Convert.toJava(values.getMember(k)));
            }
        }
    }

    /** One statement with its named parameters ({@code {:name}}). */
    public static final class Query {
        private final Db db;
        private final String sql;
        private final Map<String, Object> params;

        Query(Db db, String sql, Map<String, Object> params) {
            this.db = db;
            this.sql = sql;
            this.params = params;
        }

        public Query bind(Value values) {
            putAll(params, values);
            return this;
        }

        public Map<String, Object> execute() {
            int n = db.execute(sql, params);
            return Map.of("rowsAffected", (long) n);
        }

        /** The SQL text, for debugging. */
        public String getSQL() {
            return sql;
        }

        /** Fills {@code target} with the first row's columns; throws when there is none. */
        public void one(Value target) {
            List<Map<String, Object>> rows = db.query(sql, params);
            if (rows.isEmpty()) {
                throw new NoSuchElementException("sql: no rows in result set");
            }
            Models.fill(target, rows.getFirst());
        }

        /** Appends one object per row to the array {@code target}, typed as its {@code arrayOf} model. */
        public void all(Value target) {
            Models.append(target, db.query(sql, params));
        }

        /** The rows as plain objects. */
        List<Map<String, Object>> rows() {
            return db.query(sql, params);
        }
    }

    /** dbx's {@code SelectQuery}: each call adds to the query and returns it. */
    public static class Select {
        final Db db;
        private final List<String> columns = new ArrayList<>();
        private String from = "";
        private boolean distinct;
        private Dbx.Expression where;
        private final List<String> orderBy = new ArrayList<>();
        private final List<String> groupBy = new ArrayList<>();
        private Dbx.Expression having;
        private long limit = -1;
        private long offset;
        private final Map<String, Object> bound = new LinkedHashMap<>();

        Select(Db db, List<String> columns) {
            this.db = db;
            this.columns.addAll(columns);
        }

        public Select select(String... cols) {
            columns.clear();
            columns.addAll(List.of(cols));
            return this;
        }

        public Select andSelect(String... cols) {
            columns.addAll(List.of(cols));
            return this;
        }

        public Select distinct(boolean on) {
            distinct = on;
            return this;
        }

        public Select from(String... tables) {
            from = String.join(", ", List.of(tables).stream().map(Dbx::quoteColumn).toList());
            return this;
        }

        public Select where(Dbx.Expression e) {
            where = e;
            return this;
        }

        public Select andWhere(Dbx.Expression e) {
            where = where == null ? e : new Dbx().and(where, e);
            return this;
        }

        public Select orWhere(Dbx.Expression e) {
            where = where == null ? e : new Dbx().or(where, e);
            return this;
        }

        public Select orderBy(String... cols) {
            orderBy.clear();
            orderBy.addAll(List.of(cols));
            return this;
        }

        public Select andOrderBy(String... cols) {
            orderBy.addAll(List.of(cols));
            return this;
        }

        public Select groupBy(String... cols) {
            groupBy.clear();
            groupBy.addAll(List.of(cols));
            return this;
        }

        public Select having(Dbx.Expression e) {
            having = e;
            return this;
        }

        public Select limit(long n) {
            limit = n;
            return this;
        }

        public Select offset(long n) {
            offset = n;
            return this;
        }

        public Select bind(Value values) {
            putAll(bound, values);
            return this;
        }

        /** The statement with its parameters. */
        public Query build() {
            Map<String, Object> values = new LinkedHashMap<>(bound);
            Dbx.Params params = new Dbx.Params(values);
            StringBuilder sql = new StringBuilder("SELECT ");
            if (distinct) {
                sql.append("DISTINCT ");
            }
            sql.append(columns.isEmpty() ? "*" : String.join(", ", columns.stream().map(Select::selectColumn).toList()));
            if (!from.isEmpty()) {
                sql.append(" FROM ").append(from);
            }
            String w = where == null ? "" : where.build(params);
            if (!w.isEmpty()) {
                sql.append(" WHERE ").append(w);
            }
            if (!groupBy.isEmpty()) {
                sql.append(" GROUP BY ").append(String.join(", ", groupBy.stream().map(Dbx::quoteColumn).toList()));
            }
            String h = having == null ? "" : having.build(params);
            if (!h.isEmpty()) {
                sql.append(" HAVING ").append(h);
            }
            if (!orderBy.isEmpty()) {
                sql.append(" ORDER BY ").append(String.join(", ", orderBy.stream().map(Select::orderColumn).toList()));
            }
            if (limit >= 0 || offset > 0) {
                sql.append(" LIMIT ").append(limit).append(" OFFSET ").append(offset);
            }
            return new Query(db, Dbx.expandQuotes(sql.toString()), values);
        }

        public void all(Value target) {
            build().all(target);
        }

        public void one(Value target) {
            limit(1);
            build().one(target);
        }

        private static String selectColumn(String c) {
            String[] parts = c.strip().split("(?i)\\s+as\\s+");
            return parts.length == 2 ? Dbx.quoteColumn(parts[0]) + " AS " + Dbx.quoteColumn(parts[1]) : Dbx.quoteColumn(c.strip());
        }

        private static String orderColumn(String c) {
            String s = c.strip();
            int space = s.lastIndexOf(' ');
            if (space > 0) {
                String dir = s.substring(space + 1).toUpperCase(java.util.Locale.ROOT);
                if (dir.equals("ASC") || dir.equals("DESC")) {
                    return Dbx.quoteColumn(s.substring(0, space).strip()) + " " + dir;
                }
            }
            return Dbx.quoteColumn(s);
        }
    }
}
