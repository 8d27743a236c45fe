package io.pb4j.auth.spi;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/**
 * PocketBase's normalized OAuth2 account ({@code meta} of an OAuth2 auth response). {@code id} is stable per provider
 * account; {@code email} is set only when the provider vouches that it is verified; {@code rawUser} is the provider's
 * decoded payload. Empty strings, never null.
 */
public record AuthUser(String id, String name, String username, String email, String avatarUrl, String accessToken,
                       String refreshToken, Optional<Instant> expiry, JsonObject rawUser) {
}
