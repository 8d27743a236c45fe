package io.pb4j.core.router;

import io.pb4j.core.PocketBase;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client's IP as PocketBase reads it ({@code RequestEvent.RealIP} with the settings' {@code trustedProxy}) and IP
 * literals and subnets as Go's {@code netip} reads them, for every module that checks addresses (rate limits, the
 * superuser IP whitelist, protected files). Never a DNS lookup. Stateless.
 */
public final class ClientIp {
    private static final Pattern IPV4 = Pattern.compile("^(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2})){3}$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$");

    private ClientIp() {
    }

    /**
     * PocketBase's {@code RealIP}: the first trusted proxy header present (its last value; of its comma-separated IPs the
     * rightmost valid one, or the leftmost with {@code useLeftmostIP}), else the peer's address.
     */
    public static String of(RequestEvent e) {
        return of(e.app(), e.request());
    }

    /** {@link #of(RequestEvent)} for a request outside the router (e.g. a WebSocket upgrade). */
    public static String of(PocketBase app, HttpRequest request) {
        JsonObject proxy = app.settings().get("trustedProxy") instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        if (proxy.get("headers") instanceof JsonArray headers) {
            boolean leftmost = proxy.getBoolean("useLeftmostIP", false);
            for (JsonValue h : headers) {
                List<String> values = h instanceof JsonString name ? headerValues(request.headers(), name.getString()) : List.of();
                if (values.isEmpty() || values.getLast().isEmpty()) {
                    continue;
                }
                List<String> ips = new ArrayList<>(List.of(values.getLast().split(",", -1)));
                if (!leftmost) {
                    Collections.reverse(ips);
                }
                for (String ip : ips) {
                    Optional<String> parsed = canonical(ip);
                    if (parsed.isPresent()) {
                        return parsed.get();
                    }
                }
            }
        }
        return request.remoteIp();
    }

    private static List<String> headerValues(Map<String, List<String>> headers, String name) {
        List<String> out = new ArrayList<>();
        headers.forEach((k, v) -> {
            if (k.equalsIgnoreCase(name)) {
                out.addAll(v);
            }
        });
        return out;
    }

    /** The address bytes of an IPv4 or IPv6 literal, empty for anything else. */
    public static Optional<byte[]> parse(String text) {
        String s = text.strip();
        boolean v4 = IPV4.matcher(s).matches();
        if (v4) {
            for (String part : s.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
            }
        }
        if (!v4 && !IPV6.matcher(s).matches()) {
            return Optional.empty();
        }
        try {
            // a literal (checked above), so no name is resolved
            return Optional.of(InetAddress.getByName(s).getAddress());
        } catch (UnknownHostException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The literal in one canonical form (e.g. as a key); empty when {@code text} is no IP literal. */
    public static Optional<String> canonical(String text) {
        return parse(text).map(bytes -> {
            try {
                return InetAddress.getByAddress(bytes).getHostAddress();
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** PocketBase's {@code isIPInList}: {@code ip} equals one of the addresses or lies in one of the subnets. */
    public static boolean inList(List<String> ipsOrSubnets, String ip) {
        Optional<byte[]> address = parse(ip);
        if (address.isEmpty()) {
            return false;
        }
        for (String item : ipsOrSubnets) {
            int slash = item.indexOf('/');
            Optional<byte[]> other = parse(slash < 0 ? item : item.substring(0, slash));
            if (other.isEmpty() || other.get().length != address.get().length) {
                continue;
            }
            int bits = other.get().length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(item.substring(slash + 1).strip());
                } catch (NumberFormatException e) {
                    continue;
                }
                if (bits < 0 || bits > other.get().length * 8) {
                    continue;
                }
            }
            if (samePrefix(address.get(), other.get(), bits)) {
                return true;
            }
        }
        return false;
    }

    private static boolean samePrefix(byte[] a, byte[] b, int bits) {
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((a[i / 8] & mask) != (b[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }
}
