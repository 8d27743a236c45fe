package io.pb4j.auth.internal.oauth2.providers;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * An OpenID Connect {@code id_token} as PocketBase checks it (golang-jwt's validator): the time claims with a leeway
 * ({@code PB_ID_TOKEN_LEEWAY} seconds, default 5 minutes), an expected issuer and audience, and the signature against
 * a JSON Web Key Set (RSA keys: RS256/384/512 with java-jwt; Ed25519 keys: EdDSA).
 */
final class IdToken {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    /** The leeway for {@code exp}, {@code nbf} and {@code iat}. */
    static final Duration LEEWAY = leeway(System.getenv("PB_ID_TOKEN_LEEWAY"));

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final byte[] ED25519_X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final String token;
    private final JsonObject header;
    private final JsonObject claims;

    private IdToken(String token, JsonObject header, JsonObject claims) {
        this.token = token;
        this.header = header;
        this.claims = claims;
    }

    /** Decodes a compact JWT without checking anything yet. */
    static IdToken decode(String token) throws IOException {
        if (token.isEmpty()) {
            throw new IOException("empty id_token");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new IOException("the id_token is not a JWT");
        }
        return new IdToken(token, part(parts[0]), part(parts[1]));
    }

    /** The {@code id_token} of a token answer, or "" when there is none. */
    static String of(JsonObject tokenAnswer) {
        return tokenAnswer.get("id_token") instanceof JsonString s ? s.getString() : "";
    }

    JsonObject claims() {
        return claims;
    }

    /**
     * Checks the time claims (with {@link #LEEWAY}; {@code iat} must not be in the future), and, when given, the issuer
     * and that the audience contains {@code audience}.
     */
    IdToken validate(boolean expiryRequired, Optional<String> issuer, Optional<String> audience) throws IOException {
        checkTimes(LEEWAY, expiryRequired, true);
        if (issuer.isPresent() && !issuer.get().equals(JsonPath.str(claims, "iss"))) {
            throw new IOException("token has invalid issuer");
        }
        if (audience.isPresent() && !audiences().contains(audience.get())) {
            throw new IOException("token has invalid audience");
        }
        return this;
    }

    /** The issuer must be one of {@code issuers} (when there are any). */
    IdToken requireIssuer(List<String> issuers) throws IOException {
        if (!issuers.isEmpty() && !issuers.contains(JsonPath.str(claims, "iss"))) {
            throw new IOException("iss must be one of " + issuers + ", got " + claims.get("iss"));
        }
        return this;
    }

    /**
     * Verifies the signature with the key of the token's {@code kid} in the key set at {@code jwksUrl} (whose
     * {@code alg} the token must use); as golang-jwt's parser, then checks {@code exp} and {@code nbf} without leeway.
     */
    IdToken verifySignature(String jwksUrl) throws IOException {
        String kid = JsonPath.str(header, "kid");
        if (kid.isEmpty()) {
            throw new IOException("id_token validation failed: missing kid header value");
        }
        JsonObject key = fetchKey(jwksUrl, kid);
        String alg = JsonPath.str(key, "alg");
        if (!alg.equals(JsonPath.str(header, "alg"))) {
            throw new IOException("id_token validation failed: signing method " + JsonPath.str(header, "alg")
                    + " is invalid");
        }
        try {
            if (!verifies(alg, publicKey(key))) {
                throw new IOException("id_token validation failed: token signature is invalid");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("id_token validation failed: " + e.getMessage(), e);
        }
        checkTimes(Duration.ZERO, false, false);
        return this;
    }

    private boolean verifies(String alg, PublicKey key) throws GeneralSecurityException {
        if (alg.equals("EdDSA")) {
            int dot = token.lastIndexOf('.');
            Signature ed = Signature.getInstance("Ed25519");
            ed.initVerify(key);
            ed.update(token.substring(0, dot).getBytes(StandardCharsets.US_ASCII));
            return ed.verify(Base64.getUrlDecoder().decode(token.substring(dot + 1)));
        }
        if (!(key instanceof RSAPublicKey rsa)) {
            throw new GeneralSecurityException("the key of kid " + JsonPath.str(header, "kid") + " does not fit " + alg);
        }
        Algorithm algorithm = switch (alg) {
            case "RS256" -> Algorithm.RSA256(rsa, null);
            case "RS384" -> Algorithm.RSA384(rsa, null);
            case "RS512" -> Algorithm.RSA512(rsa, null);
            default -> throw new GeneralSecurityException("unsupported signing method " + alg);
        };
        try {
            algorithm.verify(JWT.decode(token));
            return true;
        } catch (JWTVerificationException e) {
            return false;
        }
    }

    private void checkTimes(Duration leeway, boolean expiryRequired, boolean checkIssuedAt) throws IOException {
        Instant now = Instant.now();
        Optional<Instant> exp = time("exp");
        if (exp.isEmpty() && expiryRequired) {
            throw new IOException("token is missing required claim: exp claim is required");
        }
        if (exp.isPresent() && !now.isBefore(exp.get().plus(leeway))) {
            throw new IOException("token has invalid claims: token is expired");
        }
        if (checkIssuedAt && time("iat").filter(iat -> now.isBefore(iat.minus(leeway))).isPresent()) {
            throw new IOException("token has invalid claims: token used before issued");
        }
        if (time("nbf").filter(nbf -> now.isBefore(nbf.minus(leeway))).isPresent()) {
            throw new IOException("token has invalid claims: token is not valid yet");
        }
    }

    private Optional<Instant> time(String claim) throws IOException {
        JsonValue v = claims.get(claim);
        if (v == null || v == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(v instanceof JsonNumber n)) {
            throw new IOException("token is malformed: invalid type for claim " + claim);
        }
        BigDecimal seconds = n.bigDecimalValue();
        return Optional.of(Instant.ofEpochSecond(seconds.longValue(),
                seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue()));
    }

    private List<String> audiences() {
        JsonValue aud = claims.get("aud");
        if (aud instanceof JsonString s) {
            return List.of(s.getString());
        }
        return JsonPath.strings(claims, "aud");
    }

    private static JsonObject fetchKey(String jwksUrl, String kid) throws IOException {
        HttpResponse<String> res;
        try {
            res = HTTP.send(HttpRequest.newBuilder(URI.create(jwksUrl)).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        if (res.statusCode() >= 400) {
            throw new IOException("id_token validation failed: failed to fetch JSON Web Key Set from " + jwksUrl
                    + " (" + res.statusCode() + "):\n" + res.body());
        }
        JsonObject set;
        try (var reader = JSON.createReader(new StringReader(res.body()))) {
            set = reader.readObject();
        } catch (RuntimeException e) {
            throw new IOException("id_token validation failed: invalid JSON Web Key Set from " + jwksUrl, e);
        }
        for (JsonObject key : JsonPath.objects(set, "keys")) {
            if (kid.equals(JsonPath.str(key, "kid")) && !JsonPath.str(key, "alg").isEmpty()) {
                return key;
            }
        }
        throw new IOException("id_token validation failed: missing JWK with kid \"" + kid + "\" and non-empty alg");
    }

    private static PublicKey publicKey(JsonObject jwk) throws GeneralSecurityException {
        String kty = JsonPath.str(jwk, "kty");
        switch (kty) {
            case "RSA" -> {
                return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                        unsigned(JsonPath.str(jwk, "n")), unsigned(JsonPath.str(jwk, "e"))));
            }
            case "OKP" -> {
                if (!"Ed25519".equals(JsonPath.str(jwk, "crv"))) {
                    throw new GeneralSecurityException("unsupported OKP curve (must be Ed25519): "
                            + JsonPath.str(jwk, "crv"));
                }
                byte[] x = base64Url(JsonPath.str(jwk, "x"));
                if (x.length != 32) {
                    throw new GeneralSecurityException("invalid Ed25519 key length: " + x.length);
                }
                byte[] der = new byte[ED25519_X509_PREFIX.length + x.length];
                System.arraycopy(ED25519_X509_PREFIX, 0, der, 0, ED25519_X509_PREFIX.length);
                System.arraycopy(x, 0, der, ED25519_X509_PREFIX.length, x.length);
                return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
            }
            default -> throw new GeneralSecurityException("unsupported kty (must be RSA or OKP): " + kty);
        }
    }

    private static BigInteger unsigned(String base64Url) {
        return new BigInteger(1, base64Url(base64Url));
    }

    private static byte[] base64Url(String s) {
        return Base64.getUrlDecoder().decode(s.replaceAll("=+$", ""));
    }

    private static JsonObject part(String base64Url) throws IOException {
        try (var reader = JSON.createReader(new StringReader(new String(base64Url(base64Url), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new IOException("the id_token is not a JWT", e);
        }
    }

    static Duration leeway(String seconds) {
        if (seconds != null && !seconds.isEmpty()) {
            try {
                return Duration.ofSeconds(Integer.parseInt(seconds));
            } catch (NumberFormatException ignored) {
                // PocketBase keeps the default for an unparsable value
            }
        }
        return Duration.ofMinutes(5);
    }
}
