package io.pb4j.core;

import io.pb4j.core.internal.settings.SettingsJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * PocketBase's settings ({@code core.Settings}) as JSON objects: every key of the settings struct in Go's order
 * ({@code superuserIPs}, {@code smtp}, {@code backups}, {@code s3}, {@code meta}, {@code rateLimits},
 * {@code trustedProxy}, {@code batch}, {@code logs}). {@link PocketBase#settings()} holds the current ones, secrets
 * included; {@link PocketBase#saveSettings} changes them.
 */
public final class Settings {
    private Settings() {
    }

    /** PocketBase's defaults for a fresh data dir. */
    public static JsonObject defaults() {
        return SettingsJson.defaults();
    }

    /**
     * {@code body} decoded onto {@code current} as PocketBase binds a {@code PATCH /api/settings} body (Go's
     * {@code json.Unmarshal} into the settings struct): unknown keys are ignored, keys match case-insensitively,
     * {@code null} keeps a value (and empties a list), list items decode onto the item at the same index.
     *
     * @throws IllegalArgumentException when a value has the wrong type (PocketBase's 400 loading error)
     */
    public static JsonObject merge(JsonObject current, JsonValue body) {
        return SettingsJson.merge(current, body);
    }

    /** The settings as PocketBase answers them: without {@code smtp.password}, {@code s3.secret}, {@code backups.s3.secret}. */
    public static JsonObject withoutSecrets(JsonObject settings) {
        return SettingsJson.hidden(settings);
    }
}
