package io.pb4j.core.internal;

import io.pb4j.core.DateTimes;
import io.pb4j.core.internal.settings.SettingsCipher;
import io.pb4j.core.internal.settings.SettingsJson;
import io.pb4j.core.spi.SqlSession;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code settings} row of {@code _params}, with PocketBase's defaults for a fresh data dir. The value is the
 * settings JSON as bytes (a BLOB), or with an encryption key the text of {@link SettingsCipher}, as PocketBase's
 * {@code Settings.DBExport} and {@code loadParam} do.
 */
public final class Settings {
    private Settings() {
    }

    /** PocketBase's default settings (v0.39), with every key of the settings struct. */
    public static JsonObject defaults() {
        return SettingsJson.defaults();
    }

    /** The stored settings read as plain JSON (no encryption key). */
    static JsonObject load(SqlSession s) {
        return load(s, Optional.empty());
    }

    /**
     * The stored settings decoded onto the defaults; the defaults when there is no row. A value that is not JSON is
     * decrypted with {@code cipher} first (PocketBase tries plain JSON first, too).
     *
     * @throws IllegalStateException when the value is neither JSON nor decryptable with the key
     */
    public static JsonObject load(SqlSession s, Optional<SettingsCipher> cipher) {
        Optional<String> text = storedText(s);
        if (text.isEmpty()) {
            return defaults();
        }
        Optional<JsonValue> plain = Json.parse(text.get()).filter(v -> v instanceof JsonObject);
        if (plain.isPresent()) {
            return SettingsJson.normalize(plain.get());
        }
        if (cipher.isEmpty()) {
            throw new IllegalStateException("invalid settings db data or missing encryption key");
        }
        String decrypted = new String(cipher.get().decrypt(text.get()), StandardCharsets.UTF_8);
        return SettingsJson.normalize(Json.parse(decrypted).filter(v -> v instanceof JsonObject)
                .orElseThrow(() -> new IllegalStateException("the decrypted settings are not a JSON object")));
    }

    /** True when the row holds plain JSON (or is missing). */
    public static boolean isPlain(SqlSession s) {
        return storedText(s).map(t -> Json.parse(t).isPresent()).orElse(true);
    }

    private static Optional<String> storedText(SqlSession s) {
        List<Map<String, Object>> rows = s.query("SELECT value FROM _params WHERE id = ?", List.of("settings"));
        if (rows.isEmpty() || rows.get(0).get("value") == null) {
            return Optional.empty();
        }
        Object value = rows.get(0).get("value");
        return Optional.of(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value));
    }

    /** Writes the settings in plain JSON. */
    public static void save(SqlSession s, JsonObject settings) {
        save(s, settings, Optional.empty());
    }

    /**
     * Writes the settings row as PocketBase does: the JSON (empty S3 secrets left out, their {@code omitempty}) as bytes,
     * or encrypted to text with {@code cipher}; {@code created} set only when the row is new.
     */
    public static void save(SqlSession s, JsonObject settings, Optional<SettingsCipher> cipher) {
        String now = DateTimes.now();
        byte[] json = Json.write(SettingsJson.stored(settings)).getBytes(StandardCharsets.UTF_8);
        Object value = cipher.<Object>map(c -> c.encrypt(json)).orElse(json);
        s.execute("INSERT INTO _params (id, value, created, updated) VALUES (?, ?, ?, ?) "
                + "ON CONFLICT(id) DO UPDATE SET value = excluded.value, updated = excluded.updated",
                List.of("settings", value, now, now));
    }
}
