package io.pb4j.core.internal.logs;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a log entry's {@code data} as PocketBase stores it: Go's {@code json.Marshal} of a map, so object keys are
 * sorted at every level, floats use Go's shortest form ({@code 9.681131}, {@code 10}, not {@code 10.0}) and
 * {@code <}, {@code >}, {@code &} are {@code \\u} escapes. Thread-safe (stateless).
 */
public final class LogJson {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private LogJson() {
    }

    /** Compact JSON of a data map (keys sorted). */
    public static String write(Map<String, ?> data) {
        StringBuilder out = new StringBuilder(256);
        value(out, data);
        return out.toString();
    }

    /** Compact JSON of any value that a data map may hold. */
    static String writeValue(Object v) {
        StringBuilder out = new StringBuilder();
        value(out, v);
        return out.toString();
    }

    /** The same value with every object's keys sorted, as Go re-encodes a decoded map. */
    public static JsonValue sorted(JsonValue value) {
        if (value instanceof JsonObject o) {
            var b = JSON.createObjectBuilder();
            new TreeMap<>(o).forEach((k, v) -> b.add(k, sorted(v)));
            return b.build();
        }
        if (value instanceof JsonArray a) {
            var b = JSON.createArrayBuilder();
            a.forEach(v -> b.add(sorted(v)));
            return b.build();
        }
        return value;
    }

    /** UTF-8 size of {@code json}, counted without allocating. */
    static int utf8Length(String json) {
        int n = 0;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < json.length()) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** The first {@code maxBytes} UTF-8 bytes of {@code text}, without a cut character at the end. */
    static String utf8Prefix(String text, int maxBytes) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return text;
        }
        int end = maxBytes;
        // step back over the continuation bytes of a character that does not fit whole
        int start = end;
        while (start > 0 && (bytes[start - 1] & 0xC0) == 0x80) {
            start--;
        }
        if (start > 0 && (bytes[start - 1] & 0x80) != 0) {
            int lead = bytes[start - 1] & 0xFF;
            int size = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
            if (end - (start - 1) < size) {
                end = start - 1;
            }
        }
        return new String(Arrays.copyOf(bytes, end), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static void value(StringBuilder out, Object v) {
        switch (v) {
            case null -> out.append("null");
            case String s -> string(out, s);
            case Boolean b -> out.append(b ? "true" : "false");
            case Integer i -> out.append(i.intValue());
            case Long l -> out.append(l.longValue());
            case Short s -> out.append(s.intValue());
            case Byte b -> out.append(b.intValue());
            case Double d -> number(out, d);
            case Float f -> number(out, Double.parseDouble(f.toString()));
            case BigDecimal d -> out.append(d.toPlainString());
            case Number n -> out.append(n.toString());
            case Map<?, ?> m -> object(out, m);
            case JsonString s -> string(out, s.getString());
            case JsonNumber n -> out.append(n.toString());
            case JsonArray a -> list(out, a);
            case JsonValue j when j.getValueType() == JsonValue.ValueType.TRUE -> out.append("true");
            case JsonValue j when j.getValueType() == JsonValue.ValueType.FALSE -> out.append("false");
            case JsonValue j when j.getValueType() == JsonValue.ValueType.NULL -> out.append("null");
            case Collection<?> c -> list(out, c);
            case Object[] array -> list(out, Arrays.asList(array));
            case Throwable t -> string(out, message(t));
            case Instant i -> string(out, i.toString());
            default -> string(out, v.toString());
        }
    }

    /**
     * An object with its keys sorted: an insertion sort of the keys' positions, as a request entry's dozen keys make a
     * TreeMap, or a sort through a boxed comparator, cost more than writing the entry.
     */
    private static void object(StringBuilder out, Map<?, ?> m) {
        int size = m.size();
        String[] keys = new String[size];
        Object[] values = new Object[size];
        int n = 0;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (n == size) {
                break; // a map that grew meanwhile: what was counted is written
            }
            String key = String.valueOf(e.getKey());
            Object value = e.getValue();
            int at = n++;
            while (at > 0 && keys[at - 1].compareTo(key) > 0) {
                keys[at] = keys[at - 1];
                values[at] = values[at - 1];
                at--;
            }
            keys[at] = key;
            values[at] = value;
        }
        out.append('{');
        boolean first = true;
        for (int i = 0; i < n; i++) {
            String key = keys[i];
            if (i + 1 < n && key.equals(keys[i + 1])) {
                continue; // two keys with one text (String.valueOf of distinct objects): the last one wins
            }
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, key);
            out.append(':');
            value(out, values[i]);
        }
        out.append('}');
    }

    private static void list(StringBuilder out, Collection<?> items) {
        out.append('[');
        boolean first = true;
        for (Object item : items) {
            if (!first) {
                out.append(',');
            }
            first = false;
            value(out, item);
        }
        out.append(']');
    }

    /** What Go's {@code err.Error()} would say: the message, or the type when there is none. */
    public static String message(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isEmpty() ? t.getClass().getName() : m;
    }

    /** Go's float64 JSON form: shortest round-trip digits, exponent only below 1e-6 or from 1e21. */
    private static void number(StringBuilder out, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            out.append("null");
            return;
        }
        double abs = Math.abs(d);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
            String[] parts = Double.toString(d).split("E");
            String mantissa = parts[0].endsWith(".0") ? parts[0].substring(0, parts[0].length() - 2) : parts[0];
            out.append(mantissa).append('e').append(parts[1].startsWith("-") ? "" : "+").append(parts[1]);
            return;
        }
        if (abs >= 1e-3 && abs < 1e7) {
            // Double.toString is the shortest round-trip form too, and plain in this range ("9.681131", "10.0")
            String plain = Double.toString(d);
            out.append(plain, 0, plain.endsWith(".0") ? plain.length() - 2 : plain.length());
            return;
        }
        BigDecimal exact = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        out.append(exact.scale() < 0 ? exact.setScale(0).toPlainString() : exact.toPlainString());
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        int plain = 0; // the start of the run of characters that need no escape, appended in one call
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' && c != '\u2028' && c != '\u2029') {
                continue;
            }
            out.append(s, plain, i);
            plain = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append(s, plain, s.length()).append('"');
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();
}
