package io.pb4j.js.internal;

import io.pb4j.core.Db;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyObject;

/** PocketBase's {@code $app.db()} for scripts: {@code newQuery(sql).bind({...}).execute() / one(model) / all(models)}. */
public final class JsDb {
    private final Db db;

    JsDb(Db db) {
        this.db = db;
    }

    public Query newQuery(String sql) {
        return new Query(db, sql);
    }

    /** One statement with its named parameters ({@code {:name}}). */
    public static final class Query {
        private final Db db;
        private final String sql;
        private final Map<String, Object> params = new LinkedHashMap<>();

        Query(Db db, String sql) {
            this.db = db;
            this.sql = sql;
        }

        public Query bind(Value values) {
            if (values != null && values.hasMembers()) {
                for (String k : values.getMemberKeys()) {
                    params.put(k, Convert.toJava(values.getMember(k)));
                }
            }
            return this;
        }

        public Map<String, Object> execute() {
            int n = db.execute(sql, params);
            return Map.of("rowsAffected", (long) n);
        }

        /** Fills {@code target} with the first row's columns; throws when there is none. */
        public void one(Value target) {
            List<Map<String, Object>> rows = db.query(sql, params);
            if (rows.isEmpty()) {
                throw new NoSuchElementException("sql: no rows in result set");
            }
            rows.getFirst().forEach((k, v) -> target.putMember(k, Convert.toJs(v)));
        }

        /** Appends one object per row to the array {@code target}. */
        public void all(Value target) {
            for (Map<String, Object> row : db.query(sql, params)) {
                Map<String, Object> copy = new LinkedHashMap<>();
                row.forEach((k, v) -> copy.put(k, Convert.toJs(v)));
                target.setArrayElement(target.getArraySize(), ProxyObject.fromMap(copy));
            }
        }
    }
}
