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
                {"smtp":{"enabled":false,"port":587,"host":"smtp.example.com","username":"","password":"","authMethod":"","tls":false,"localName":""},\
                "backups":{"cron":"","cronMaxKeep":3,"s3":{"enabled":false,"bucket":"","region":"","endpoint":"","accessKey":"","secret":"","forcePathStyle":false}},\
                "s3":{"enabled":false,"bucket":"","region":"","endpoint":"","accessKey":"","secret":"","forcePathStyle":false},\
                "meta":{"appName":"Acme","appURL":"http://localhost:8090","senderName":"Support","senderAddress":"support@example.com","hideControls":false},\
                "rateLimits":{"rules":[{"label":"*:auth","audience":"","duration":3,"maxRequests":2},{"label":"*:create","audience":"","duration":5,"maxRequests":20},\
                {"label":"/api/batch","audience":"","duration":1,"maxRequests":3},{"label":"/api/","audience":"","duration":10,"maxRequests":300}],"enabled":false},\
                "trustedProxy":{"headers":[],"useLeftmostIP":false},\
                "batch":{"enabled":false,"maxRequests":50,"timeout":3,"maxBodySize":0},\
                "logs":{"maxDays":5,"minLevel":0,"logIP":true,"logAuthId":false},\
                "superuserIPs":[]}""").orElseThrow().asJsonObject();
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

    /** Writes the settings row. */
    public static void save(SqlSession s, JsonObject settings) {
        String now = DateTimes.now();
        s.execute("INSERT INTO _params (id, value, created, updated) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT(id) DO UPDATE SET value = excluded.value, updated = excluded.updated",
                List.of("settings", Json.write(settings), now, now));
    }
}
