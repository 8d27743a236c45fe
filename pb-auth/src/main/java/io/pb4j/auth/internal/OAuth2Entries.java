package io.pb4j.auth.internal;

import io.pb4j.core.Collection;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/** An auth collection's {@code oauth2.providers} entries, as PocketBase's {@code OAuth2Config} reads them. */
final class OAuth2Entries {
    private OAuth2Entries() {
    }

    /** Every entry in stored order (objects only). */
    static List<JsonObject> all(Collection c) {
        return c.authOptions().oauth2().providers();
    }

    /** The first entry named {@code name} ({@code GetProviderConfig}). */
    static Optional<JsonObject> find(Collection c, String name) {
        return all(c).stream().filter(p -> name.equals(p.getString("name", ""))).findFirst();
    }
}
