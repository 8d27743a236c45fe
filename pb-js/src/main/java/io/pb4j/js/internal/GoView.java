package io.pb4j.js.internal;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * A Java object as PocketBase's JSVM shows a Go value: its public methods under their (already lowerCamelCase)
 * names, its public fields as properties, and the accessors that are struct fields in PocketBase ({@code e.record},
 * {@code e.app}, {@code record.id} …) as properties too. Arguments are converted by {@link Convert}; an
 * {@code Optional} result becomes the value or {@code null}, except for finders ({@code find…}), which throw as
 * PocketBase's do when nothing is found.
 */
final class GoView implements ProxyObject {
    /** Zero-argument accessors that PocketBase exposes as fields rather than methods. */
    private static final Set<String> PROPERTIES = Set.of("app", "record", "collection", "auth", "id", "name", "type",
            "system", "listRule", "viewRule", "createRule", "updateRule", "deleteRule", "router", "message", "mailer",
            "meta", "collections", "error", "records", "body", "query", "headers", "method", "context", "page",
            "backupName", "client", "fields", "indexes", "created", "updated");

    private static final Map<Class<?>, Members> MEMBERS = new ConcurrentHashMap<>();

    private final Object target;
    private final Optional<Object> fallback;

    GoView(Object target) {
        this(target, Optional.empty());
    }

    GoView(Object target, Optional<Object> fallback) {
        this.target = target;
        this.fallback = fallback;
    }

    Object target() {
        return target;
    }

    @Override
    public Object getMember(String key) {
        Object own = member(target, key);
        if (own != NONE) {
            return own;
        }
        if (fallback.isPresent()) {
            Object other = member(fallback.get(), key);
            if (other != NONE) {
                return other;
            }
        }
        return null;
    }

    private static final Object NONE = new Object();

    private static Object member(Object target, String key) {
        Aliases.Alias first = Aliases.first(target, key);
        if (first != null) {
            return (ProxyExecutable) args -> first.call(target, args);
        }
        Members m = members(target.getClass());
        Field f = m.fields.get(key);
        if (f != null) {
            try {
                return Convert.toJs(f.get(target));
            } catch (IllegalAccessException ex) {
                throw new IllegalStateException(ex);
            }
        }
        List<Method> methods = m.methods.get(key);
        if (methods == null) {
            methods = m.methods.get("_" + key);
        }
        if (methods == null) {
            Aliases.Alias alias = Aliases.find(target, key);
            return alias == null ? NONE : (ProxyExecutable) args -> alias.call(target, args);
        }
        boolean asProperty = target.getClass().getModule() != GoView.class.getModule() && PROPERTIES.contains(key) && !(target instanceof io.pb4j.core.Record && key.equals("collection"))
                && methods.stream().anyMatch(x -> x.getParameterCount() == 0);
        if (asProperty) {
            Method getter = methods.stream().filter(x -> x.getParameterCount() == 0).findFirst().orElseThrow();
            return Convert.toJs(unwrap(invoke(target, getter, new Object[0]), key));
        }
        List<Method> found = methods;
        return (ProxyExecutable) args -> call(target, key, found, args);
    }

    static Object call(Object target, String name, List<Method> methods, Value[] args) {
        Method best = null;
        int bestScore = -1;
        for (Method x : methods) {
            int score = Convert.score(x, args);
            if (score > bestScore) {
                best = x;
                bestScore = score;
            }
        }
        if (best == null || bestScore < 0) {
            throw new IllegalArgumentException(name + ": no variant takes " + args.length + " argument(s)");
        }
        Object result = invoke(target, best, Convert.arguments(best, args));
        return Convert.toJs(unwrap(result, name));
    }

    private static Object unwrap(Object result, String name) {
        if (result instanceof Optional<?> o) {
            if (o.isEmpty() && name.startsWith("find")) {
                throw new java.util.NoSuchElementException("sql: no rows in result set");
            }
            return o.orElse(null);
        }
        return result;
    }

    static Object invoke(Object target, Method m, Object[] args) {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException ex) {
            if (ex.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (ex.getCause() instanceof Error err) {
                throw err;
            }
            // a Go error's text, e.g. "exit status 3", for scripts that catch it
            throw new IllegalStateException(ex.getCause().getMessage(), ex.getCause());
        } catch (IllegalAccessException ex) {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public Object getMemberKeys() {
        Members m = members(target.getClass());
        List<Object> keys = new ArrayList<>(m.fields.keySet());
        keys.addAll(m.methods.keySet());
        return new org.graalvm.polyglot.proxy.ProxyArray() {
            @Override
            public Object get(long index) {
                return keys.get((int) index);
            }

            @Override
            public void set(long index, Value value) {
                throw new UnsupportedOperationException();
            }

            @Override
            public long getSize() {
                return keys.size();
            }
        };
    }

    @Override
    public boolean hasMember(String key) {
        Members m = members(target.getClass());
        return m.fields.containsKey(key) || m.methods.containsKey(key) || Aliases.find(target, key) != null || Aliases.first(target, key) != null
                || fallback.map(f -> members(f.getClass()).methods.containsKey(key)).orElse(false);
    }

    @Override
    public void putMember(String key, Value value) {
        Members m = members(target.getClass());
        List<Method> setters = m.methods.getOrDefault(key, List.of()).stream().filter(x -> x.getParameterCount() == 1).toList();
        if (setters.isEmpty()) {
            throw new UnsupportedOperationException("cannot set " + key);
        }
        call(target, key, setters, new Value[] {value});
    }

    /** The public methods and fields of a class that this module may call (declared by exported packages). */
    static Members members(Class<?> type) {
        return MEMBERS.computeIfAbsent(type, GoView::scan);
    }

    record Members(Map<String, List<Method>> methods, Map<String, Field> fields) {
    }

    private static Members scan(Class<?> type) {
        Map<String, List<Method>> methods = new LinkedHashMap<>();
        Map<String, Method> bySignature = new LinkedHashMap<>();
        collect(type, bySignature);
        for (Method m : bySignature.values()) {
            if (m.getDeclaringClass() == Object.class && !m.getName().equals("toString")) {
                continue;
            }
            methods.computeIfAbsent(m.getName(), k -> new ArrayList<>()).add(m);
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        if (accessible(type)) {
            for (Field f : type.getFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    fields.put(f.getName(), f);
                }
            }
        }
        return new Members(methods, fields);
    }

    /** Walks the class and its supertypes, keeping the first accessible declaration of each signature. */
    private static void collect(Class<?> type, Map<String, Method> out) {
        if (type == null) {
            return;
        }
        if (accessible(type)) {
            for (Method m : type.getMethods()) {
                if (Modifier.isStatic(m.getModifiers()) || !accessible(m.getDeclaringClass())) {
                    continue;
                }
                out.putIfAbsent(m.getName() + java.util.Arrays.toString(m.getParameterTypes()), m);
            }
        }
        collect(type.getSuperclass(), out);
        for (Class<?> i : type.getInterfaces()) {
            collect(i, out);
        }
    }

    private static boolean accessible(Class<?> type) {
        if (!Modifier.isPublic(type.getModifiers())) {
            return false;
        }
        Module module = type.getModule();
        return module == GoView.class.getModule() || module.isExported(type.getPackageName(), GoView.class.getModule());
    }
}
