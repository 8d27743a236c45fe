package io.pb4j.core;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Strict JSON reading for request bodies and stored values: the text must be exactly one JSON value. (A plain
 * {@code JsonReader} stops after the first value, so it reads {@code 007} as {@code 0} and accepts {@code {}x}.)
 * Numbers keep the text they were written with ({@code 1e3} is written back as {@code 1e3}, as PocketBase returns
 * JSON values as they were stored).
 */
public final class StrictJson {
    private StrictJson() {
    }

    /** The value, or empty when the text is not exactly one valid JSON value. */
    public static Optional<JsonValue> parse(String text) {
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                return Optional.empty();
            }
            JsonValue value = read(parser, parser.next());
            return parser.hasNext() ? Optional.empty() : Optional.of(value);
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
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
                JsonObjectBuilder object = Json.createObjectBuilder();
                for (Event e = p.next(); e != Event.END_OBJECT; e = p.next()) {
                    String key = p.getString();
                    object.add(key, read(p, p.next()));
                }
                return object.build();
            }
            case START_ARRAY -> {
                JsonArrayBuilder array = Json.createArrayBuilder();
                for (Event e = p.next(); e != Event.END_ARRAY; e = p.next()) {
                    array.add(read(p, e));
                }
                return array.build();
            }
            case VALUE_STRING -> {
                return Json.createValue(p.getString());
            }
            case VALUE_NUMBER -> {
                return new WrittenNumber(p.getString(), p.getBigDecimal());
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
