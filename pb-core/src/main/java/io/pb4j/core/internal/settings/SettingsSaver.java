package io.pb4j.core.internal.settings;

import io.pb4j.core.ValidationException;
import io.pb4j.core.internal.SettingsRow;
import io.pb4j.core.spi.SqlSession;
import io.pb4j.core.spi.Store;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes the settings row: decoded onto the stored settings, validated, encrypted when a key is set. */
public final class SettingsSaver {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private SettingsSaver() {
    }

    /** In the caller's transaction; nothing is written when validation fails. */
    public static void save(SqlSession s, JsonObject patch, boolean validate, Optional<SettingsCipher> cipher) {
        JsonObject merged = SettingsJson.merge(SettingsRow.load(s, cipher), patch);
        if (validate) {
            Map<String, Object> errors = SettingsValidator.validate(merged);
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
        }
        SettingsRow.save(s, merged, cipher);
    }

    /** With a key, a plain (or missing) row is written encrypted, so the data dir holds no plain settings. */
    public static void encryptIfPlain(Store store, Optional<SettingsCipher> cipher) {
        if (cipher.isPresent()) {
            store.write(s -> {
                if (SettingsRow.isPlain(s)) {
                    SettingsRow.save(s, SettingsRow.load(s, Optional.empty()), cipher);
                }
                return null;
            });
        }
    }

    /**
     * Keeps the rate-limit rules pointing at renamed collections, as PocketBase does after a collection update: every
     * label {@code "<old name>:<tag>"} becomes {@code "<new name>:<tag>"}. {@code before} maps collection ids to their
     * names before the change. In the caller's transaction.
     */
    public static void followRenames(SqlSession s, Map<String, String> before, Optional<SettingsCipher> cipher) {
        JsonObject settings = null;
        for (Map<String, Object> row : s.query("SELECT id, name FROM _collections", List.of())) {
            String oldName = before.get(String.valueOf(row.get("id")));
            String newName = String.valueOf(row.get("name"));
            if (oldName != null && !oldName.equals(newName)) {
                settings = settings == null ? SettingsRow.load(s, cipher) : settings;
                settings = renamed(settings, oldName, newName);
            }
        }
        if (settings != null) {
            SettingsRow.save(s, settings, cipher);
        }
    }

    private static JsonObject renamed(JsonObject settings, String oldName, String newName) {
        JsonObject limits = settings.getJsonObject("rateLimits");
        JsonArrayBuilder rules = JSON.createArrayBuilder();
        for (JsonValue v : limits.getJsonArray("rules")) {
            JsonObject rule = v.asJsonObject();
            String label = rule.getString("label", "");
            rules.add(label.startsWith(oldName + ":")
                    ? JSON.createObjectBuilder(rule).add("label", newName + ":" + label.substring(oldName.length() + 1)).build()
                    : rule);
        }
        return JSON.createObjectBuilder(settings).add("rateLimits", JSON.createObjectBuilder(limits).add("rules", rules)).build();
    }
}
