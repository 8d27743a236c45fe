package io.pb4j.auth.internal;

import io.pb4j.core.Collection;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;

/** An auth collection's {@code oauth2.providers} entries, as PocketBase's {@code OAuth2Config} reads them. */
final class OAuth2Entries {
    private OAuth2Entries() {
    }

    /** Every entry in stored order (objects only). */
    static List<JsonObject> all(Collection c) {
        JsonObject oauth2 = c.options().get("oauth2") instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        if (!(oauth2.get("providers") instanceof JsonArray providers)) {
            return List.of();
        }
        return providers.stream().filter(v -> v instanceof JsonObject).map(JsonValue::asJsonObject).toList();
    }

    /** The first entry named {@code name} ({@code GetProviderConfig}). */
    static Optional<JsonObject> find(Collection c, String name) {
        return all(c).stream().filter(p -> name.equals(p.getString("name", ""))).findFirst();
    }
}
