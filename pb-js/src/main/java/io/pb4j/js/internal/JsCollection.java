package io.pb4j.js.internal;

import io.pb4j.core.Collection;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * A collection as PocketBase's scripts change one before {@code $app.save(collection)}: its API properties
 * ({@code name}, {@code listRule}, {@code passwordAuth} …) read and set, {@code fields} as a {@link JsFields},
 * {@code indexes} and Go's {@code addIndex}/{@code removeIndex}/{@code getIndex}, {@code isAuth()} …; any other
 * member is the Java collection's. Java calls get the collection built from this state over the one it came from
 * (so what a script does not show, such as OAuth2 secrets, is kept).
 */
final class JsCollection implements ProxyObject, Host {
    /** Bumped by every change a script makes to a collection or a field: a built collection is reused until then. */
    private static final AtomicLong CHANGES = new AtomicLong();

    private Collection base;
    private final Map<String, Object> state = new LinkedHashMap<>();
    private final JsFields fields = new JsFields();
    private Collection built;
    private long builtAt = -1;

    JsCollection(Collection base) {
        reset(base);
    }

    static void changed() {
        CHANGES.incrementAndGet();
    }

    /** Shows {@code c} (e.g. as saved, with its id and dates) from now on. */
    @SuppressWarnings("unchecked")
    void reset(Collection c) {
        base = c;
        state.clear();
        state.putAll((Map<String, Object>) Plain.of(c.toJson()));
        Object defs = state.remove("fields");
        fields.list.clear();
        if (defs instanceof List<?> l) {
            for (Object d : l) {
                fields.list.add(JsField.of((Map<String, Object>) d));
            }
        }
        built = c;
        builtAt = CHANGES.get();
    }

    @Override
    public synchronized Object host() {
        long now = CHANGES.get();
        if (builtAt != now) {
            built = Collection.fromJson(json(), Optional.of(base));
            builtAt = now;
        }
        return built;
    }

    JsonObject json() {
        JsonObjectBuilder b = jakarta.json.Json.createObjectBuilder();
        state.forEach((k, v) -> b.add(k, Convert.javaToJson(v)));
        b.add("fields", fields.json());
        return b.build();
    }

    @Override
    public Object getMember(String key) {
        return switch (key) {
            case "fields" -> fields;
            case "isAuth" -> fn(a -> "auth".equals(state.get("type")));
            case "isBase" -> fn(a -> "base".equals(state.get("type")));
            case "isView" -> fn(a -> "view".equals(state.get("type")));
            case "addIndex" -> fn(a -> {
                addIndex(a[0].asString(), a.length > 1 && a[1].asBoolean(), a.length > 2 ? a[2].asString() : "",
                        a.length > 3 && !a[3].isNull() ? a[3].asString() : "");
                return null;
            });
            case "removeIndex" -> fn(a -> {
                indexes().removeIf(i -> indexName(i).equalsIgnoreCase(a[0].asString()));
                changed();
                return null;
            });
            case "getIndex" -> fn(a -> indexes().stream().filter(i -> indexName(i).equalsIgnoreCase(a[0].asString())).findFirst().orElse(""));
            case "toJSON" -> fn(a -> Convert.fromJson(json()));
            case "string" -> fn(a -> json().toString());
            default -> {
                if (state.containsKey(key)) {
                    Object v = state.get(key);
                    yield v instanceof Map<?, ?> m ? new Options(castMap(m)) : v instanceof List<?> l ? new Items(castList(l)) : Convert.toJs(v);
                }
                yield new GoView(host()).getMember(key);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(List<?> l) {
        return (List<Object>) l;
    }

    @SuppressWarnings("unchecked")
    private List<Object> indexes() {
        Object v = state.get("indexes");
        if (!(v instanceof List<?> l) || !(v instanceof ArrayList<?>)) {
            List<Object> fresh = new ArrayList<>(v instanceof List<?> l2 ? l2 : List.of());
            state.put("indexes", fresh);
            return fresh;
        }
        return (List<Object>) l;
    }

    private static String indexName(Object sql) {
        var m = java.util.regex.Pattern.compile("(?is)create\\s+(?:unique\\s+)?index\\s+(?:if\\s+not\\s+exists\\s+)?[`\"\\[]?([^`\"\\]\\s(]+)")
                .matcher(String.valueOf(sql));
        return m.find() ? m.group(1) : "";
    }

    /** Go's {@code Collection.AddIndex}: replaces an index of the same name. */
    private void addIndex(String name, boolean unique, String columns, String where) {
        List<Object> list = indexes();
        list.removeIf(i -> indexName(i).equalsIgnoreCase(name));
        StringBuilder sql = new StringBuilder("CREATE ");
        if (unique) {
            sql.append("UNIQUE ");
        }
        sql.append("INDEX `").append(name).append("` ON `").append(state.get("name")).append("` (").append(columns).append(")");
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(where);
        }
        list.add(sql.toString());
        changed();
    }

    private static ProxyExecutable fn(ProxyExecutable f) {
        return f;
    }

    @Override
    public Object getMemberKeys() {
        List<Object> keys = new ArrayList<>(state.keySet());
        keys.add("fields");
        return ProxyArray.fromList(keys);
    }

    @Override
    public boolean hasMember(String key) {
        return state.containsKey(key) || key.equals("fields") || getMember(key) != null;
    }

    @Override
    public void putMember(String key, Value value) {
        if (key.equals("fields")) {
            fields.list.clear();
            for (long i = 0; value.hasArrayElements() && i < value.getArraySize(); i++) {
                fields.add(-1, JsFields.field(value.getArrayElement(i)));
            }
        } else {
            state.put(key, Convert.toJava(value));
        }
        changed();
    }

    /** Go's {@code unmarshal(data, collection)}: the data's keys over this collection's ({@code fields} replaces the list). */
    void unmarshal(Value data) {
        for (String k : data.getMemberKeys()) {
            putMember(k, data.getMember(k));
        }
    }

    /** A nested options object ({@code passwordAuth}, {@code oauth2} …) that writes through to the collection. */
    private static final class Options implements ProxyObject {
        private final Map<String, Object> map;

        Options(Map<String, Object> map) {
            this.map = map;
        }

        @Override
        public Object getMember(String key) {
            Object v = map.get(key);
            return v instanceof Map<?, ?> m ? new Options(castMap(m)) : v instanceof List<?> l ? new Items(castList(l)) : Convert.toJs(v);
        }

        @Override
        public Object getMemberKeys() {
            return ProxyArray.fromList(new ArrayList<>(map.keySet()));
        }

        @Override
        public boolean hasMember(String key) {
            return map.containsKey(key);
        }

        @Override
        public void putMember(String key, Value value) {
            map.put(key, Convert.toJava(value));
            changed();
        }
    }

    /** A nested list ({@code indexes}, {@code oauth2.providers} …) that writes through to the collection. */
    private static final class Items implements ProxyArray {
        private final List<Object> list;

        Items(List<Object> list) {
            this.list = list;
        }

        @Override
        public Object get(long index) {
            Object v = list.get((int) index);
            return v instanceof Map<?, ?> m ? new Options(castMap(m)) : Convert.toJs(v);
        }

        @Override
        public void set(long index, Value value) {
            if (index == list.size()) {
                list.add(Convert.toJava(value));
            } else {
                list.set((int) index, Convert.toJava(value));
            }
            changed();
        }

        @Override
        public boolean remove(long index) {
            list.remove((int) index);
            changed();
            return true;
        }

        @Override
        public long getSize() {
            return list.size();
        }
    }
}
