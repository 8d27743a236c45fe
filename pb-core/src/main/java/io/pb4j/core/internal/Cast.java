package io.pb4j.core.internal;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PocketBase's lenient casts (Go {@code spf13/cast} as PocketBase uses it): failures give the zero value, never an
 * error. Accepts JSON-P values and plain Java values ({@code String}, {@code Number}, {@code Boolean},
 * {@code Collection}, {@code Map}, {@code null}).
 */
public final class Cast {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private static final Set<String> TRUE = Set.of("1", "t", "T", "TRUE", "true", "True");

    private Cast() {
    }

    /** Strings as they are, numbers without exponent, bools as words; null, arrays and objects → {@code ""}. */
    public static String toStr(Object raw) {
        Object v = unwrap(raw);
        return switch (v) {
            case null -> "";
            case String s -> s;
            case Boolean b -> b.toString();
            case Double d -> Numbers.plain(d);
            case Float f -> Numbers.plain(f.doubleValue());
            case BigDecimal bd -> bd.stripTrailingZeros().toPlainString();
            case Number n -> n.toString();
            case Character c -> c.toString();
            default -> "";
        };
    }

    /** Numbers as they are, numeric strings parsed, {@code true} → 1; anything else → 0. */
    public static double toDouble(Object raw) {
        Object v = unwrap(raw);
        return switch (v) {
            case Number n -> n.doubleValue();
            case Boolean b -> b ? 1 : 0;
            case String s -> parseDouble(s);
            case null, default -> 0;
        };
    }

    /** {@code 1 t T TRUE true True} and non-zero numbers → true; anything else → false. */
    public static boolean toBool(Object raw) {
        Object v = unwrap(raw);
        return switch (v) {
            case Boolean b -> b;
            case Number n -> n.doubleValue() != 0;
            case String s -> TRUE.contains(s);
            case null, default -> false;
        };
    }

    /**
     * Go's {@code cast.ToStringSlice}: a list casts each item with {@link #toStr}; a string is split on whitespace;
     * another scalar becomes a one-item list; null and objects give an empty list.
     */
    public static List<String> toStringList(Object raw) {
        Object v = unwrap(raw);
        return switch (v) {
            case null -> List.of();
            case Collection<?> c -> c.stream().map(Cast::toStr).toList();
            case String s -> s.isBlank() ? List.of() : List.of(s.strip().split("\\s+"));
            case Map<?, ?> m -> List.of();
            default -> List.of(toStr(v));
        };
    }

    /**
     * PocketBase's {@code list.ToUniqueStringSlice}: a string holding {@code [} is tried as a JSON array of strings,
     * any other non-empty string is one item, other values as {@link #toStringList}; then empty strings and
     * duplicates are dropped, first occurrence kept.
     */
    public static List<String> toUniqueStrings(Object raw) {
        Object v = unwrap(raw);
        List<String> items;
        if (v instanceof String s) {
            items = s.isEmpty() ? List.of() : s.contains("[") ? jsonStringArray(s) : List.of(s);
        } else {
            items = toStringList(v);
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String item : items) {
            if (!item.isEmpty()) {
                unique.add(item);
            }
        }
        return List.copyOf(unique);
    }

    private static List<String> jsonStringArray(String s) {
        try (var reader = JSON.createReader(new StringReader(s))) {
            JsonValue parsed = reader.readValue();
            if (parsed instanceof JsonArray array) {
                List<String> out = new ArrayList<>();
                for (JsonValue item : array) {
                    if (item instanceof JsonString str) {
                        out.add(str.getString());
                    } else if (item == JsonValue.NULL) {
                        out.add("");
                    } else {
                        return List.of(s);
                    }
                }
                return out;
            }
            return parsed == JsonValue.NULL ? List.of() : List.of(s);
        } catch (RuntimeException e) {
            // not JSON, or hostile JSON (too deep, absurd numbers): Parsson throws several kinds
            return List.of(s);
        }
    }

    /** Turns JSON-P values into plain Java values; others are returned as they are. */
    static Object unwrap(Object raw) {
        if (!(raw instanceof JsonValue json)) {
            return raw;
        }
        return switch (json.getValueType()) {
            case NULL -> null;
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case STRING -> ((JsonString) json).getString();
            case NUMBER -> number((JsonNumber) json);
            case ARRAY -> json.asJsonArray();
            case OBJECT -> Map.copyOf(json.asJsonObject());
        };
    }

    private static Number number(JsonNumber n) {
        // JSON request numbers are float64 in PocketBase
        return n.doubleValue();
    }

    private static double parseDouble(String s) {
        String t = s;
        if (t.isEmpty() || Character.isWhitespace(t.charAt(0)) || Character.isWhitespace(t.charAt(t.length() - 1))) {
            return 0;
        }
        char last = Character.toLowerCase(t.charAt(t.length() - 1));
        if (last == 'd' || last == 'f') {
            return 0;
        }
        String lower = t.toLowerCase();
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        if (unsigned.startsWith("0x")) {
            try {
                return new BigInteger(unsigned.substring(2), 16).doubleValue() * (lower.startsWith("-") ? -1 : 1);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
