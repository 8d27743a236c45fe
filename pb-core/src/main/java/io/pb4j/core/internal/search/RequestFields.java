package io.pb4j.core.internal.search;

import io.pb4j.core.Record;
import io.pb4j.core.RequestInfo;
import io.pb4j.core.field.Field;
import io.pb4j.core.field.RelationField;
import io.pb4j.core.internal.Cast;
import io.pb4j.core.internal.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Resolves {@code @request.*} identifiers as PocketBase does. {@code context}, {@code method}, {@code query.<key>},
 * {@code headers.<key>}, {@code body.<key>[.<path>]} and the auth record's {@code id}, {@code collectionId},
 * {@code collectionName}, {@code email}, {@code emailVisibility} and {@code verified} are bound as parameters (NULL
 * when missing), with the {@code :isset} and {@code :lower} modifiers. Other {@code @request.auth.*} fields and
 * {@code @request.body.<relation>.<field…>} are paths joined like record fields (see {@link FieldPath}), and a body
 * key that is a field of the collection also takes {@code :each}, {@code :length} and {@code :changed}.
 * Not thread-safe: one per identifier.
 */
final class RequestFields {
    private static final Set<String> PLAIN_AUTH_FIELDS =
            Set.of("id", "collectionId", "collectionName", "email", "emailVisibility", "verified");
    private static final Pattern GO_FLOAT = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    /** A key that is absent, unlike one present with a null value. */
    private static final Object MISSING = new Object();

    private final CollectionFieldResolver resolver;
    private final RequestInfo info;

    RequestFields(CollectionFieldResolver resolver, RequestInfo info) {
        this.resolver = resolver;
        this.info = info;
    }

    ResolvedOperand resolve(String identifier) {
        String[] props = identifier.split("\\.", -1);
        if (identifier.startsWith("@request.auth.")) {
            return auth(identifier);
        }
        if (identifier.startsWith("@request.body.") && props.length > 2) {
            FieldModifier.Split split = FieldModifier.split(props[2]);
            Optional<Field> field = resolver.collection().field(split.name());
            if (field.isPresent() && field.get() instanceof RelationField relation && props.length > 3) {
                List<String> ids = Cast.toUniqueStrings(info.body().get(relation.name()));
                return new FieldPath(resolver, identifier).fromBodyRelation(relation, ids);
            }
            if (field.isPresent() && props.length == 3) {
                switch (split.modifier()) {
                    case "each" -> {
                        return new FieldPath(resolver, identifier).fromBodyItems(multiValuer(field.get()), bodyItems(field.get()));
                    }
                    case "length" -> {
                        return ResolvedOperand.sql(Integer.toString(bodyItems(multiValuer(field.get())).size()));
                    }
                    case "lower" -> {
                        String text = Cast.toStr(info.body().get(field.get().name()));
                        return ResolvedOperand.of(SqlFragment.concat("LOWER(", SqlFragment.param(text), ")"));
                    }
                    case "changed" -> {
                        return changed(field.get().name());
                    }
                    default -> {
                        // no modifier or :isset: the plain body value below
                    }
                }
            }
        }
        return staticValue(Arrays.copyOfRange(props, 1, props.length));
    }

    private ResolvedOperand auth(String identifier) {
        if (info.auth().isEmpty()) {
            return ResolvedOperand.sql("NULL");
        }
        Record auth = info.auth().get();
        String key = identifier.substring("@request.auth.".length());
        if (PLAIN_AUTH_FIELDS.contains(key)) {
            return staticValue(new String[] {"auth", key});
        }
        return new FieldPath(resolver, identifier).fromAuth(auth.collection(), auth.id());
    }

    /**
     * {@code @request.body.f:changed} is {@code (@request.body.f:isset = true && @request.body.f != f)}: submitted and
     * different from the stored value. Compared without the NULL/'' fallback.
     */
    private ResolvedOperand changed(String name) {
        String alias = "@request.body." + name + ":isset = true && @request.body." + name + " != " + name;
        SqlFragment expr = new FilterCompiler(resolver, resolver.dialect(), Clock.systemUTC()).compile(FilterParser.parse(alias));
        return ResolvedOperand.of(expr).withNullFallback(NullFallback.DISABLED);
    }

    private static Field multiValuer(Field field) {
        if (!FieldModifier.isMultiValuer(field)) {
            throw FilterException.format("field \"%s\" doesn't support multivalue operations", field.name());
        }
        return field;
    }

    /** The submitted value as a list: none for a missing or null value, one for a scalar. */
    private List<Object> bodyItems(Field field) {
        Object value = info.body().get(field.name());
        return switch (value) {
            case null -> List.of();
            case JsonArray a -> List.copyOf(a);
            case List<?> l -> List.copyOf(l.stream().map(Json::toJson).toList());
            default -> value == JsonValue.NULL ? List.of() : List.of(value);
        };
    }

    /** A value bound as a parameter: {@code path[0]} is context, method, query, headers, body or auth. */
    private ResolvedOperand staticValue(String[] path) {
        FieldModifier.Split split = FieldModifier.split(path[path.length - 1]);
        path[path.length - 1] = split.name();
        Object value = extract(path);
        if (split.modifier().equals("isset")) {
            return ResolvedOperand.sql(value == MISSING ? "FALSE" : "TRUE");
        }
        Object bound = bindable(value, split.name());
        if (!split.modifier().isEmpty() && !split.modifier().equals("lower")) {
            throw FilterException.format("invalid modifier sequence %s:%s", split.name(), split.modifier());
        }
        if (bound == null) {
            return ResolvedOperand.sql("NULL");
        }
        SqlFragment param = SqlFragment.param(bound);
        return ResolvedOperand.of(split.modifier().equals("lower") ? SqlFragment.concat("LOWER(", param, ")") : param);
    }

    private Object extract(String[] path) {
        Object root = switch (path[0]) {
            case "context" -> info.context();
            case "method" -> info.method();
            case "query" -> info.query();
            case "headers" -> info.headers();
            case "body" -> info.body();
            case "auth" -> info.auth().<Object>map(RequestFields::authValues).orElse(null);
            default -> throw FilterException.format("unknown @request field \"%s\"", String.join(".", path));
        };
        if (path[0].equals("headers") && path.length > 1) {
            path[1] = RequestInfo.headerKey(path[1]);
        }
        Object value = root;
        for (int i = 1; i < path.length; i++) {
            value = child(value, path[i]);
            if (value == MISSING) {
                return MISSING;
            }
        }
        return value;
    }

    private static Map<String, Object> authValues(Record auth) {
        return Map.of("id", auth.id(), "collectionId", auth.collection().id(),
                "collectionName", auth.collection().name(), "email", auth.email(),
                "emailVisibility", auth.getBool("emailVisibility"), "verified", auth.getBool("verified"));
    }

    private static Object child(Object parent, String key) {
        if (parent instanceof Map<?, ?> m) {
            return m.containsKey(key) ? m.get(key) : MISSING;
        }
        if (parent instanceof JsonObject o) {
            return o.containsKey(key) ? o.get(key) : MISSING;
        }
        int index = key.matches("\\d{1,9}") ? Integer.parseInt(key) : -1;
        if (parent instanceof List<?> l) {
            return index >= 0 && index < l.size() ? l.get(index) : MISSING;
        }
        if (parent instanceof JsonArray a) {
            return index >= 0 && index < a.size() ? a.get(index) : MISSING;
        }
        return MISSING;
    }

    /**
     * The parameter for a value: strings as they are (a numeric string as a number when the collection's field of
     * that name is a number, as multipart values are strings), booleans as 1/0, arrays and objects as JSON text.
     */
    private Object bindable(Object value, String lastKey) {
        Object v = value instanceof JsonString s ? s.getString() : value;
        if (v == MISSING || v == null || v == JsonValue.NULL) {
            return null;
        }
        if (v instanceof String s) {
            boolean numberField = resolver.collection().field(lastKey).map(f -> f.type().equals("number")).orElse(false);
            return numberField && GO_FLOAT.matcher(s).matches() ? Double.parseDouble(s) : s;
        }
        if (v == JsonValue.TRUE || Boolean.TRUE.equals(v)) {
            return 1;
        }
        if (v == JsonValue.FALSE || Boolean.FALSE.equals(v)) {
            return 0;
        }
        if (v instanceof JsonNumber n) {
            return n.doubleValue();
        }
        if (v instanceof Number n) {
            return n instanceof Integer || n instanceof Long ? n : n.doubleValue();
        }
        return Json.write(Json.toJson(v));
    }
}
