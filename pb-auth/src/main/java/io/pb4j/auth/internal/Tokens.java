package io.pb4j.auth.internal;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.Claim;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * PocketBase's JWTs: HS256 with header {@code {"alg":"HS256","typ":"JWT"}}, the caller's claims plus {@code exp}
 * (Unix seconds) and nothing else: no {@code iat}, {@code nbf}, {@code iss} or {@code sub}. Claims are written in
 * key order, as Go's JSON encoder writes PocketBase's claim maps.
 *
 * <p>The secret is the caller's business: PocketBase signs with {@code record.tokenKey} followed by the
 * collection's {@code <type>Token.secret} (see {@link TokenType#optionsKey()}), as UTF-8 bytes.
 *
 * <p>Thread-safe. Verifiers are cached per secret in a small bounded map, so repeated requests with the same
 * record's token do not rebuild them.
 */
public final class Tokens {
    private static final int MAX_CACHED_VERIFIERS = 1024;
    private static final Map<String, JWTVerifier> VERIFIERS = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /**
     * Signs {@code claims} plus {@code exp} = now + {@code ttl}. As in PocketBase, an {@code exp} among the claims
     * wins over the computed one. Claim values may be strings, booleans, numbers, lists and maps of those.
     */
    public static String sign(Map<String, Object> claims, String secret, Duration ttl) {
        return sign(claims, secret, Instant.now().plus(ttl));
    }

    /** {@link #sign(Map, String, Duration)} with a fixed expiry, to compare tokens byte for byte in tests. */
    static String sign(Map<String, Object> claims, String secret, Instant expiresAt) {
        requireSecret(secret);
        Map<String, Object> payload = new TreeMap<>();
        payload.put("exp", expiresAt.getEpochSecond());
        payload.putAll(claims);
        return JWT.create().withPayload(payload).sign(Algorithm.HMAC256(secret));
    }

    /**
     * The claims of a well-formed JWT without checking its signature or expiry: strings, booleans, {@code Long}
     * for integral numbers, {@code Double} otherwise, lists and maps. Claims whose value is JSON {@code null} are
     * left out. Empty when the token is not a three-part JWT with JSON header and payload.
     */
    public static Optional<Map<String, Object>> parseUnverified(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        try {
            Map<String, Claim> claims = JWT.decode(token).getClaims();
            Map<String, Object> plain = new TreeMap<>();
            for (Map.Entry<String, Claim> entry : claims.entrySet()) {
                Claim claim = entry.getValue();
                if (!claim.isNull() && !claim.isMissing()) {
                    plain.put(entry.getKey(), plainValue(claim.as(Object.class)));
                }
            }
            return Optional.of(Collections.unmodifiableMap(plain));
        } catch (JWTVerificationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether {@code token} is an HS256 JWT signed with {@code secret} and not expired (and, should it carry them,
     * whose {@code nbf} and {@code iat} are not in the future). Any other algorithm, {@code none} included, fails.
     * Like PocketBase, a token without {@code exp} is not rejected for that alone. Never throws.
     */
    public static boolean verify(String token, String secret) {
        if (token == null || token.isEmpty() || secret == null || secret.isEmpty()) {
            return false;
        }
        try {
            verifier(secret).verify(token);
            return true;
        } catch (JWTVerificationException | IllegalArgumentException e) {
            return false;
        }
    }

    private static JWTVerifier verifier(String secret) {
        JWTVerifier cached = VERIFIERS.get(secret);
        if (cached != null) {
            return cached;
        }
        if (VERIFIERS.size() >= MAX_CACHED_VERIFIERS) {
            // Crude but bounded; a verifier costs microseconds to rebuild, so losing the cache now and then is cheap.
            VERIFIERS.clear();
        }
        JWTVerifier verifier = JWT.require(Algorithm.HMAC256(secret)).build();
        VERIFIERS.put(secret, verifier);
        return verifier;
    }

    private static void requireSecret(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("a token secret must not be empty");
        }
    }

    /** Jackson's untyped values, with every integral number widened to Long and containers made read-only. */
    private static Object plainValue(Object value) {
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new TreeMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), plainValue(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(plainValue(v)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
