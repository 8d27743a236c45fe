package io.pb4j.core;

import io.pb4j.core.security.Jwt;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * PocketBase's {@code core/record_tokens.go}: the tokens of an auth record, signed with the record's
 * {@code tokenKey} followed by the collection's secret of that token kind, valid for the collection's duration.
 */
final class RecordTokens {
    private RecordTokens() {
    }

    static String auth(Record r, Duration duration, boolean refreshable) {
        Map<String, Object> claims = base(r, "auth");
        claims.put("refreshable", refreshable);
        Duration ttl = duration.isZero() || duration.isNegative() ? duration(r, "authToken") : duration;
        return Jwt.sign(claims, secret(r, "authToken"), ttl);
    }

    static String withEmail(Record r, String type, String optionsKey) {
        Map<String, Object> claims = base(r, type);
        claims.put("email", r.email());
        return Jwt.sign(claims, secret(r, optionsKey), duration(r, optionsKey));
    }

    static String emailChange(Record r, String newEmail) {
        Map<String, Object> claims = base(r, "emailChange");
        claims.put("email", r.email());
        claims.put("newEmail", newEmail);
        return Jwt.sign(claims, secret(r, "emailChangeToken"), duration(r, "emailChangeToken"));
    }

    static String file(Record r) {
        return Jwt.sign(base(r, "file"), secret(r, "fileToken"), duration(r, "fileToken"));
    }

    private static Map<String, Object> base(Record r, String type) {
        if (!r.collection().isAuth()) {
            throw new IllegalStateException("not an auth collection record");
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("type", type);
        claims.put("id", r.id());
        claims.put("collectionId", r.collection().id());
        return claims;
    }

    private static String secret(Record r, String optionsKey) {
        JsonObject options = r.collection().options().getJsonObject(optionsKey);
        return r.tokenKey() + (options == null ? "" : options.getString("secret", ""));
    }

    private static Duration duration(Record r, String optionsKey) {
        JsonObject options = r.collection().options().getJsonObject(optionsKey);
        return Duration.ofSeconds(options != null && options.get("duration") instanceof JsonNumber n ? n.longValue() : 0);
    }
}
