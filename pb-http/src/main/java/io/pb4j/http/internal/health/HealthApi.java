package io.pb4j.http.internal.health;

import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.router.Router;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/** {@code GET /api/health}. */
public final class HealthApi {
    private HealthApi() {
    }

    public static void bind(Router router) {
        router.get("/api/health", HealthApi::health);
    }

    private static void health(RequestEvent e) {
        JsonObjectBuilder data = Json.createObjectBuilder();
        if (e.isSuperuser()) {
            data.add("canBackup", e.app().backups().active().isEmpty()).add("realIP", e.request().remoteIp()).add("possibleProxyHeader", "");
        }
        e.json(200, Json.createObjectBuilder().add("message", "API is healthy.").add("code", 200).add("data", data).build());
    }
}
