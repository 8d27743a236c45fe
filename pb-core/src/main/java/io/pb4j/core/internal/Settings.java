package io.pb4j.core.internal;

import io.pb4j.core.DateTimes;
import io.pb4j.core.spi.SqlSession;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;

/** The {@code settings} row of {@code _params}, with PocketBase's defaults for a fresh data dir. */
public final class Settings {
    private Settings() {
    }

    /** PocketBase's default settings (v0.39). */
    public static JsonObject defaults() {
        return Json.parse("""
                {"superuserIPs":[],\
                "smtp":{"enabled":false,"port":587,"host":"smtp.example.com","username":"","password":"","authMethod":"","tls":false,"localName":""},\
                "backups":{"cron":"","cronMaxKeep":3,"s3":{"enabled":false,"bucket":"","region":"","endpoint":"","accessKey":"","forcePathStyle":false}},\
                "s3":{"enabled":false,"bucket":"","region":"","endpoint":"","accessKey":"","forcePathStyle":false},\
                "meta":{"accentColor":"#1055c9","appName":"Acme","appURL":"http://localhost:8090","senderName":"Support","senderAddress":"support@example.com","hideControls":false},\
                "rateLimits":{"rules":[{"label":"*:auth","audience":"","duration":3,"maxRequests":2},{"label":"*:create","audience":"","duration":5,"maxRequests":20},\
                {"label":"/api/batch","audience":"","duration":1,"maxRequests":3},{"label":"/api/","audience":"","duration":10,"maxRequests":300}],"excludedIPs":[],"enabled":false},\
                "trustedProxy":{"headers":[],"useLeftmostIP":false},\
                "batch":{"enabled":false,"maxRequests":50,"timeout":3,"maxBodySize":0},\
                "logs":{"maxDays":5,"minLevel":0,"logIP":true,"logAuthId":false}}""").orElseThrow().asJsonObject();
    }

    static JsonObject load(SqlSession s) {
        List<Map<String, Object>> rows = s.query("SELECT value FROM _params WHERE id = ?", List.of("settings"));
        if (rows.isEmpty() || rows.get(0).get("value") == null) {
            return defaults();
        }
        // PocketBase stores the row as a BLOB (its JSON bytes)
        Object value = rows.get(0).get("value");
        String text = value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8) : String.valueOf(value);
        return Json.parse(text)
                .filter(v -> v instanceof JsonObject).map(v -> v.asJsonObject()).orElse(defaults());
    }

    /**
     * Writes the settings row as PocketBase does: the JSON as bytes (a BLOB), empty S3 secrets left out (their
     * {@code omitempty}), {@code created} set only when the row is new.
     */
    public static void save(SqlSession s, JsonObject settings) {
        String now = DateTimes.now();
        byte[] value = Json.write(withoutEmptySecrets(settings)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        s.execute("INSERT INTO _params (id, value, created, updated) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT(id) DO UPDATE SET value = excluded.value, updated = excluded.updated",
                List.of("settings", value, now, now));
    }

    private static JsonObject withoutEmptySecrets(JsonObject settings) {
        JsonObject out = settings;
        if (out.get("s3") instanceof JsonObject s3) {
            out = Json.objectWith(out, "s3", withoutEmptySecret(s3));
        }
        if (out.get("backups") instanceof JsonObject backups && backups.get("s3") instanceof JsonObject s3) {
            out = Json.objectWith(out, "backups", Json.objectWith(backups, "s3", withoutEmptySecret(s3)));
        }
        return out;
    }

    private static JsonObject withoutEmptySecret(JsonObject s3) {
        return "".equals(s3.getString("secret", null)) ? jakarta.json.Json.createObjectBuilder(s3).remove("secret").build() : s3;
    }
}
