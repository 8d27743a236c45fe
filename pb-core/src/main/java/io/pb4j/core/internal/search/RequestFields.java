package io.pb4j.core.internal.search;

import io.pb4j.core.Record;
import io.pb4j.core.RequestInfo;
import io.pb4j.core.field.Field;
import io.pb4j.core.internal.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves {@code @request.*} identifiers to bound parameters from a {@link RequestInfo}: {@code context},
 * {@code method}, {@code auth.<field>}, {@code query.<key>}, {@code headers.<key>} and {@code body.<key>[.<path>]},
 * with the {@code :isset} and {@code :lower} modifiers. Missing values are NULL.
 */
public final class RequestFields {
    private RequestFields() {
    }

    public static ResolvedOperand resolve(RequestInfo info, String identifier) {
        String path = identifier.substring("@request.".length());
        String modifier = "";
        int colon = path.lastIndexOf(':');
        if (colon >= 0) {
            modifier = path.substring(colon + 1);
            path = path.substring(0, colon);
        }
        String[] parts = path.split("\\.", -1);
        Optional<Object> value = lookup(info, parts);
        return switch (modifier) {
            case "" -> operand(value);
            case "isset" -> ResolvedOperand.param(value.isPresent() || isSetNull(info, parts) ? 1 : 0);
            case "lower" -> {
                ResolvedOperand o = operand(value);
                yield o.withValue(SqlFragment.concat("LOWER(", o.value(), ")"));
            }
            default -> throw FilterException.format("the :%s modifier on @request fields is not supported yet", modifier);
        };
    }

    /** A key sent with an explicit null is still "set". */
    private static boolean isSetNull(RequestInfo info, String[] parts) {
        return parts.length == 2 && "body".equals(parts[0]) && info.body().containsKey(parts[1]);
    }

    private static ResolvedOperand operand(Optional<Object> value) {
        return value.map(ResolvedOperand::param).orElseGet(() -> ResolvedOperand.sql("NULL"));
    }

    private static Optional<Object> lookup(RequestInfo info, String[] parts) {
        switch (parts[0]) {
            case "context":
                return parts.length == 1 ? Optional.of(info.context()) : Optional.empty();
            case "method":
                return parts.length == 1 ? Optional.of(info.method()) : Optional.empty();
            case "query":
                return parts.length == 2 ? Optional.ofNullable(info.query().get(parts[1])) : Optional.empty();
            case "headers":
                return parts.length == 2 ? Optional.ofNullable(info.headers().get(RequestInfo.headerKey(parts[1]))) : Optional.empty();
            case "auth":
                return info.auth().flatMap(a -> authValue(a, parts));
            case "body":
                return parts.length >= 2 ? bodyValue(info.body().get(parts[1]), parts, 2) : Optional.empty();
            default:
                throw FilterException.format("unknown @request field \"%s\"", String.join(".", parts));
        }
    }

    private static Optional<Object> authValue(Record auth, String[] parts) {
        if (parts.length != 2) {
            throw FilterException.format("relation paths of @request.auth are not supported yet");
        }
        return switch (parts[1]) {
            case "collectionId" -> Optional.of(auth.collection().id());
            case "collectionName" -> Optional.of(auth.collection().name());
            default -> auth.collection().field(parts[1]).map(f -> column(f, auth));
        };
    }

    private static Object column(Field f, Record r) {
        Object v = f.toColumn(r.values().get(f.name()));
        return v instanceof Boolean b ? (b ? 1 : 0) : v;
    }

    private static Optional<Object> bodyValue(Object value, String[] parts, int next) {
        if (value == null || value == JsonValue.NULL) {
            return Optional.empty();
        }
        if (next < parts.length) {
            String key = parts[next];
            if (value instanceof JsonObject o) {
                return bodyValue(o.get(key), parts, next + 1);
            }
            if (value instanceof JsonArray a && key.matches("\\d+") && Integer.parseInt(key) < a.size()) {
                return bodyValue(a.get(Integer.parseInt(key)), parts, next + 1);
            }
            if (value instanceof Map<?, ?> m) {
                return bodyValue(m.get(key), parts, next + 1);
            }
            if (value instanceof List<?> l && key.matches("\\d+") && Integer.parseInt(key) < l.size()) {
                return bodyValue(l.get(Integer.parseInt(key)), parts, next + 1);
            }
            return Optional.empty();
        }
        return Optional.of(scalar(value));
    }

    private static Object scalar(Object v) {
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v instanceof JsonNumber n) {
            return n.doubleValue();
        }
        if (v == JsonValue.TRUE || Boolean.TRUE.equals(v)) {
            return 1;
        }
        if (v == JsonValue.FALSE || Boolean.FALSE.equals(v)) {
            return 0;
        }
        if (v instanceof JsonValue j) {
            return Json.write(j);
        }
        if (v instanceof List<?> || v instanceof Map<?, ?>) {
            return Json.write(Json.toJson(v));
        }
        return v;
    }

}
