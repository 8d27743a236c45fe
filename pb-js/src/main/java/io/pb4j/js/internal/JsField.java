package io.pb4j.js.internal;

import io.pb4j.core.field.Field;
import io.pb4j.core.field.FieldTypes;
import jakarta.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * A collection field as PocketBase's scripts hold one ({@code new TextField({name: "title"})}, an item of
 * {@code collection.fields}): its options as properties a script reads and sets ({@code f.required = true}), with
 * the type's defaults, and Go's {@code type()}, {@code getId()}, {@code getName()} … methods.
 */
final class JsField implements ProxyObject, Host {
    final Map<String, Object> state;

    private JsField(Map<String, Object> state) {
        this.state = state;
    }

    /** A field of {@code type} (or of {@code data.type} when null) from a script's options; the id stays empty until added. */
    @SuppressWarnings("unchecked")
    static JsField of(String type, Value data) {
        Map<String, Object> given = new LinkedHashMap<>();
        if (data != null && data.hasMembers()) {
            Object plain = Plain.of(Convert.toJson(data));
            if (plain instanceof Map<?, ?> m) {
                given.putAll((Map<String, Object>) m);
            }
        }
        if (type != null && !type.isEmpty()) {
            given.put("type", type);
        }
        return of(given);
    }

    @SuppressWarnings("unchecked")
    static JsField of(Map<String, Object> given) {
        Map<String, Object> state = new LinkedHashMap<>();
        try {
            Field f = FieldTypes.fromJson((JsonObject) Convert.javaToJson(given));
            state.putAll((Map<String, Object>) Plain.of(f.toJson()));
            if (!(given.get("id") instanceof String id) || id.isEmpty()) {
                state.put("id", "");
            }
        } catch (RuntimeException ex) {
            // an unknown type: kept as written, refused when the collection is saved
        }
        state.putAll(given);
        return new JsField(state);
    }

    String id() {
        return String.valueOf(state.getOrDefault("id", ""));
    }

    String name() {
        return String.valueOf(state.getOrDefault("name", ""));
    }

    String type() {
        return String.valueOf(state.getOrDefault("type", ""));
    }

    @Override
    public Object host() {
        return FieldTypes.fromJson((JsonObject) Convert.javaToJson(state));
    }

    @Override
    public Object getMember(String key) {
        return switch (key) {
            case "type" -> fn(a -> type());
            case "getId" -> fn(a -> id());
            case "getName" -> fn(a -> name());
            case "getSystem" -> fn(a -> Boolean.TRUE.equals(state.get("system")));
            case "getHidden" -> fn(a -> Boolean.TRUE.equals(state.get("hidden")));
            case "setId" -> fn(a -> set("id", a[0]));
            case "setName" -> fn(a -> set("name", a[0]));
            case "setSystem" -> fn(a -> set("system", a[0]));
            case "setHidden" -> fn(a -> set("hidden", a[0]));
            case "toJSON" -> fn(a -> Convert.toJs(Map.copyOf(nonNull())));
            case "string" -> fn(a -> Convert.javaToJson(state).toString());
            default -> state.containsKey(key) ? Convert.toJs(state.get(key)) : null;
        };
    }

    private Map<String, Object> nonNull() {
        Map<String, Object> out = new LinkedHashMap<>();
        state.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    private Object set(String key, Value v) {
        putMember(key, v);
        return null;
    }

    private static ProxyExecutable fn(ProxyExecutable f) {
        return f;
    }

    @Override
    public Object getMemberKeys() {
        return org.graalvm.polyglot.proxy.ProxyArray.fromArray(state.keySet().toArray());
    }

    @Override
    public boolean hasMember(String key) {
        return state.containsKey(key) || Optional.ofNullable(getMember(key)).isPresent();
    }

    @Override
    public void putMember(String key, Value value) {
        state.put(key, Convert.toJava(value));
        JsCollection.changed();
    }
}
