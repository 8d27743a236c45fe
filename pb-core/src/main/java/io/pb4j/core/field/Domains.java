package io.pb4j.core.field;

import io.pb4j.core.ValidationError;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Format checks of ozzo's {@code is.Domain}, {@code is.EmailFormat} and {@code is.URL}, and the domain options. */
final class Domains {
    private static final Pattern DOMAIN = Pattern.compile(
            "^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:[a-z]{1,63}|xn--[a-z0-9]{1,59})$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL_USER = Pattern.compile("^[a-zA-Z0-9!#$%&'*+/=?^_`{|}~.-]+$");
    private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})$");

    private Domains() {
    }

    static boolean isDomain(String value) {
        return value.length() <= 255 && DOMAIN.matcher(value).matches();
    }

    static boolean isEmail(String value) {
        if (value.length() < 6 || value.length() > 254) {
            return false;
        }
        int at = value.lastIndexOf('@');
        if (at <= 0) {
            return false;
        }
        String user = value.substring(0, at);
        String host = value.substring(at + 1);
        if (user.length() > 64 || host.length() > 253) {
            return false;
        }
        boolean quoted = user.length() > 2 && user.startsWith("\"") && user.endsWith("\"");
        boolean userOk = quoted || (EMAIL_USER.matcher(user).matches()
                && !user.startsWith(".") && !user.endsWith(".") && !user.contains(".."));
        return userOk && (isDomain(host) || isIpLiteral(host));
    }

    private static boolean isIpLiteral(String host) {
        return host.startsWith("[") && host.endsWith("]") && isIpV4(host.substring(1, host.length() - 1));
    }

    private static boolean isIpV4(String host) {
        var m = IPV4.matcher(host);
        if (!m.matches()) {
            return false;
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) {
                return false;
            }
        }
        return true;
    }

    /** Like govalidator's {@code IsURL}: a scheme is optional, the host must be a domain, IP or localhost. */
    static Optional<URI> url(String value) {
        if (value.isEmpty() || value.length() >= 2083 || value.startsWith(".")
                || value.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        String candidate = value.contains("://") ? value : "http://" + value;
        try {
            URI uri = new URI(candidate);
            String host = uri.getHost();
            if (host == null) {
                return Optional.empty();
            }
            boolean hostOk = host.equals("localhost") || isIpV4(host) || host.startsWith("[") || isDomain(host);
            return hostOk ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** {@code url.Parse(value).Host} for an already valid url: host and port, empty without a scheme. */
    static String host(String value) {
        if (!value.contains("://")) {
            return "";
        }
        try {
            URI uri = new URI(value);
            String authority = uri.getRawAuthority();
            if (authority == null) {
                return "";
            }
            int at = authority.lastIndexOf('@');
            return at >= 0 ? authority.substring(at + 1) : authority;
        } catch (URISyntaxException e) {
            return "";
        }
    }

    /** The {@code exceptDomains}/{@code onlyDomains} rules: mutually exclusive, each item a valid domain. */
    static void checkOptions(Map<String, ValidationError> errors, Optional<List<String>> except,
            Optional<List<String>> only) {
        check(errors, "exceptDomains", except.orElse(List.of()), !only.orElse(List.of()).isEmpty());
        check(errors, "onlyDomains", only.orElse(List.of()), !except.orElse(List.of()).isEmpty());
    }

    private static void check(Map<String, ValidationError> errors, String key, List<String> domains,
            boolean otherSet) {
        if (otherSet) {
            if (!domains.isEmpty()) {
                errors.put(key, Errors.empty());
            }
            return;
        }
        for (int i = 0; i < domains.size(); i++) {
            if (!domains.get(i).isEmpty() && !isDomain(domains.get(i))) {
                // ozzo's Each reports the item by index: {"onlyDomains": {"0": {...}}}
                errors.put(key + "." + i, Errors.of("validation_is_domain", "must be a valid domain"));
            }
        }
    }
}
