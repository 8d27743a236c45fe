package io.pb4j.auth.internal;

import java.time.Duration;
import java.util.Optional;

/**
 * The kinds of token PocketBase issues. Each has its {@code type} claim value and the key of the auth collection
 * option ({@code {"secret": ..., "duration": ...}}) that supplies its signing secret and lifetime.
 */
public enum TokenType {
    AUTH("auth", "authToken", Duration.ofSeconds(432_000)),
    FILE("file", "fileToken", Duration.ofSeconds(180)),
    VERIFICATION("verification", "verificationToken", Duration.ofSeconds(86_400)),
    PASSWORD_RESET("passwordReset", "passwordResetToken", Duration.ofSeconds(1_800)),
    EMAIL_CHANGE("emailChange", "emailChangeToken", Duration.ofSeconds(1_800));

    private final String claim;
    private final String optionsKey;
    private final Duration defaultDuration;

    TokenType(String claim, String optionsKey, Duration defaultDuration) {
        this.claim = claim;
        this.optionsKey = optionsKey;
        this.defaultDuration = defaultDuration;
    }

    /** The value of the {@code type} claim ({@code "passwordReset"}). */
    public String claim() {
        return claim;
    }

    /** The collection options key holding this type's secret and duration ({@code "passwordResetToken"}). */
    public String optionsKey() {
        return optionsKey;
    }

    /** The duration a new auth collection gets ({@code _superusers} overrides the auth token's to 1 day). */
    public Duration defaultDuration() {
        return defaultDuration;
    }

    /** The type whose claim value is exactly {@code claim}; empty for anything else. */
    public static Optional<TokenType> fromClaim(String claim) {
        for (TokenType type : values()) {
            if (type.claim.equals(claim)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
