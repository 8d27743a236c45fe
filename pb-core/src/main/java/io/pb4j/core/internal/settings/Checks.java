package io.pb4j.core.internal.settings;

import io.pb4j.core.ValidationError;
import io.pb4j.core.field.EmailField;
import io.pb4j.core.field.UrlField;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The ozzo-validation rules (and their codes and messages) that PocketBase's settings and forms use. Like ozzo, every
 * rule except {@link #required} passes an empty value.
 */
public final class Checks {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private static final UrlField URL = UrlField.fromJson(JSON.createObjectBuilder()
            .add("id", "settings_url").add("name", "url").add("type", UrlField.TYPE).build());
    private static final EmailField EMAIL = EmailField.fromJson(JSON.createObjectBuilder()
            .add("id", "settings_email").add("name", "email").add("type", EmailField.TYPE).build());
    private static final Pattern HEX_COLOR = Pattern.compile("^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$");
    private static final Pattern DNS_NAME = Pattern.compile(
            "^([a-zA-Z0-9_][a-zA-Z0-9_-]{0,62})(\\.[a-zA-Z0-9_][a-zA-Z0-9_-]{0,62})*[._]?$");
    private static final Pattern IPV4 = Pattern.compile("^(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}$");
    private static final Pattern IPV6_CHARS = Pattern.compile("^[0-9a-fA-F:.]+$");

    private Checks() {
    }

    public static Optional<ValidationError> required(String value) {
        return value.isEmpty() ? Optional.of(ValidationError.required()) : Optional.empty();
    }

    public static Optional<ValidationError> required(long value) {
        return value == 0 ? Optional.of(ValidationError.required()) : Optional.empty();
    }

    /** ozzo's {@code Length(min, max)}, counted in code points. */
    public static Optional<ValidationError> length(String value, int min, int max) {
        int n = value.codePointCount(0, value.length());
        if (value.isEmpty() || (n >= min && n <= max)) {
            return Optional.empty();
        }
        Map<String, Object> params = Map.of("min", min, "max", max);
        if (min == max) {
            return Optional.of(error("validation_length_invalid", "the length must be exactly " + min, params));
        }
        return Optional.of(error("validation_length_out_of_range", "the length must be between " + min + " and " + max, params));
    }

    /** ozzo's {@code Min(threshold)}; zero counts as empty and passes. */
    public static Optional<ValidationError> min(long value, long threshold) {
        return value != 0 && value < threshold ? Optional.of(error("validation_min_greater_equal_than_required",
                "must be no less than " + threshold, Map.of("threshold", threshold))) : Optional.empty();
    }

    /** ozzo's {@code Max(threshold)}. */
    public static Optional<ValidationError> max(long value, long threshold) {
        return value != 0 && value > threshold ? Optional.of(error("validation_max_less_equal_than_required",
                "must be no greater than " + threshold, Map.of("threshold", threshold))) : Optional.empty();
    }

    public static Optional<ValidationError> in(String value, List<String> allowed) {
        return value.isEmpty() || allowed.contains(value) ? Optional.empty()
                : Optional.of(error("validation_in_invalid", "must be a valid value"));
    }

    /** ozzo's {@code Match}: the pattern must match the value (Go's {@code MatchString}: anywhere). */
    public static Optional<ValidationError> match(String value, Pattern pattern) {
        return value.isEmpty() || pattern.matcher(value).find() ? Optional.empty()
                : Optional.of(error("validation_match_invalid", "must be in a valid format"));
    }

    public static Optional<ValidationError> url(String value) {
        return value.isEmpty() || URL.validate(value).isEmpty() ? Optional.empty()
                : Optional.of(error("validation_is_url", "must be a valid URL"));
    }

    public static Optional<ValidationError> email(String value) {
        return EMAIL.validate(value);
    }

    public static Optional<ValidationError> hexColor(String value) {
        return value.isEmpty() || HEX_COLOR.matcher(value).matches() ? Optional.empty()
                : Optional.of(error("validation_is_hex_color", "must be a valid hex color code"));
    }

    /** ozzo's {@code is.Host}: an IP address or a DNS name (govalidator's {@code IsHost}). */
    public static Optional<ValidationError> host(String value) {
        boolean ok = value.isEmpty() || isIp(value)
                || (value.replace(".", "").length() <= 255 && DNS_NAME.matcher(value).matches());
        return ok ? Optional.empty() : Optional.of(error("validation_is_host", "must be a valid IP address or DNS name"));
    }

    /** PocketBase's {@code validators.IPOrSubnet}: an IPv4/IPv6 address or a CIDR prefix. */
    public static Optional<ValidationError> ipOrSubnet(String value) {
        if (value.isEmpty() || isIp(value) || isPrefix(value)) {
            return Optional.empty();
        }
        return Optional.of(error("validation_invlaid_ip_or_subnet", "invalid IP or CIDR subnet"));
    }

    private static boolean isPrefix(String value) {
        int slash = value.indexOf('/');
        if (slash < 0 || !isIp(value.substring(0, slash))) {
            return false;
        }
        String bits = value.substring(slash + 1);
        if (!bits.matches("0|[1-9][0-9]{0,2}")) {
            return false;
        }
        int max = value.contains(":") ? 128 : 32;
        return Integer.parseInt(bits) <= max;
    }

    /** A literal IPv4 (no leading zeros, as Go's netip) or IPv6 address; never a name lookup. */
    static boolean isIp(String value) {
        if (IPV4.matcher(value).matches()) {
            for (String part : value.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return false;
                }
            }
            return true;
        }
        if (!value.contains(":") || !IPV6_CHARS.matcher(value).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(value) != null;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static ValidationError error(String code, String message) {
        return new ValidationError(code, message);
    }

    static ValidationError error(String code, String message, Map<String, Object> params) {
        return new ValidationError(code, message, params);
    }
}
