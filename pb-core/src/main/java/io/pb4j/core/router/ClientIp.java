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
 * The client IP of a request as PocketBase's {@code RealIP} sees it: behind the proxy headers named in the
 * {@code trustedProxy} settings, else the peer's address. Used wherever an IP is compared, limited or recorded
 * (rate limits, the superuser IP whitelist, logs, realtime clients), so that all of them agree.
 */
public final class ClientIp {
    private static final Pattern IPV4 = Pattern.compile("^(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2})){3}$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*$");

    private ClientIp() {
    }

    /**
     * The first trusted proxy header present (its last value; of its comma-separated IPs the rightmost valid one, or
     * the leftmost with {@code useLeftmostIP}), canonical; else {@code request.remoteIp()}.
     */
    public static String of(PocketBase app, HttpRequest request) {
        JsonObject proxy = app.settings().get("trustedProxy") instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        if (proxy.get("headers") instanceof JsonArray headers) {
            boolean leftmost = proxy.getBoolean("useLeftmostIP", false);
            for (JsonValue h : headers) {
                List<String> values = h instanceof JsonString name ? values(request.headers(), name.getString()) : List.of();
                if (values.isEmpty() || values.getLast().isEmpty()) {
                    continue;
                }
                List<String> ips = new ArrayList<>(List.of(values.getLast().split(",", -1)));
                if (!leftmost) {
                    Collections.reverse(ips);
                }
                for (String ip : ips) {
                    Optional<InetAddress> parsed = literal(ip);
                    if (parsed.isPresent()) {
                        return parsed.get().getHostAddress();
                    }
                }
            }
        }
        return request.remoteIp();
    }

    /** An IPv4 or IPv6 literal (surrounding blanks ignored), never resolved through DNS; empty for anything else. */
    public static Optional<InetAddress> literal(String text) {
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
            return Optional.of(InetAddress.getByName(s));
        } catch (UnknownHostException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static List<String> values(Map<String, List<String>> headers, String name) {
        List<String> out = new ArrayList<>();
        headers.forEach((k, v) -> {
            if (k.equalsIgnoreCase(name)) {
                out.addAll(v);
            }
        });
        return out;
    }
}
