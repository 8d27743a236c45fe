package io.pb4j.core.internal.logs;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The {@code logs} settings as the logger reads them on every entry: {@code maxDays} (0 stores nothing),
 * {@code minLevel}, {@code logIP}, {@code logAuthId} and v0.40's {@code maxDataSize} (bytes of a stored entry's data;
 * 0 or absent means PocketBase's default of 16 KiB).
 */
public record LogSettings(int maxDays, int minLevel, boolean logIp, boolean logAuthId, int maxDataSize) {
    /** PocketBase v0.40's default cap of a stored entry's data. */
    public static final int DEFAULT_MAX_DATA_SIZE = 16 << 10;

    /** The last settings object read and its parsed form: settings change rarely, entries are many. */
    private static volatile Cached cached = new Cached(null, ofLogs(JsonValue.EMPTY_JSON_OBJECT));

    /** The logs settings of an app settings object, memoized on that object's identity. */
    public static LogSettings of(JsonObject settings) {
        Cached c = cached;
        if (c.source == settings) {
            return c.parsed;
        }
        LogSettings parsed = ofLogs(settings.get("logs") instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT);
        cached = new Cached(settings, parsed);
        return parsed;
    }

    /** Absent keys take PocketBase's defaults (5 days, INFO, IPs logged, auth ids not). */
    private static LogSettings ofLogs(JsonObject logs) {
        int maxDataSize = number(logs, "maxDataSize", 0);
        return new LogSettings(number(logs, "maxDays", 5), number(logs, "minLevel", 0),
                logs.getBoolean("logIP", true), logs.getBoolean("logAuthId", false),
                maxDataSize <= 0 ? DEFAULT_MAX_DATA_SIZE : maxDataSize);
    }

    private static int number(JsonObject o, String key, int fallback) {
        return o.get(key) instanceof JsonNumber n ? (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n.longValue())) : fallback;
    }

    /** Whether an entry at {@code level} is stored. */
    public boolean stores(int level) {
        return maxDays > 0 && level >= minLevel;
    }

    private record Cached(JsonObject source, LogSettings parsed) {
    }
}
