package io.pb4j.js.internal;

import io.pb4j.core.field.FieldTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyArray;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * A collection's {@code fields} as PocketBase's {@code FieldsList}: an array of {@link JsField}s with Go's
 * {@code add}, {@code addAt}, {@code addMarshaledJSON}, {@code getById}, {@code getByName}, {@code removeById},
 * {@code removeByName}, {@code fieldNames} and {@code asMap}. A field added without an id gets PocketBase's default
 * one and replaces the field of the same name (keeping its id); one with an id replaces the field of that id.
 */
final class JsFields implements ProxyArray, ProxyObject {
    final List<JsField> list = new ArrayList<>();

    @Override
    public Object get(long index) {
        return index >= 0 && index < list.size() ? list.get((int) index) : null;
    }

    @Override
    public void set(long index, Value value) {
        JsField f = field(value);
        if (index == list.size()) {
            list.add(f);
        } else {
            list.set((int) index, f);
        }
        JsCollection.changed();
    }

    @Override
    public long getSize() {
        return list.size();
    }

    private static final List<String> METHODS = List.of("add", "addAt", "addMarshaledJSON", "addMarshaledJSONAt", "getById",
            "getByName", "removeById", "removeByName", "fieldNames", "asMap", "string", "length");

    @Override
    public Object getMember(String key) {
        return switch (key) {
            case "length" -> list.size();
            case "add" -> (ProxyExecutable) a -> {
                for (Value v : a) {
                    add(-1, field(v));
                }
                return null;
            };
            case "addAt" -> (ProxyExecutable) a -> {
                addAt(a[0].asInt(), java.util.Arrays.copyOfRange(a, 1, a.length));
                return null;
            };
            case "addMarshaledJSON" -> (ProxyExecutable) a -> {
                for (JsField f : parse(a[0])) {
                    add(-1, f);
                }
                return null;
            };
            case "addMarshaledJSONAt" -> (ProxyExecutable) a -> {
                List<JsField> fs = parse(a[1]);
                int pos = a[0].asInt();
                int total = list.size();
                for (int i = 0; i < fs.size(); i++) {
                    add(pos < 0 ? -1 : pos > total ? total + i : pos + i, fs.get(i));
                }
                return null;
            };
            case "getById" -> (ProxyExecutable) a -> list.stream().filter(f -> f.id().equals(a[0].asString())).findFirst().orElse(null);
            case "getByName" -> (ProxyExecutable) a -> list.stream().filter(f -> f.name().equals(a[0].asString())).findFirst().orElse(null);
            case "removeById" -> (ProxyExecutable) a -> remove(f -> f.id().equals(a[0].asString()));
            case "removeByName" -> (ProxyExecutable) a -> remove(f -> f.name().equals(a[0].asString()));
            case "fieldNames" -> (ProxyExecutable) a -> Convert.toJs(list.stream().map(JsField::name).toList());
            case "asMap" -> (ProxyExecutable) a -> {
                Map<String, Object> m = new LinkedHashMap<>();
                list.forEach(f -> m.put(f.name(), f));
                return ProxyObject.fromMap(m);
            };
            case "string" -> (ProxyExecutable) a -> json().toString();
            default -> null;
        };
    }

    jakarta.json.JsonArray json() {
        jakarta.json.JsonArrayBuilder b = jakarta.json.Json.createArrayBuilder();
        list.forEach(f -> b.add(Convert.javaToJson(f.state)));
        return b.build();
    }

    private Object remove(java.util.function.Predicate<JsField> which) {
        for (int i = 0; i < list.size(); i++) {
            if (which.test(list.get(i))) {
                list.remove(i);
                JsCollection.changed();
                break;
            }
        }
        return null;
    }

    private void addAt(int pos, Value[] fields) {
        int total = list.size();
        for (int i = 0; i < fields.length; i++) {
            JsField f = field(fields[i]);
            add(pos < 0 ? -1 : pos > total ? total + i : pos + i, f);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<JsField> parse(Value raw) {
        String text = raw.isString() ? raw.asString() : Convert.bytes(raw).length == 0 ? "" : new String(Convert.bytes(raw), java.nio.charset.StandardCharsets.UTF_8);
        List<JsField> out = new ArrayList<>();
        if (text.isBlank()) {
            return out;
        }
        Object parsed = Plain.of(jakarta.json.Json.createReader(new java.io.StringReader(text)).readValue());
        for (Object item : parsed instanceof List<?> l ? l : List.of(parsed)) {
            out.add(JsField.of((Map<String, Object>) item));
        }
        return out;
    }

    static JsField field(Value v) {
        if (v.isProxyObject() && v.asProxyObject() instanceof JsField f) {
            return f;
        }
        return JsField.of(null, v);
    }

    /** PocketBase's {@code FieldsList.add}: the placing and replacing rules of Go's unexported {@code add}. */
    void add(int pos, JsField f) {
        boolean replaceInPlace = pos < 0;
        if (pos < 0 || pos > list.size()) {
            pos = list.size();
        }
        boolean byName = f.id().isEmpty();
        if (byName) {
            String base = FieldTypes.defaultId(f.type(), f.name());
            String id = base;
            for (int i = 2; i < 1000 && byId(id) >= 0; i++) {
                id = base + i;
            }
            f.state.put("id", id);
        }
        for (int i = 0; i < list.size(); i++) {
            JsField old = list.get(i);
            boolean same = byName ? !f.name().isEmpty() && old.name().equals(f.name()) : old.id().equals(f.id());
            if (same) {
                if (byName) {
                    f.state.put("id", old.id());
                }
                if (replaceInPlace) {
                    list.set(i, f);
                    JsCollection.changed();
                    return;
                }
                list.remove(i);
                pos = Math.min(pos, list.size());
                break;
            }
        }
        list.add(pos, f);
        JsCollection.changed();
    }

    private int byId(String id) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Object getMemberKeys() {
        return ProxyArray.fromArray();
    }

    @Override
    public boolean hasMember(String key) {
        return METHODS.contains(key);
    }

    @Override
    public void putMember(String key, Value value) {
        throw new UnsupportedOperationException("cannot set fields." + key);
    }
}
