package io.pb4j.core.internal.settings;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The shape of PocketBase's settings struct ({@code core/settings_model.go}): its keys in the order Go writes them and
 * the type of each value. Decoding a JSON value onto settings follows Go's {@code json.Unmarshal} into that struct:
 * unknown keys are ignored, keys match case-insensitively, {@code null} leaves a value as it is (and empties a list),
 * a list element is decoded onto the element at the same index, and a value of the wrong type fails the decode.
 */
sealed interface SettingsShape {
    /** Thrown when a value does not fit the shape (Go's {@code UnmarshalTypeError}). */
    final class DecodeException extends RuntimeException {
        DecodeException(String message) {
            super(message);
        }
    }

    SettingsShape STRING = new Scalar("string");
    SettingsShape BOOL = new Scalar("bool");
    SettingsShape INT = new Scalar("int");
    SettingsShape STRINGS = new ListOf(STRING);

    SettingsShape S3 = object("enabled", BOOL, "bucket", STRING, "region", STRING, "endpoint", STRING,
            "accessKey", STRING, "secret", STRING, "forcePathStyle", BOOL);
    SettingsShape RULE = object("label", STRING, "audience", STRING, "duration", INT, "maxRequests", INT);
    Struct SETTINGS = object(
            "superuserIPs", STRINGS,
            "smtp", object("enabled", BOOL, "port", INT, "host", STRING, "username", STRING, "password", STRING,
                    "authMethod", STRING, "tls", BOOL, "localName", STRING),
            "backups", object("cron", STRING, "cronMaxKeep", INT, "s3", S3),
            "s3", S3,
            "meta", object("accentColor", STRING, "appName", STRING, "appURL", STRING, "senderName", STRING,
                    "senderAddress", STRING, "hideControls", BOOL),
            "rateLimits", object("rules", new ListOf(RULE), "excludedIPs", STRINGS, "enabled", BOOL),
            "trustedProxy", object("headers", STRINGS, "useLeftmostIP", BOOL),
            "batch", object("enabled", BOOL, "maxRequests", INT, "timeout", INT, "maxBodySize", INT),
            "logs", object("maxDays", INT, "minLevel", INT, "logIP", BOOL, "logAuthId", BOOL, "maxDataSize", INT));

    /** The value {@code input} decodes to on top of {@code current} (which already has this shape). */
    JsonValue decode(JsonValue current, JsonValue input);

    /** Go's zero value of this shape. */
    JsonValue zero();

    private static Struct object(Object... keysAndShapes) {
        Map<String, SettingsShape> fields = new LinkedHashMap<>();
        for (int i = 0; i < keysAndShapes.length; i += 2) {
            fields.put((String) keysAndShapes[i], (SettingsShape) keysAndShapes[i + 1]);
        }
        return new Struct(Map.copyOf(fields), java.util.List.copyOf(fields.keySet()));
    }

    /** A struct: its fields in Go's declaration order. */
    record Struct(Map<String, SettingsShape> fields, java.util.List<String> order) implements SettingsShape {
        @Override
        public JsonValue decode(JsonValue current, JsonValue input) {
            if (input == JsonValue.NULL) {
                return current;
            }
            if (!(input instanceof JsonObject in)) {
                throw new DecodeException("cannot unmarshal " + kind(input) + " into an object");
            }
            Map<String, JsonValue> values = new LinkedHashMap<>();
            JsonObject base = current instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
            for (String key : order) {
                values.put(key, base.containsKey(key) ? base.get(key) : fields.get(key).zero());
            }
            for (Map.Entry<String, JsonValue> entry : in.entrySet()) {
                String key = field(entry.getKey());
                if (key != null) {
                    values.put(key, fields.get(key).decode(values.get(key), entry.getValue()));
                }
            }
            JsonObjectBuilder b = io.pb4j.core.StrictJson.PROVIDER.createObjectBuilder();
            values.forEach(b::add);
            return b.build();
        }

        /** Go matches an exact field name first, else one that equals it ignoring case. */
        private String field(String key) {
            if (fields.containsKey(key)) {
                return key;
            }
            for (String name : order) {
                if (name.toLowerCase(Locale.ROOT).equals(key.toLowerCase(Locale.ROOT))) {
                    return name;
                }
            }
            return null;
        }

        @Override
        public JsonValue zero() {
            JsonObjectBuilder b = io.pb4j.core.StrictJson.PROVIDER.createObjectBuilder();
            order.forEach(key -> b.add(key, fields.get(key).zero()));
            return b.build();
        }
    }

    /** A slice: {@code null} empties it; elements decode onto the old element at their index. */
    record ListOf(SettingsShape element) implements SettingsShape {
        @Override
        public JsonValue decode(JsonValue current, JsonValue input) {
            if (input == JsonValue.NULL) {
                return JsonValue.EMPTY_JSON_ARRAY;
            }
            if (!(input instanceof JsonArray in)) {
                throw new DecodeException("cannot unmarshal " + kind(input) + " into an array");
            }
            JsonArray old = current instanceof JsonArray a ? a : JsonValue.EMPTY_JSON_ARRAY;
            JsonArrayBuilder b = io.pb4j.core.StrictJson.PROVIDER.createArrayBuilder();
            for (int i = 0; i < in.size(); i++) {
                b.add(element.decode(i < old.size() ? old.get(i) : element.zero(), in.get(i)));
            }
            return b.build();
        }

        @Override
        public JsonValue zero() {
            return JsonValue.EMPTY_JSON_ARRAY;
        }
    }

    /** A string, bool or (64-bit) int. */
    record Scalar(String type) implements SettingsShape {
        private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");

        @Override
        public JsonValue decode(JsonValue current, JsonValue input) {
            if (input == JsonValue.NULL) {
                return current;
            }
            boolean fits = switch (type) {
                case "string" -> input instanceof JsonString;
                case "bool" -> input == JsonValue.TRUE || input == JsonValue.FALSE;
                default -> input instanceof JsonNumber n && INTEGER.matcher(n.toString()).matches() && fitsLong(n);
            };
            if (!fits) {
                throw new DecodeException("cannot unmarshal " + kind(input) + " into a Go value of type " + type);
            }
            return type.equals("int") ? io.pb4j.core.StrictJson.PROVIDER.createValue(((JsonNumber) input).longValueExact()) : input;
        }

        private static boolean fitsLong(JsonNumber n) {
            try {
                n.longValueExact();
                return true;
            } catch (ArithmeticException e) {
                return false;
            }
        }

        @Override
        public JsonValue zero() {
            return switch (type) {
                case "string" -> io.pb4j.core.StrictJson.PROVIDER.createValue("");
                case "bool" -> JsonValue.FALSE;
                default -> io.pb4j.core.StrictJson.PROVIDER.createValue(0);
            };
        }
    }

    private static String kind(JsonValue v) {
        return switch (v.getValueType()) {
            case OBJECT -> "object";
            case ARRAY -> "array";
            case STRING -> "string";
            case NUMBER -> "number " + v;
            default -> "bool";
        };
    }
}
