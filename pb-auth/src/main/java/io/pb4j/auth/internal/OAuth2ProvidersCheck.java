package io.pb4j.auth.internal;

import io.pb4j.auth.internal.oauth2.OAuth2Providers;
import io.pb4j.core.Collection;
import io.pb4j.core.ValidationError;
import io.pb4j.core.spi.CollectionCheck;
import jakarta.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PocketBase's validation of an auth collection's enabled {@code oauth2.providers}: no provider twice, and every
 * entry names a provider on the module path ({@code validation_missing_provider}). Runs on every collection save.
 */
public final class OAuth2ProvidersCheck implements CollectionCheck {
    @Override
    public Map<String, Object> errors(Collection c) {
        if (!c.isAuth() || !c.authOptions().oauth2().enabled()) {
            return Map.of();
        }
        List<JsonObject> entries = OAuth2Entries.all(c);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String name = entries.get(i).getString("name", "");
            if (!name.isEmpty() && !seen.add(name)) {
                return at(i, new ValidationError("validation_duplicated_provider",
                        "The provider " + name + " is already registered.", Map.of("name", name)));
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            String name = entries.get(i).getString("name", "");
            if (name.isEmpty()) {
                return at(i, ValidationError.required());
            }
            if (OAuth2Providers.find(name).isEmpty()) {
                return at(i, new ValidationError("validation_missing_provider",
                        "Invalid or missing provider with name " + name + ".", Map.of("name", name)));
            }
        }
        return Map.of();
    }

    private static Map<String, Object> at(int index, ValidationError nameError) {
        return Map.of("oauth2", Map.of("providers", Map.of(String.valueOf(index), Map.of("name", nameError))));
    }
}
