package io.pb4j.core;

import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * Strict JSON reading for request bodies and stored values: the text must be exactly one JSON value. (A plain
 * {@code JsonReader} stops after the first value, so it reads {@code 007} as {@code 0} and accepts {@code {}x}.)
 */
public final class StrictJson {
    private StrictJson() {
    }

    /** The value, or empty when the text is not exactly one valid JSON value. */
    public static Optional<JsonValue> parse(String text) {
        try (JsonParser parser = jakarta.json.Json.createParser(new StringReader(text))) {
            if (!parser.hasNext()) {
                return Optional.empty();
            }
            parser.next();
            JsonValue value = parser.getValue();
            return parser.hasNext() ? Optional.empty() : Optional.of(value);
        } catch (jakarta.json.JsonException | IllegalStateException | NoSuchElementException e) {
            return Optional.empty();
        }
    }

    /** The same for UTF-8 bytes. */
    public static Optional<JsonValue> parse(byte[] utf8) {
        return parse(new String(utf8, StandardCharsets.UTF_8));
    }
}
