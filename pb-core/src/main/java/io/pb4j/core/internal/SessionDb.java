package io.pb4j.core.internal;

import io.pb4j.core.Db;
import io.pb4j.core.spi.Store;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** {@link Db} over the store's sessions, so that application SQL queues and commits with pb4j's own writes. */
public final class SessionDb implements Db {
    private final Supplier<Store> store;

    public SessionDb(Supplier<Store> store) {
        this.store = store;
    }

    @Override
    public List<Map<String, Object>> query(String sql, Map<String, ?> params) {
        NamedSql bound = NamedSql.parse(sql, params);
        return store.get().read(s -> s.query(bound.sql(), bound.params()));
    }

    @Override
    public <T> List<T> query(String sql, Map<String, ?> params, Class<T> type) {
        List<Map<String, Object>> rows = query(sql, params);
        List<T> mapped = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            mapped.add(type.isRecord() ? toRecord(row, type) : convert(row.values().stream().findFirst().orElse(null), type));
        }
        return mapped;
    }

    @Override
    public int execute(String sql, Map<String, ?> params) {
        NamedSql bound = NamedSql.parse(sql, params);
        return store.get().write(s -> s.execute(bound.sql(), bound.params()));
    }

    private static <T> T toRecord(Map<String, Object> row, Class<T> type) {
        Map<String, Object> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(row);
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = convert(byName.get(components[i].getName()), types[i]);
        }
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot map a row to " + type.getName() + " (is the record accessible to "
                    + "io.pb4j.core, e.g. a public record in an exported or opened package?): " + e, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T convert(Object v, Class<T> type) {
        Object out;
        if (type == String.class) {
            out = v == null ? "" : String.valueOf(v);
        } else if (type == long.class || type == Long.class) {
            out = v instanceof Number n ? n.longValue() : v == null ? (type == long.class ? 0L : null) : Long.parseLong(v.toString());
        } else if (type == int.class || type == Integer.class) {
            out = v instanceof Number n ? n.intValue() : v == null ? (type == int.class ? 0 : null) : Integer.parseInt(v.toString());
        } else if (type == double.class || type == Double.class) {
            out = v instanceof Number n ? n.doubleValue() : v == null ? (type == double.class ? 0d : null) : Double.parseDouble(v.toString());
        } else if (type == boolean.class || type == Boolean.class) {
            out = v instanceof Number n ? n.longValue() != 0 : v instanceof Boolean b ? b
                    : v == null ? (type == boolean.class ? false : null) : Boolean.parseBoolean(v.toString().toLowerCase(Locale.ROOT));
        } else if (type == Object.class || v == null || type.isInstance(v)) {
            out = v;
        } else {
            throw new IllegalArgumentException("cannot convert " + v.getClass().getSimpleName() + " to " + type.getName());
        }
        return (T) out;
    }
}
