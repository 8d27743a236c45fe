package io.pb4j.core.internal;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Go's float64 formatting: JSON output ({@code encoding/json}), {@code %v} in messages and {@code cast.ToString}.
 */
public final class Numbers {
    private Numbers() {
    }

    /** As Go's {@code encoding/json} writes a float64: shortest round trip, exponent only below 1e-6 or from 1e21. */
    public static String json(double d) {
        if (d == 0) {
            return "0";
        }
        double abs = Math.abs(d);
        if (abs < 1e-6 || abs >= 1e21) {
            return exponent(d, 'e', true);
        }
        return plain(d);
    }

    /** As Go's {@code %v} for a float64 ({@code strconv 'g'} shortest: exponent below 1e-4 or from 1e21). */
    public static String message(double d) {
        if (d == 0) {
            return "0";
        }
        double abs = Math.abs(d);
        if (abs < 1e-4 || abs >= 1e21) {
            return exponent(d, 'e', false);
        }
        return plain(d);
    }

    /** Shortest round-trip digits without an exponent ({@code strconv.FormatFloat(f, 'f', -1, 64)}). */
    public static String plain(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return "0";
        }
        if (d == Math.rint(d) && Math.abs(d) < 0x1p53) {
            // a whole number below 2^53: every integer around it is a double too, so its digits are the shortest
            // (most numbers in records; the BigDecimal below was most of a record's JSON writing)
            return Long.toString((long) d);
        }
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        return bd.toPlainString();
    }

    private static String exponent(double d, char e, boolean jsonStyle) {
        BigDecimal bd = new BigDecimal(Double.toString(d)).stripTrailingZeros();
        BigInteger unscaled = bd.unscaledValue().abs();
        String digits = unscaled.toString();
        int exp = digits.length() - 1 - bd.scale();
        StringBuilder sb = new StringBuilder();
        if (d < 0) {
            sb.append('-');
        }
        sb.append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        sb.append(e).append(exp < 0 ? '-' : '+');
        int absExp = Math.abs(exp);
        // encoding/json trims "e-07" to "e-7"; strconv keeps at least two exponent digits
        if (!jsonStyle && absExp < 10) {
            sb.append('0');
        }
        return sb.append(absExp).toString();
    }

    /** A JSON number that prints as {@link #json(double)}. */
    public static JsonNumber toJson(double d) {
        return new GoFloat(d);
    }

    private record GoFloat(double value) implements JsonNumber {
        @Override
        public boolean isIntegral() {
            return bigDecimalValue().scale() <= 0;
        }

        @Override
        public int intValue() {
            return (int) value;
        }

        @Override
        public int intValueExact() {
            return bigDecimalValue().intValueExact();
        }

        @Override
        public long longValue() {
            return (long) value;
        }

        @Override
        public long longValueExact() {
            return bigDecimalValue().longValueExact();
        }

        @Override
        public BigInteger bigIntegerValue() {
            return bigDecimalValue().toBigInteger();
        }

        @Override
        public BigInteger bigIntegerValueExact() {
            return bigDecimalValue().toBigIntegerExact();
        }

        @Override
        public double doubleValue() {
            return value;
        }

        @Override
        public BigDecimal bigDecimalValue() {
            return new BigDecimal(Double.toString(value)).stripTrailingZeros();
        }

        @Override
        public JsonValue.ValueType getValueType() {
            return JsonValue.ValueType.NUMBER;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof JsonNumber n && bigDecimalValue().compareTo(n.bigDecimalValue()) == 0;
        }

        @Override
        public int hashCode() {
            return bigDecimalValue().hashCode();
        }

        @Override
        public String toString() {
            return json(value);
        }
    }
}
