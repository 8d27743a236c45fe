package io.pb4j.core.security;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * PocketBase's {@code security.NewJWT} / {@code ParseJWT}: HS256 tokens with header {@code {"alg":"HS256","typ":"JWT"}}
 * and the claims plus {@code exp} in key order (as pb-auth signs them, so both verify each other's tokens). Record
 * tokens come from {@link io.pb4j.core.Record#newAuthToken()} and its siblings; this is for tokens of an app's own.
 * Thread-safe.
 *
 * <pre>{@code
 * String token = Jwt.sign(Map.of("orderId", order.id()), mySecret, Duration.ofMinutes(15));
 * String orderId = Jwt.verify(token, mySecret).map(c -> c.getString("orderId", "")).orElseThrow();
 * }</pre>
 */
public final class Jwt {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private static final String HEADER = Base64.getUrlEncoder().withoutPadding()
            .encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private Jwt() {
    }

    /** Signs {@code claims} (strings, booleans, numbers) plus {@code exp} = now + {@code ttl} with {@code secret}. */
    public static String sign(Map<String, Object> claims, String secret, Duration ttl) {
        if (secret.isEmpty()) {
            throw new IllegalStateException("missing or invalid signing key");
        }
        Map<String, Object> sorted = new TreeMap<>(claims);
        sorted.putIfAbsent("exp", Instant.now().plus(ttl).getEpochSecond());
        JsonObjectBuilder payload = JSON.createObjectBuilder();
        sorted.forEach((k, v) -> {
            switch (v) {
                case Boolean b -> payload.add(k, b);
                case Long l -> payload.add(k, l);
                case Integer i -> payload.add(k, i);
                case Number n -> payload.add(k, n.doubleValue());
                default -> payload.add(k, String.valueOf(v));
            }
        });
        String body = HEADER + "." + base64(payload.build().toString().getBytes(StandardCharsets.UTF_8));
        return body + "." + base64(hmac(secret, body));
    }

    /**
     * The claims of {@code token} when it is an HS256 token signed with {@code secret} whose {@code exp} (if any) has not
     * passed; empty otherwise (PocketBase's {@code ParseJWT}).
     */
    public static Optional<JsonObject> verify(String token, String secret) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || secret.isEmpty()) {
            return Optional.empty();
        }
        byte[] expected = hmac(secret, parts[0] + "." + parts[1]);
        byte[] actual;
        try {
            actual = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!java.security.MessageDigest.isEqual(expected, actual) || !header(parts[0]).equals("HS256")) {
            return Optional.empty();
        }
        return unverifiedClaims(token).filter(c -> !(c.get("exp") instanceof jakarta.json.JsonNumber exp)
                || exp.longValue() > Instant.now().getEpochSecond());
    }

    private static String header(String part) {
        try {
            String json = new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
            return JSON.createReader(new StringReader(json)).readObject().getString("alg", "");
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** The payload claims of a three-part token without verifying it; empty when it is not one. */
    public static Optional<JsonObject> unverifiedClaims(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            String json = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            return Optional.of(JSON.createReader(new StringReader(json)).readObject());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A string claim of an unverified token, {@code ""} when missing or not a string. */
    public static String claim(String token, String name) {
        return unverifiedClaims(token).map(c -> c.get(name) instanceof JsonString s ? s.getString() : "").orElse("");
    }

    private static byte[] hmac(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
