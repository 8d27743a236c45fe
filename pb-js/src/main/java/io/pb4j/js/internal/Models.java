package io.pb4j.js.internal;

import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;

/**
 * Query rows into script objects as PocketBase's {@code DynamicModel} binding does: a column becomes the type of the
 * model's property of that name ({@code new DynamicModel({n: 0, ok: false, tags: [], meta: {}})} reads numbers,
 * booleans and JSON text as those), and a column the model lacks is taken as it is.
 */
final class Models {
    private Models() {
    }

    /** Sets {@code row}'s columns on {@code target}, typed by its current values. */
    static void fill(Value target, Map<String, Object> row) {
        row.forEach((k, v) -> target.putMember(k, typed(target.hasMember(k) ? target.getMember(k) : null, v)));
    }

    /** Appends one object per row to the array {@code target}, typed by its {@code arrayOf(model)} model. */
    static void append(Value target, List<Map<String, Object>> rows) {
        Value model = target.hasMember("__pbModel") ? target.getMember("__pbModel") : null;
        Value constructor = model != null && model.hasMembers() && model.hasMember("constructor") ? model.getMember("constructor") : null;
        if (constructor == null || !constructor.canInstantiate()) {
            constructor = Context.getCurrent().getBindings("js").getMember("Object");
        }
        for (Map<String, Object> row : rows) {
            Value item = constructor.newInstance();
            row.forEach((k, v) -> item.putMember(k, typed(model != null && model.hasMember(k) ? model.getMember(k) : null, v)));
            target.setArrayElement(target.getArraySize(), item);
        }
    }

    /** {@code v} as the type of {@code shape} (a model's current value; null: as it is). */
    static Object typed(Value shape, Object v) {
        if (shape == null || shape.isNull()) {
            return Convert.toJs(v);
        }
        if (!shape.isProxyObject() && shape.hasMembers() && shape.hasMember("__pbNull")) {
            if (v == null) {
                return null;
            }
            Value js = Context.getCurrent().getBindings("js");
            return typed(switch (shape.getMember("__pbNull").asString()) {
                case "string" -> js.getMember("String").execute();
                case "int", "float" -> js.getMember("Number").execute();
                case "bool" -> js.getMember("Boolean").execute();
                case "array" -> js.getMember("Array").newInstance();
                default -> js.getMember("Object").newInstance();
            }, v);
        }
        if (shape.isNumber()) {
            if (v instanceof Number n) {
                return n instanceof Double || n instanceof Float ? (Object) n.doubleValue() : (Object) n.longValue();
            }
            if (v instanceof String s && !s.isBlank()) {
                try {
                    return Double.parseDouble(s.strip());
                } catch (NumberFormatException ex) {
                    return 0;
                }
            }
            return v instanceof Boolean b ? (b ? 1 : 0) : 0;
        }
        if (shape.isBoolean()) {
            return switch (v) {
                case Boolean b -> b;
                case Number n -> n.doubleValue() != 0;
                case String s -> s.equals("1") || s.equalsIgnoreCase("true");
                case null, default -> false;
            };
        }
        if (shape.isString()) {
            return v == null ? "" : v instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : String.valueOf(v);
        }
        if ((shape.hasArrayElements() || shape.hasMembers()) && v instanceof String s) {
            if (s.isBlank()) {
                return shape.hasArrayElements() ? Convert.toJs(List.of()) : Convert.toJs(Map.of());
            }
            try {
                // real script objects and arrays, as JSON.parse makes them
                return Context.getCurrent().getBindings("js").getMember("JSON").invokeMember("parse", s);
            } catch (RuntimeException ex) {
                return s;
            }
        }
        return Convert.toJs(v);
    }
}
