package io.pb4j.auth.internal.oauth2;

import io.pb4j.auth.spi.OAuth2Config;
import io.pb4j.auth.spi.OAuth2ProviderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Every OAuth2 provider on the module path, by registry name: the built-in ones and third-party plugin jars that
 * {@code provides io.pb4j.auth.spi.OAuth2ProviderFactory}. Two providers with the same name fail at start-up.
 */
public final class OAuth2Providers {
    private static final Map<String, OAuth2ProviderFactory> ALL = load();

    private OAuth2Providers() {
    }

    private static Map<String, OAuth2ProviderFactory> load() {
        Map<String, OAuth2ProviderFactory> byName = new TreeMap<>();
        for (OAuth2ProviderFactory f : ServiceLoader.load(OAuth2ProviderFactory.class, OAuth2Providers.class.getClassLoader())) {
            OAuth2ProviderFactory previous = byName.putIfAbsent(f.name(), f);
            if (previous != null) {
                throw new IllegalStateException("Two OAuth2 providers are named \"" + f.name() + "\": "
                        + previous.getClass().getName() + " and " + f.getClass().getName());
            }
        }
        return Map.copyOf(byName);
    }

    /** The provider registered under {@code name}. */
    public static Optional<OAuth2ProviderFactory> find(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    /** All providers, in their display order (then by name). */
    public static List<OAuth2ProviderFactory> all() {
        return ALL.values().stream()
                .sorted(Comparator.comparingInt(OAuth2ProviderFactory::order).thenComparing(OAuth2ProviderFactory::name))
                .toList();
    }

    /**
     * The configuration of one sign-in attempt: a collection's {@code oauth2.providers} entry over the factory's
     * defaults (an empty URL or display name keeps the default; {@code pkce} null keeps the default).
     */
    public static OAuth2Config config(OAuth2ProviderFactory factory, JsonObject entry, String redirectUrl) {
        JsonValue pkce = entry.get("pkce");
        return new OAuth2Config(
                text(entry, "clientId", ""),
                text(entry, "clientSecret", ""),
                redirectUrl,
                text(entry, "authURL", factory.authUrl()),
                text(entry, "tokenURL", factory.tokenUrl()),
                text(entry, "userInfoURL", factory.userInfoUrl()),
                text(entry, "displayName", factory.displayName()),
                pkce == JsonValue.TRUE || (pkce != JsonValue.FALSE && factory.pkce()),
                factory.defaultScopes(),
                entry.get("extra") instanceof JsonObject extra ? extra : JsonValue.EMPTY_JSON_OBJECT);
    }

    private static String text(JsonObject o, String key, String fallback) {
        return o.get(key) instanceof JsonString s && !s.getString().isEmpty() ? s.getString() : fallback;
    }
}
