package io.pb4j.auth.internal;

import io.pb4j.core.StrictJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The names Apple sends only once, as the {@code user} form field of the first form_post to
 * {@code /api/oauth2-redirect}, kept for a minute under the authorization code so that the SDK's following
 * {@code auth-with-oauth2} call can fill the account's empty name (PocketBase's {@code @redirect_name_<code>} store
 * entries). Thread-safe; expired entries are dropped on every store.
 */
final class AppleNames {
    static final Duration TTL = Duration.ofMinutes(1);
    private static final int MAX_KEY_LENGTH = 1000;
    private static final int MAX_NAME_BYTES = 150;
    private static final String KEY_PREFIX = "@redirect_name_";

    private record Entry(String name, long expiresAt) {
    }

    private final Map<String, Entry> names = new ConcurrentHashMap<>();

    /**
     * Keeps the name in {@code userJson} ({@code {"name":{"firstName","lastName"}}}) for {@code code}: first and last
     * name joined by a space, cut to 150 bytes, trimmed. Nothing is kept for a key longer than 1000 characters, JSON
     * that does not parse, or a blank name.
     */
    void store(String code, String userJson) {
        String key = KEY_PREFIX + code;
        if (userJson.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            return;
        }
        Optional<JsonObject> user = StrictJson.parse(userJson).filter(v -> v instanceof JsonObject).map(JsonObject.class::cast);
        if (user.isEmpty()) {
            return;
        }
        JsonObject name = user.get().get("name") instanceof JsonObject n ? n : JsonValue.EMPTY_JSON_OBJECT;
        String full = text(name, "firstName") + " " + text(name, "lastName");
        full = cut(full).strip();
        if (full.isEmpty()) {
            return;
        }
        long now = System.nanoTime();
        names.values().removeIf(e -> e.expiresAt() - now <= 0);
        names.put(key, new Entry(full, now + TTL.toNanos()));
    }

    /** Removes and returns the name kept for {@code code}, if it has not expired. */
    Optional<String> take(String code) {
        Entry e = names.remove(KEY_PREFIX + code);
        return e == null || e.expiresAt() - System.nanoTime() <= 0 ? Optional.empty() : Optional.of(e.name());
    }

    /** Whether a name is kept for {@code code} (tests). */
    boolean has(String code) {
        return names.containsKey(KEY_PREFIX + code);
    }

    private static String text(JsonObject o, String key) {
        return o.get(key) instanceof JsonString s ? s.getString() : "";
    }

    /** The first 150 UTF-8 bytes, as Go slices a string (a character cut in two becomes U+FFFD). */
    private static String cut(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_NAME_BYTES) {
            return s;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes, 0, MAX_NAME_BYTES)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
