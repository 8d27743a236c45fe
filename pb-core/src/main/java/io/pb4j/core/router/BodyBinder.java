package io.pb4j.core.router;

import io.pb4j.core.ApiException;
import io.pb4j.core.StrictJson;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PocketBase's {@code BindBody} for Java: the request body (JSON, or a form whose {@code @jsonPayload} value is JSON)
 * read into a {@code Map} or a Java record, each component taken from the body key of its name and converted to its
 * type (text, numbers, booleans, lists, maps, JSON values, {@code Optional}); a key the body lacks gives the type's
 * empty value ({@code ""}, 0, false, empty list or map, {@code Optional.empty()}).
 */
final class BodyBinder {
    static final String LOAD_FAILED = "An error occurred while loading the submitted data.";

    private BodyBinder() {
    }

    static <T> T bind(RequestEvent e, Class<T> type) {
        Map<String, Object> data = read(e);
        if (Map.class.isAssignableFrom(type)) {
            return type.cast(data);
        }
        if (!type.isRecord()) {
            throw new IllegalArgumentException("bindBody binds into a Map or a record, not " + type.getName());
        }
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = convert(data.get(components[i].getName()), components[i].getGenericType(), components[i].getName());
        }
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        } catch (java.lang.reflect.InvocationTargetException invalid) {
            throw invalid.getCause() instanceof ApiException api ? api : ApiException.badRequest(LOAD_FAILED);
        } catch (ReflectiveOperationException | RuntimeException e2) {
            throw new IllegalArgumentException("cannot bind into " + type.getName() + ": " + e2, e2);
        }
    }

    /** The body as plain Java values: JSON objects become maps, form keys their text (a list when repeated). */
    private static Map<String, Object> read(RequestEvent e) {
        byte[] body = e.body();
        if (body.length == 0) {
            return new LinkedHashMap<>();
        }
        String contentType = e.header("Content-Type").toLowerCase(java.util.Locale.ROOT);
        if (contentType.startsWith("application/json")) {
            JsonValue json = StrictJson.parse(body).orElseThrow(() -> ApiException.badRequest(LOAD_FAILED));
            if (!(json instanceof JsonObject object)) {
                throw ApiException.badRequest(LOAD_FAILED);
            }
            return plainObject(object);
        }
        if (contentType.startsWith("multipart/form-data") || contentType.startsWith("application/x-www-form-urlencoded")) {
            Map<String, Object> out = new LinkedHashMap<>();
            e.form().values().forEach((key, values) -> {
                if ("@jsonPayload".equals(key)) {
                    for (String payload : values) {
                        StrictJson.parse(payload).filter(JsonObject.class::isInstance)
                                .ifPresent(json -> out.putAll(plainObject((JsonObject) json)));
                    }
                } else {
                    out.put(key, values.size() == 1 ? values.getFirst() : List.copyOf(values));
                }
            });
            return out;
        }
        throw ApiException.badRequest("Unsupported Content-Type.");
    }

    private static Map<String, Object> plainObject(JsonObject object) {
        Map<String, Object> out = new LinkedHashMap<>();
        object.forEach((k, v) -> out.put(k, plain(v)));
        return out;
    }

    private static Object plain(JsonValue v) {
        return switch (v.getValueType()) {
            case OBJECT -> plainObject(v.asJsonObject());
            case ARRAY -> v.asJsonArray().stream().map(BodyBinder::plain).toList();
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> ((JsonNumber) v).isIntegral() ? (Object) ((JsonNumber) v).longValue() : ((JsonNumber) v).doubleValue();
            case TRUE -> true;
            case FALSE -> false;
            case NULL -> null;
        };
    }

    private static Object convert(Object value, Type type, String key) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        try {
            if (raw == Optional.class) {
                Type inner = ((ParameterizedType) type).getActualTypeArguments()[0];
                return value == null ? Optional.empty() : Optional.of(convert(value, inner, key));
            }
            if (raw == String.class) {
                return value == null ? "" : value instanceof List<?> l ? (l.isEmpty() ? "" : String.valueOf(l.getFirst())) : String.valueOf(value);
            }
            if (raw == int.class || raw == Integer.class) {
                return value == null ? 0 : (int) number(value);
            }
            if (raw == long.class || raw == Long.class) {
                return value == null ? 0L : (long) number(value);
            }
            if (raw == double.class || raw == Double.class) {
                return value == null ? 0d : number(value);
            }
            if (raw == boolean.class || raw == Boolean.class) {
                return value != null && (value instanceof Boolean b ? b : List.of("true", "1", "on").contains(String.valueOf(value).toLowerCase(java.util.Locale.ROOT)));
            }
            if (List.class.isAssignableFrom(raw)) {
                Type inner = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
                List<Object> out = new ArrayList<>();
                for (Object item : value == null ? List.of() : value instanceof List<?> l ? l : List.of(value)) {
                    out.add(inner == Object.class ? item : convert(item, inner, key));
                }
                return List.copyOf(out);
            }
            if (Map.class.isAssignableFrom(raw)) {
                return value instanceof Map<?, ?> m ? m : Map.of();
            }
            if (JsonValue.class.isAssignableFrom(raw)) {
                JsonValue json = io.pb4j.core.internal.Json.toJson(value);
                return raw == JsonObject.class && !(json instanceof JsonObject) ? JsonValue.EMPTY_JSON_OBJECT
                        : raw == JsonArray.class && !(json instanceof JsonArray) ? JsonValue.EMPTY_JSON_ARRAY : json;
            }
            if (raw == Object.class) {
                return value;
            }
        } catch (NumberFormatException | ClassCastException bad) {
            throw ApiException.badRequest(LOAD_FAILED, Map.of(key, new io.pb4j.core.ValidationError("validation_invalid_value", "Invalid value.")));
        }
        throw new IllegalArgumentException("bindBody cannot bind " + key + " into " + type.getTypeName());
    }

    private static double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        String text = String.valueOf(value instanceof List<?> l && !l.isEmpty() ? l.getFirst() : value).strip();
        return text.isEmpty() ? 0 : Double.parseDouble(text);
    }
}
