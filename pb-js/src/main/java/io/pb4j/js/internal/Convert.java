package io.pb4j.js.internal;

import io.pb4j.core.Record;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/** Values across the bridge: Java results to what scripts see, script values to Java arguments and to JSON. */
final class Convert {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private Convert() {
    }

    /** A Java value as scripts see it. */
    static Object toJs(Object v) {
        return switch (v) {
            case null -> null;
            case Optional<?> o -> toJs(o.orElse(null));
            case String s -> s;
            case Boolean b -> b;
            case Integer i -> i;
            case Long l -> l;
            case Double d -> d;
            case Float f -> f.doubleValue();
            case Number n -> n.doubleValue();
            case Character c -> String.valueOf(c);
            case Value value -> value;
            case org.graalvm.polyglot.proxy.Proxy p -> p;
            case JsonValue j -> fromJson(j);
            case Map<?, ?> m -> mapView(m);
            case List<?> l -> listView(l);
            case byte[] bytes -> new Bytes(bytes);
            case Enum<?> e -> e.name();
            case io.pb4j.core.Db db -> new GoView(new JsDb(db));
            case io.pb4j.core.Collection c -> new JsCollection(c);
            case io.pb4j.core.router.RequestEvent re -> Hybrid.of(new JsRequestEvent(re));
            case io.pb4j.core.RequestHookEvent he -> new GoView(he, Optional.of(new JsRequestEvent(he.request())));
            default -> new GoView(v);
        };
    }

    private static ProxyObject mapView(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, val) -> out.put(String.valueOf(k), toJs(val)));
        return ProxyObject.fromMap(out);
    }

    private static ProxyArray listView(List<?> l) {
        List<Object> out = new ArrayList<>(l.size());
        for (Object o : l) {
            out.add(toJs(o));
        }
        return ProxyArray.fromList(out);
    }

    static Object fromJson(JsonValue j) {
        return toJs(Plain.of(j));
    }

    /** Bytes from a script value: a string (as UTF-8) or an array of byte values. */
    static byte[] bytes(Value v) {
        if (v.isString()) {
            return v.asString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        byte[] out = new byte[(int) v.getArraySize()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) v.getArrayElement(i).asInt();
        }
        return out;
    }

    /** The Java object behind a script value, or the value as plain Java data (strings, numbers, lists, maps). */
    static Object toJava(Value v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isProxyObject()) {
            Object p = v.asProxyObject();
            if (p instanceof GoView g) {
                // a DateTime is its text to Java (a record's date field, a query parameter), as Go's Value() gives
                return g.target() instanceof JsDateTime d ? d.string() : g.target();
            }
            if (p instanceof Hybrid h) {
                return h.event();
            }
            if (p instanceof Host h) {
                return h.host();
            }
        }
        if (v.isHostObject()) {
            return v.asHostObject();
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isString()) {
            return v.asString();
        }
        if (v.isNumber()) {
            if (v.fitsInLong()) {
                return v.asLong();
            }
            return v.asDouble();
        }
        if (v.isInstant()) {
            return v.asInstant().toString();
        }
        if (v.canExecute()) {
            return v;
        }
        if (v.hasArrayElements()) {
            List<Object> out = new ArrayList<>();
            for (long i = 0; i < v.getArraySize(); i++) {
                out.add(toJava(v.getArrayElement(i)));
            }
            return out;
        }
        if (v.hasMembers()) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (String k : v.getMemberKeys()) {
                Value x = v.getMember(k);
                if (x != null && !x.canExecute()) {
                    out.put(k, toJava(x));
                }
            }
            return out;
        }
        return v.toString();
    }

    /** A script value as JSON, as Go's encoder writes what PocketBase's {@code e.json} is given. */
    static JsonValue toJson(Value v) {
        if (v == null || v.isNull()) {
            return JsonValue.NULL;
        }
        if (v.isProxyObject() && v.asProxyObject() instanceof GoView g) {
            return javaToJson(g.target());
        }
        if (v.isProxyObject() && v.asProxyObject() instanceof JsCollection c) {
            return c.json();
        }
        if (v.isProxyObject() && v.asProxyObject() instanceof JsField f) {
            return javaToJson(f.state);
        }
        if (v.isHostObject()) {
            return javaToJson(v.asHostObject());
        }
        if (v.isBoolean()) {
            return v.asBoolean() ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (v.isString()) {
            return JSON.createValue(v.asString());
        }
        if (v.isNumber()) {
            if (v.fitsInLong()) {
                return JSON.createValue(v.asLong());
            }
            double d = v.asDouble();
            return Double.isFinite(d) ? JSON.createValue(d) : JsonValue.NULL;
        }
        if (v.isInstant()) {
            return JSON.createValue(v.asInstant().toString());
        }
        if (v.hasArrayElements()) {
            JsonArrayBuilder b = JSON.createArrayBuilder();
            for (long i = 0; i < v.getArraySize(); i++) {
                b.add(toJson(v.getArrayElement(i)));
            }
            return b.build();
        }
        if (v.hasMembers()) {
            Value toJSON = v.getMember("toJSON");
            if (toJSON != null && toJSON.canExecute() && !v.isProxyObject()) {
                return toJson(toJSON.execute());
            }
            JsonObjectBuilder b = JSON.createObjectBuilder();
            for (String k : v.getMemberKeys()) {
                Value x = v.getMember(k);
                if (x != null && !x.canExecute()) {
                    b.add(k, toJson(x));
                }
            }
            return b.build();
        }
        return JSON.createValue(v.toString());
    }

    /** Java data as JSON: records as their public export, maps, lists, numbers, strings. */
    static JsonValue javaToJson(Object o) {
        return switch (o) {
            case null -> JsonValue.NULL;
            case JsonValue j -> j;
            case Record r -> r.publicExport(false, false);
            case io.pb4j.core.Collection c -> c.toJson();
            case Optional<?> opt -> javaToJson(opt.orElse(null));
            case String s -> JSON.createValue(s);
            case Boolean b -> b ? JsonValue.TRUE : JsonValue.FALSE;
            case Integer i -> JSON.createValue(i);
            case Long l -> JSON.createValue(l);
            case Number n -> JSON.createValue(n.doubleValue());
            case Value v -> toJson(v);
            case Map<?, ?> m -> {
                JsonObjectBuilder b = JSON.createObjectBuilder();
                m.forEach((k, x) -> b.add(String.valueOf(k), javaToJson(x)));
                yield b.build();
            }
            case List<?> l -> {
                JsonArrayBuilder b = JSON.createArrayBuilder();
                l.forEach(x -> b.add(javaToJson(x)));
                yield b.build();
            }
            default -> JSON.createValue(o.toString());
        };
    }

    /** How well a method takes these arguments: -1 not at all, higher is better. */
    static int score(Method m, Value[] args) {
        int n = m.getParameterCount();
        boolean varargs = m.isVarArgs();
        if (!varargs && args.length > n) {
            return -1;
        }
        if (varargs && args.length < n - 1) {
            return -1;
        }
        int score = 10 - Math.abs(n - args.length);
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < Math.min(args.length, n); i++) {
            Class<?> t = types[i];
            if (varargs && i == n - 1) {
                t = t.getComponentType();
            }
            int s = fit(t, args[i]);
            if (s < 0) {
                return -1;
            }
            score += s;
        }
        return score;
    }

    private static int fit(Class<?> t, Value v) {
        if (t == Value.class || t == Object.class) {
            return 1;
        }
        if (v.isNull()) {
            return t.isPrimitive() ? -1 : 1;
        }
        Object java = null;
        if (v.isProxyObject()) {
            Object p = v.asProxyObject();
            java = p instanceof GoView g ? g.target() : p instanceof Hybrid h ? h.event() : p instanceof Host x ? x.host() : null;
        }
        if (java != null) {
            return t.isInstance(java) ? 3 : -1;
        }
        if (t == String.class) {
            return v.isString() ? 3 : 0;
        }
        if (t == boolean.class || t == Boolean.class) {
            return v.isBoolean() ? 3 : -1;
        }
        if (t.isPrimitive() || Number.class.isAssignableFrom(t)) {
            return v.isNumber() ? 3 : -1;
        }
        if (v.canExecute()) {
            return t.isInterface() ? 2 : -1;
        }
        if (Map.class.isAssignableFrom(t) || JsonValue.class.isAssignableFrom(t)) {
            return v.hasMembers() && !v.isString() ? 2 : -1;
        }
        if (List.class.isAssignableFrom(t) || t.isArray()) {
            return v.hasArrayElements() ? 2 : -1;
        }
        if (t == Optional.class) {
            return 1;
        }
        return v.isString() || v.isNumber() || v.isBoolean() ? -1 : 0;
    }

    /** Converts script arguments to a method's parameters; missing trailing ones get zero values. */
    static Object[] arguments(Method m, Value[] args) {
        Parameter[] ps = m.getParameters();
        Object[] out = new Object[ps.length];
        for (int i = 0; i < ps.length; i++) {
            Class<?> t = ps[i].getType();
            if (m.isVarArgs() && i == ps.length - 1) {
                Class<?> c = t.getComponentType();
                int count = Math.max(0, args.length - i);
                Object arr = java.lang.reflect.Array.newInstance(c, count);
                for (int k = 0; k < count; k++) {
                    java.lang.reflect.Array.set(arr, k, to(c, args[i + k]));
                }
                out[i] = arr;
            } else if (i < args.length) {
                out[i] = to(t, args[i]);
            } else {
                out[i] = zero(t);
            }
        }
        return out;
    }

    private static Object zero(Class<?> t) {
        if (t == boolean.class) {
            return false;
        }
        if (t == int.class) {
            return 0;
        }
        if (t == long.class) {
            return 0L;
        }
        if (t == double.class) {
            return 0.0;
        }
        if (t == String.class) {
            return "";
        }
        if (t == Map.class) {
            return Map.of();
        }
        if (t == List.class) {
            return List.of();
        }
        if (t == Optional.class) {
            return Optional.empty();
        }
        return null;
    }

    /** One script value as a Java parameter of type {@code t}. */
    @SuppressWarnings("unchecked")
    static Object to(Class<?> t, Value v) {
        if (t == Value.class) {
            return v;
        }
        if (v == null || v.isNull()) {
            return zero(t);
        }
        if (t != Object.class && v.isProxyObject() && v.asProxyObject() instanceof GoView g && t.isInstance(g.target())) {
            return g.target();
        }
        if (t == String.class) {
            return v.isString() ? v.asString() : String.valueOf(toJava(v));
        }
        if (t == int.class || t == Integer.class) {
            return v.asInt();
        }
        if (t == long.class || t == Long.class) {
            return v.fitsInLong() ? v.asLong() : (long) v.asDouble();
        }
        if (t == double.class || t == Double.class) {
            return v.asDouble();
        }
        if (t == boolean.class || t == Boolean.class) {
            return v.asBoolean();
        }
        if (t == Optional.class) {
            return Optional.ofNullable(toJava(v));
        }
        if (JsonValue.class.isAssignableFrom(t)) {
            return toJson(v);
        }
        if (t == io.pb4j.core.mail.MailMessage.class && !v.isProxyObject() && v.hasMembers()) {
            return JsMails.message(v);
        }
        if (t == java.time.Duration.class && v.isNumber()) {
            return java.time.Duration.ofSeconds(v.asLong());
        }
        if (v.canExecute() && t.isInterface()) {
            if (t == Consumer.class) {
                return (Consumer<Object>) x -> v.execute(toJs(x));
            }
            if (t == Function.class) {
                return (Function<Object, Object>) x -> toJava(v.execute(toJs(x)));
            }
            if (t == Runnable.class) {
                return (Runnable) v::executeVoid;
            }
            if (t == io.pb4j.core.router.Handler.class) {
                // a route added at run time (onServe's e.router.get …) is called later, from request threads
                var call = Generation.pinned(v);
                return (io.pb4j.core.router.Handler) e -> call.apply(new Object[] {toJs(e)});
            }
        }
        return toJava(v);
    }

    /** Go's {@code []byte} as scripts see it: an array of byte values that {@code toString} reads as text. */
    static final class Bytes implements ProxyArray {
        final byte[] bytes;

        Bytes(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public Object get(long index) {
            return bytes[(int) index] & 0xff;
        }

        @Override
        public void set(long index, Value value) {
            bytes[(int) index] = (byte) value.asInt();
        }

        @Override
        public long getSize() {
            return bytes.length;
        }
    }

    static ProxyExecutable fn(ProxyExecutable f) {
        return f;
    }
}
