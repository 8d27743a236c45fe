package io.pb4j.core.internal.settings;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Settings as JSON objects of PocketBase's shape ({@link SettingsShape}): the defaults, the decoding of a stored row
 * or a request body onto settings, and the two ways Go writes them (to clients without secrets, to the database
 * without empty S3 secrets).
 */
public final class SettingsJson {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private static final JsonObject DEFAULTS = (JsonObject) SettingsShape.SETTINGS.decode(SettingsShape.SETTINGS.zero(),
            io.pb4j.core.StrictJson.parse("""
                    {"superuserIPs":[],\
                    "smtp":{"enabled":false,"port":587,"host":"smtp.example.com","username":"","password":"","authMethod":"","tls":false,"localName":""},\
                    "backups":{"cron":"","cronMaxKeep":3,"s3":{"enabled":false,"bucket":"","region":"","endpoint":"","accessKey":"","forcePathStyle":false}},\
                    "s3":{"enabled":false,"bucket":"","region":"","endpoint":"","accessKey":"","forcePathStyle":false},\
                    "meta":{"accentColor":"#1055c9","appName":"Acme","appURL":"http://localhost:8090","senderName":"Support","senderAddress":"support@example.com","hideControls":false},\
                    "rateLimits":{"rules":[{"label":"*:auth","audience":"","duration":3,"maxRequests":2},{"label":"*:create","audience":"","duration":5,"maxRequests":20},\
                    {"label":"/api/batch","audience":"","duration":1,"maxRequests":3},{"label":"/api/","audience":"","duration":10,"maxRequests":300}],"excludedIPs":[],"enabled":false},\
                    "trustedProxy":{"headers":[],"useLeftmostIP":false},\
                    "batch":{"enabled":false,"maxRequests":50,"timeout":3,"maxBodySize":0},\
                    "logs":{"maxDays":5,"minLevel":0,"logIP":true,"logAuthId":false,"maxDataSize":16384}}""").orElseThrow());

    private SettingsJson() {
    }

    /** PocketBase's {@code newDefaultSettings()}, every key present (secrets empty). */
    public static JsonObject defaults() {
        return DEFAULTS;
    }

    /** A stored settings object decoded onto the defaults, as PocketBase loads its row into fresh settings. */
    public static JsonObject normalize(JsonValue stored) {
        try {
            return merge(DEFAULTS, stored);
        } catch (SettingsShape.DecodeException e) {
            throw new IllegalStateException("invalid settings db data: " + e.getMessage(), e);
        }
    }

    /**
     * {@code patch} decoded onto {@code current} as Go's {@code json.Unmarshal} into the settings struct.
     *
     * @throws IllegalArgumentException when a value has the wrong type (PocketBase's body loading error)
     */
    public static JsonObject merge(JsonObject current, JsonValue patch) {
        try {
            return (JsonObject) SettingsShape.SETTINGS.decode(current, patch);
        } catch (SettingsShape.DecodeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** What clients see (PocketBase's {@code Settings.MarshalJSON}): no SMTP password, no S3 secrets. */
    public static JsonObject hidden(JsonObject settings) {
        return JSON.createObjectBuilder(settings)
                .add("smtp", without(settings.getJsonObject("smtp"), "password"))
                .add("s3", without(settings.getJsonObject("s3"), "secret"))
                .add("backups", JSON.createObjectBuilder(settings.getJsonObject("backups"))
                        .add("s3", without(settings.getJsonObject("backups").getJsonObject("s3"), "secret")))
                .build();
    }

    /** What the database row holds ({@code DBExport}): the SMTP password always, S3 secrets only when set. */
    public static JsonObject stored(JsonObject settings) {
        JsonObject s3 = settings.getJsonObject("s3");
        JsonObject backups = settings.getJsonObject("backups");
        if (s3 == null || backups == null || backups.getJsonObject("s3") == null) {
            return settings;
        }
        return JSON.createObjectBuilder(settings)
                .add("s3", withoutEmpty(s3, "secret"))
                .add("backups", JSON.createObjectBuilder(backups).add("s3", withoutEmpty(backups.getJsonObject("s3"), "secret")))
                .build();
    }

    private static JsonObject without(JsonObject o, String key) {
        return JSON.createObjectBuilder(o).remove(key).build();
    }

    private static JsonObject withoutEmpty(JsonObject o, String key) {
        return "".equals(o.getString(key, "")) ? without(o, key) : o;
    }
}
