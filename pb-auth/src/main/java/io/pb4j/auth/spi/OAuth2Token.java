package io.pb4j.auth.spi;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;

/**
 * A token answered by a provider's token endpoint; {@code raw} is the whole JSON answer (providers that read the
 * user from an {@code id_token} find it there).
 */
public record OAuth2Token(String accessToken, String refreshToken, String tokenType, Optional<Instant> expiry,
                          JsonObject raw) {
}
