package io.pb4j.http.internal.sql;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * A database value as Go's {@code database/sql} scans it into a string (PocketBase's SQL console rows): integers in
 * decimal, reals as {@code strconv.FormatFloat(v, 'g', -1, 64)}, blobs as their bytes, null as null.
 */
final class GoText {
    private GoText() {
    }

    /** The text, or {@code null} for SQL NULL. */
    static String of(Object value) {
        return switch (value) {
            case null -> null;
            case byte[] bytes -> new String(bytes, StandardCharsets.UTF_8);
            case Double d -> formatG(d);
            case Float f -> formatG(f);
            default -> value.toString();
        };
    }

    /** Go's shortest {@code 'g'} format: exponent form when the exponent is below -4 or at least 6. */
    static String formatG(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        // Double.toString is the shortest representation that round-trips, as Go's shortest formatting
        BigDecimal exact = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = exact.unscaledValue().toString();
        int exp = digits.length() - 1 - exact.scale();
        StringBuilder out = new StringBuilder(d < 0 ? "-" : "");
        if (exp < -4 || exp >= 6) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            int abs = Math.abs(exp);
            out.append('e').append(exp < 0 ? '-' : '+').append(abs < 10 ? "0" : "").append(abs);
        } else if (exp < 0) {
            out.append("0.").append("0".repeat(-exp - 1)).append(digits);
        } else if (digits.length() <= exp + 1) {
            out.append(digits).append("0".repeat(exp + 1 - digits.length()));
        } else {
            out.append(digits, 0, exp + 1).append('.').append(digits, exp + 1, digits.length());
        }
        return out.toString();
    }
}
