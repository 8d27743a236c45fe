package io.pb4j.core.internal;

import io.pb4j.core.spi.SqlSession;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Keeps the settings' rate-limit rules pointing at a renamed collection: as PocketBase does after a collection
 * update, every label {@code "<old name>:<tag>"} becomes {@code "<new name>:<tag>"}. In the caller's transaction.
 */
final class RateLimitLabels {
    private RateLimitLabels() {
    }

    static void rename(SqlSession s, String oldName, String newName) {
        JsonObject settings = Settings.load(s);
        if (!(settings.get("rateLimits") instanceof JsonObject limits) || !(limits.get("rules") instanceof jakarta.json.JsonArray rules)) {
            return;
        }
        boolean changed = false;
        JsonArrayBuilder renamed = Json.createArrayBuilder();
        for (JsonValue v : rules) {
            if (v instanceof JsonObject rule && rule.getString("label", "").startsWith(oldName + ":")) {
                String label = newName + ":" + rule.getString("label").substring(oldName.length() + 1);
                renamed.add(Json.createObjectBuilder(rule).add("label", label));
                changed = true;
            } else {
                renamed.add(v);
            }
        }
        if (changed) {
            Settings.save(s, Json.createObjectBuilder(settings)
                    .add("rateLimits", Json.createObjectBuilder(limits).add("rules", renamed)).build());
        }
    }
}
