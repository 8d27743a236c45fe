package io.pb4j.auth.internal;

import io.pb4j.core.ApiException;
import io.pb4j.core.ValidationError;
import io.pb4j.core.router.RequestEvent;
import io.pb4j.core.router.Router;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /api/settings/apple/generate-client-secret} (superusers): PocketBase's
 * {@code forms.AppleClientSecretCreate}. Answers {@code {"secret": <ES256 JWT>}} with header {@code alg, kid, typ} and
 * claims {@code iss} (team id), {@code sub} (client id), {@code aud} ({@code ["https://appleid.apple.com"]}),
 * {@code exp} and {@code iat}, signed with the submitted PKCS#8 P-256 key, as Sign in with Apple expects.
 */
final class AppleClientSecretApi {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private static final Pattern PRIVATE_KEY = Pattern.compile("(?m)-----BEGIN PRIVATE KEY----[\\s\\S]+-----END PRIVATE KEY-----");
    private static final Pattern PEM_BLOCK = Pattern.compile("-----BEGIN ([^-\\n]*)-----\\r?\\n([\\s\\S]*?)-----END \\1-----");
    private static final long MAX_DURATION = 15777000;

    private AppleClientSecretApi() {
    }

    static void bind(Router router) {
        router.post("/api/settings/apple/generate-client-secret", AppleClientSecretApi::generate).bind(SuperuserOnly.MIDDLEWARE);
    }

    private static void generate(RequestEvent e) {
        JsonObject form = AuthRequests.form(e);
        String clientId = AuthRequests.string(form, "clientId");
        String teamId = AuthRequests.string(form, "teamId");
        String keyId = AuthRequests.string(form, "keyId");
        String privateKey = AuthRequests.string(form, "privateKey");
        long duration = integer(form, "duration");
        Map<String, Object> errors = new TreeMap<>();
        required(clientId).ifPresent(err -> errors.put("clientId", err));
        required(teamId).or(() -> exactLength(teamId)).ifPresent(err -> errors.put("teamId", err));
        required(keyId).or(() -> exactLength(keyId)).ifPresent(err -> errors.put("keyId", err));
        required(privateKey).or(() -> PRIVATE_KEY.matcher(privateKey).find() ? Optional.empty()
                : Optional.of(new ValidationError("validation_match_invalid", "Must be in a valid format.")))
                .ifPresent(err -> errors.put("privateKey", err));
        durationError(duration).ifPresent(err -> errors.put("duration", err));
        if (!errors.isEmpty()) {
            throw ApiException.badRequest("Invalid client secret data.", errors);
        }
        String secret;
        try {
            secret = sign(parseKey(privateKey.strip()), clientId, teamId, keyId, duration, Instant.now());
        } catch (GeneralSecurityException | IllegalArgumentException ex) {
            throw ApiException.badRequest("Failed to generate client secret. Raw error: \n" + ex.getMessage());
        }
        e.json(200, JSON.createObjectBuilder().add("secret", secret).build());
    }

    /** The ES256 JWT, as golang-jwt writes it (header keys sorted, the JOSE R||S signature). */
    static String sign(ECPrivateKey key, String clientId, String teamId, String keyId, long duration, Instant now)
            throws GeneralSecurityException {
        if (key.getParams().getCurve().getField().getFieldSize() != 256) {
            throw new IllegalArgumentException("key is invalid");
        }
        String header = JSON.createObjectBuilder().add("alg", "ES256").add("kid", keyId).add("typ", "JWT").build().toString();
        String claims = JSON.createObjectBuilder().add("iss", teamId).add("sub", clientId)
                .add("aud", JSON.createArrayBuilder().add("https://appleid.apple.com"))
                .add("exp", now.getEpochSecond() + duration).add("iat", now.getEpochSecond()).build().toString();
        String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "." + base64Url(claims.getBytes(StandardCharsets.UTF_8));
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initSign(key);
        es256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + base64Url(es256.sign());
    }

    /** golang-jwt's {@code ParseECPrivateKeyFromPEM} for a PKCS#8 block. */
    private static ECPrivateKey parseKey(String pem) throws GeneralSecurityException {
        Matcher m = PEM_BLOCK.matcher(pem);
        byte[] der;
        try {
            if (!m.find()) {
                throw new IllegalArgumentException();
            }
            der = Base64.getMimeDecoder().decode(m.group(2).replaceAll("\\s", ""));
        } catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("invalid key: Key must be a PEM encoded PKCS1 or PKCS8 key");
        }
        PrivateKey key;
        try {
            key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException ex) {
            throw new IllegalArgumentException("key is not a valid ECDSA private key");
        }
        if (!(key instanceof ECPrivateKey ec)) {
            throw new IllegalArgumentException("key is not a valid ECDSA private key");
        }
        return ec;
    }

    private static Optional<ValidationError> required(String value) {
        return value.isEmpty() ? Optional.of(ValidationError.required()) : Optional.empty();
    }

    private static Optional<ValidationError> exactLength(String value) {
        return value.codePointCount(0, value.length()) == 10 ? Optional.empty()
                : Optional.of(new ValidationError("validation_length_invalid", "The length must be exactly 10.",
                        Map.of("min", 10, "max", 10)));
    }

    private static Optional<ValidationError> durationError(long duration) {
        if (duration == 0) {
            return Optional.of(ValidationError.required());
        }
        if (duration < 1) {
            return Optional.of(new ValidationError("validation_min_greater_equal_than_required", "Must be no less than 1.",
                    Map.of("threshold", 1)));
        }
        if (duration > MAX_DURATION) {
            return Optional.of(new ValidationError("validation_max_less_equal_than_required",
                    "Must be no greater than " + MAX_DURATION + ".", Map.of("threshold", MAX_DURATION)));
        }
        return Optional.empty();
    }

    /** A Go {@code int} form value: absent or null is 0, anything but an integral number cannot be loaded. */
    private static long integer(JsonObject form, String key) {
        JsonValue v = form.getOrDefault(key, JsonValue.NULL);
        if (v == JsonValue.NULL) {
            return 0;
        }
        if (v instanceof JsonNumber n && n.toString().matches("-?(0|[1-9][0-9]*)")) {
            try {
                return n.longValueExact();
            } catch (ArithmeticException ex) {
                // falls through to the loading error, as Go's decoder overflows
            }
        }
        throw ApiException.badRequest("An error occurred while loading the submitted data.");
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
