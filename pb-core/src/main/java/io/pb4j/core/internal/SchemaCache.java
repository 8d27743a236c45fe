package io.pb4j.core.internal;

import io.pb4j.core.Collection;
import io.pb4j.core.spi.SqlSession;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An immutable snapshot of the collections and settings, swapped whenever either changes. */
public record SchemaCache(List<Collection> collections, Map<String, Collection> byId, Map<String, Collection> byLowerName,
                          JsonObject settings) {
    public SchemaCache {
        collections = List.copyOf(collections);
        byId = Map.copyOf(byId);
        byLowerName = Map.copyOf(byLowerName);
    }

    public static SchemaCache load(SqlSession s) {
        return load(s, java.util.Optional.empty());
    }

    /** Collections and settings, the settings decrypted with {@code cipher} when they are stored encrypted. */
    public static SchemaCache load(SqlSession s, java.util.Optional<io.pb4j.core.internal.settings.SettingsCipher> cipher) {
        List<Collection> all = new ArrayList<>();
        Map<String, Collection> ids = new HashMap<>();
        Map<String, Collection> names = new HashMap<>();
        for (Map<String, Object> row : s.query("SELECT * FROM _collections ORDER BY rowid", List.of())) {
            Collection c = CollectionCodec.fromRow(row);
            all.add(c);
            ids.put(c.id(), c);
            names.put(c.name().toLowerCase(Locale.ROOT), c);
        }
        return new SchemaCache(all, ids, names, Settings.load(s, cipher));
    }

    /** By id (exact) first, then by name (case-insensitive). */
    public Optional<Collection> find(String idOrName) {
        Collection c = byId.get(idOrName);
        if (c == null) {
            c = byLowerName.get(idOrName.toLowerCase(Locale.ROOT));
        }
        return Optional.ofNullable(c);
    }
}
