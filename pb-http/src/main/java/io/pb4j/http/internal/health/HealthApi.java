package io.pb4j.http.internal.health;

import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.router.Router;
import io.pb4j.http.internal.ratelimit.RateLimits;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/health}: always 200; superusers also learn whether a backup may start, their real IP and the first
 * proxy header the request carries (the dashboard's reverse-proxy hint).
 */
public final class HealthApi {
    /** Looked up once: {@code jakarta.json.Json}'s static methods look the provider up on every call (~2 µs each). */
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;

    /**
     * Common proxy headers PocketBase looks for after the trusted ones. Its {@code X‑Forwarded-For} is spelled with a
     * non-breaking hyphen (U+2011), so that one never matches; kept as PocketBase has it.
     */
    private static final List<String> COMMON_PROXY_HEADERS = List.of("CF-Connecting-IP", "Fly-Client-IP", "X\u2011Forwarded-For");

    private HealthApi() {
    }

    public static void bind(Router router) {
        router.get("/api/health", HealthApi::health);
    }

    /** A guest's answer, as {@link RequestEvent#json} writes it: the same bytes every time, so made once. */
    private static final byte[] GUEST_BODY = "{\"message\":\"API is healthy.\",\"code\":200,\"data\":{}}"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private static void health(RequestEvent e) {
        if (!e.isSuperuser() && e.queryParam("fields").isEmpty()) {
            e.blob(200, "application/json", GUEST_BODY);
            return;
        }
        JsonObjectBuilder data = JSON.createObjectBuilder();
        if (e.isSuperuser()) {
            data.add("canBackup", e.app().backups().active().isEmpty()).add("realIP", RateLimits.realIp(e))
                    .add("possibleProxyHeader", possibleProxyHeader(e));
        }
        e.json(200, JSON.createObjectBuilder().add("message", "API is healthy.").add("code", 200).add("data", data).build());
    }

    /** The first of the trusted proxy headers, then the common ones, that the request carries with a value. */
    static String possibleProxyHeader(RequestEvent e) {
        List<String> candidates = new ArrayList<>();
        JsonObject proxy = e.app().settings().get("trustedProxy") instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        if (proxy.get("headers") instanceof JsonArray headers) {
            headers.forEach(h -> candidates.add(h instanceof JsonString s ? s.getString() : ""));
        }
        candidates.addAll(COMMON_PROXY_HEADERS);
        for (String header : candidates) {
            if (!header.isEmpty() && !e.header(header).isEmpty()) {
                return header;
            }
        }
        return "";
    }
}
