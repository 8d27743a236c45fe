package io.pb4j.core.field;

import io.pb4j.core.ValidationError;
import io.pb4j.core.internal.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * PocketBase's {@code geoPoint} field: a {@link GeoPoint} stored as the JSON object {@code {"lon":x,"lat":y}}.
 * {@code required} means not {@code (0, 0)}; otherwise latitude must lie in −90..90 and longitude in −180..180.
 * In filters, {@code field.lon} and {@code field.lat} are JSON paths and {@code geoDistance(...)} takes them.
 */
public record GeoPointField(String id, String name, boolean system, boolean hidden, boolean presentable, String help,
        boolean required) implements Field {
    /** The type name in PocketBase's JSON. */
    public static final String TYPE = "geoPoint";

    /** A builder of a {@code geoPoint} field named {@code name}; see {@link FieldBuilder}. */
    public static FieldBuilders.GeoPoint builder(String name) {
        return new FieldBuilders.GeoPoint(name);
    }

    /** Creates the value from its components. */
    public GeoPointField {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(help, "help");
    }

    /** Reads a definition; missing options take their zero values. */
    public static GeoPointField fromJson(JsonObject json) {
        return new GeoPointField(Definitions.str(json, "id"), Definitions.str(json, "name"),
                Definitions.bool(json, "system"), Definitions.bool(json, "hidden"),
                Definitions.bool(json, "presentable"), Definitions.str(json, "help"),
                Definitions.bool(json, "required"));
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public JsonObject toJson() {
        return Definitions.write(this, help, Map.of("required", required));
    }

    @Override
    public String columnType() {
        return "JSON DEFAULT '{\"lon\":0,\"lat\":0}' NOT NULL";
    }

    @Override
    public GeoPoint defaultValue() {
        return GeoPoint.ZERO;
    }

    /**
     * As Go decodes JSON into PocketBase's {@code types.GeoPoint}: a point, an object or its JSON text (keys matched
     * case-insensitively, other keys ignored). Empty or null input is {@code (0, 0)}; unparseable input gives
     * {@code (0, 0)} and a mistyped coordinate is skipped, without an error.
     */
    @Override
    public GeoPoint coerce(Object raw) {
        return switch (raw) {
            case null -> GeoPoint.ZERO;
            case GeoPoint p -> p;
            case JsonString s -> fromText(s.getString());
            case String s -> fromText(s);
            case byte[] bytes -> fromText(new String(bytes, StandardCharsets.UTF_8));
            case JsonObject o -> fromObject(o);
            case Map<?, ?> m -> Json.toJson(m) instanceof JsonObject o ? fromObject(o) : GeoPoint.ZERO;
            default -> GeoPoint.ZERO;
        };
    }

    private static GeoPoint fromText(String text) {
        if (text.isEmpty()) {
            return GeoPoint.ZERO;
        }
        return Json.parse(text).map(v -> v instanceof JsonObject o ? fromObject(o) : GeoPoint.ZERO).orElse(GeoPoint.ZERO);
    }

    private static GeoPoint fromObject(JsonObject o) {
        double lon = 0;
        double lat = 0;
        for (Map.Entry<String, JsonValue> e : o.entrySet()) {
            if (!(e.getValue() instanceof JsonNumber n)) {
                continue;
            }
            switch (e.getKey().toLowerCase(Locale.ROOT)) {
                case "lon" -> lon = n.doubleValue();
                case "lat" -> lat = n.doubleValue();
                default -> {
                }
            }
        }
        return new GeoPoint(lon, lat);
    }

    @Override
    public GeoPoint fromColumn(Object column) {
        return coerce(column);
    }

    @Override
    public Object toColumn(Object value) {
        return coerce(value).toJson().toString();
    }

    @Override
    public JsonValue toJsonValue(Object value) {
        return coerce(value).toJson();
    }

    @Override
    public Optional<ValidationError> validate(Object value) {
        GeoPoint p = coerce(value);
        if (p.isZero()) {
            return required ? Optional.of(Errors.required()) : Optional.empty();
        }
        if (p.lat() < -90 || p.lat() > 90) {
            return Optional.of(Errors.of("validation_invalid_latitude", "Latitude must be between -90 and 90 degrees."));
        }
        if (p.lon() < -180 || p.lon() > 180) {
            return Optional.of(Errors.of("validation_invalid_longitude", "Longitude must be between -180 and 180 degrees."));
        }
        return Optional.empty();
    }

    @Override
    public Map<String, ValidationError> validateDefinition() {
        return Definitions.common(this, help);
    }
}
