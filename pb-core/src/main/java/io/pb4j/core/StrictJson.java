package io.pb4j.core;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Strict JSON reading for request bodies and stored values: the text must be exactly one JSON value. (A plain
 * {@code JsonReader} stops after the first value, so it reads {@code 007} as {@code 0} and accepts {@code {}x}.)
 * Numbers keep the text they were written with ({@code 1e3} is written back as {@code 1e3}, as PocketBase returns
 * JSON values as they were stored).
 *
 * <p>Hostile text is refused, never thrown: a number beyond a double's range ({@code 1e999}, a 400-digit integer) is
 * invalid, as Go's decoder refuses it ("cannot unmarshal number … into float64"), and so is nesting deeper than
 * 1 000 levels (SQLite's JSON functions stop there too).
 */
public final class StrictJson {
    /**
     * The JSON-P provider, looked up once, for every module: {@code jakarta.json.Json}'s static methods look it up on
     * every call through a {@link java.util.ServiceLoader} (about 2 µs each on the module path, far more on a class
     * path). Use {@code PROVIDER.createObjectBuilder()} and the like instead of {@code PROVIDER.createObjectBuilder()}.
     */
    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private StrictJson() {
    }

    /** The value, or empty when the text is not exactly one valid JSON value. */
    public static Optional<JsonValue> parse(String text) {
        try (JsonParser parser = PROVIDER.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                return Optional.empty();
            }
            JsonValue value = read(parser, parser.next());
            return parser.hasNext() ? Optional.empty() : Optional.of(value);
        } catch (RuntimeException e) {
            // Parsson signals too deep nesting with a bare RuntimeException; every failure means "not valid JSON"
            return Optional.empty();
        }
    }

    /** The same for UTF-8 bytes. */
    public static Optional<JsonValue> parse(byte[] utf8) {
        return parse(new String(utf8, StandardCharsets.UTF_8));
    }

    private static JsonValue read(JsonParser p, Event event) {
        switch (event) {
            case START_OBJECT -> {
                JsonObjectBuilder object = PROVIDER.createObjectBuilder();
                for (Event e = p.next(); e != Event.END_OBJECT; e = p.next()) {
                    String key = p.getString();
                    object.add(key, read(p, p.next()));
                }
                return object.build();
            }
            case START_ARRAY -> {
                JsonArrayBuilder array = PROVIDER.createArrayBuilder();
                for (Event e = p.next(); e != Event.END_ARRAY; e = p.next()) {
                    array.add(read(p, e));
                }
                return array.build();
            }
            case VALUE_STRING -> {
                return PROVIDER.createValue(p.getString());
            }
            case VALUE_NUMBER -> {
                return number(p.getString());
            }
            case VALUE_TRUE -> {
                return JsonValue.TRUE;
            }
            case VALUE_FALSE -> {
                return JsonValue.FALSE;
            }
            case VALUE_NULL -> {
                return JsonValue.NULL;
            }
            default -> throw new JsonException("unexpected " + event);
        }
    }

    /** Largest decimal exponent kept exactly; beyond it (only tiny numbers get here) the double's value is kept. */
    private static final int MAX_SCALE = 400;
    /** Longest number literal read exactly (Parsson's own limit for big decimals). */
    private static final int MAX_DIGITS = 1100;

    /**
     * The number of a JSON number literal, refused when a double cannot hold it. The value is exact when its scale is
     * sane; {@code 1e-99999} is 0 as in Go, without a {@link BigDecimal} whose plain text would be 100 000 digits.
     */
    private static JsonNumber number(String text) {
        double d = Double.parseDouble(text);
        if (Double.isInfinite(d)) {
            throw new JsonException("number out of range: " + text.substring(0, Math.min(text.length(), 32)));
        }
        // long digit strings cost quadratic time in BigDecimal; a double's 17 digits is all Go keeps anyway
        BigDecimal value = text.length() > MAX_DIGITS ? null : new BigDecimal(text);
        if (value == null || Math.abs(value.scale()) > MAX_SCALE) {
            value = new BigDecimal(Double.toString(d));
        }
        return new WrittenNumber(text, value);
    }

    /** A number that writes itself as the text it was read from; equal to any JSON number of the same value. */
    private static final class WrittenNumber implements JsonNumber {
        private final String text;
        private final BigDecimal value;

        WrittenNumber(String text, BigDecimal value) {
            this.text = text;
            this.value = value;
        }

        @Override
        public boolean isIntegral() {
            return value.scale() <= 0;
        }

        @Override
        public int intValue() {
            return value.intValue();
        }

        @Override
        public int intValueExact() {
            return value.intValueExact();
        }

        @Override
        public long longValue() {
            return value.longValue();
        }

        @Override
        public long longValueExact() {
            return value.longValueExact();
        }

        @Override
        public BigInteger bigIntegerValue() {
            return value.toBigInteger();
        }

        @Override
        public BigInteger bigIntegerValueExact() {
            return value.toBigIntegerExact();
        }

        @Override
        public double doubleValue() {
            return value.doubleValue();
        }

        @Override
        public BigDecimal bigDecimalValue() {
            return value;
        }

        @Override
        public ValueType getValueType() {
            return ValueType.NUMBER;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof JsonNumber n && value.equals(n.bigDecimalValue());
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
