package io.pb4j.auth.internal;

import io.pb4j.core.Collection;
import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Issues and resolves PocketBase's record tokens (secret = record tokenKey + collection token secret). */
final class AuthTokens {
    private AuthTokens() {
    }

    static String newAuthToken(Record record, boolean refreshable) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("id", record.id());
        claims.put("type", TokenType.AUTH.claim());
        claims.put("collectionId", record.collection().id());
        claims.put("refreshable", refreshable);
        Duration duration = record.collection().authOptions().token(TokenType.AUTH.optionsKey()).duration()
                .orElse(TokenType.AUTH.defaultDuration());
        return Tokens.sign(claims, secret(record, TokenType.AUTH), duration);
    }

    /**
     * A token of {@code type} for {@code record}: PocketBase's {@code id}, {@code type} and {@code collectionId} claims
     * plus {@code extra} (e.g. {@code email}, {@code newEmail}), signed with the type's secret and duration.
     */
    static String newRecordToken(Record record, TokenType type, Map<String, Object> extra) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("id", record.id());
        claims.put("type", type.claim());
        claims.put("collectionId", record.collection().id());
        claims.putAll(extra);
        Duration duration = record.collection().authOptions().token(type.optionsKey()).duration().orElse(type.defaultDuration());
        return Tokens.sign(claims, secret(record, type), duration);
    }

    /** The record a token of the given type belongs to, when the token verifies. */
    static Optional<Record> verify(PocketBase app, String token, TokenType type) {
        Optional<Map<String, Object>> claims = Tokens.parseUnverified(token);
        if (claims.isEmpty() || !type.claim().equals(claims.get().get("type"))) {
            return Optional.empty();
        }
        Object id = claims.get().get("id");
        Object collectionId = claims.get().get("collectionId");
        if (!(id instanceof String recordId) || !(collectionId instanceof String cid) || recordId.isEmpty()) {
            return Optional.empty();
        }
        Optional<Collection> collection = app.findCollection(cid).filter(c -> c.id().equals(cid) && c.isAuth());
        if (collection.isEmpty()) {
            return Optional.empty();
        }
        return app.findRecordById(collection.get(), recordId).filter(r -> Tokens.verify(token, secret(r, type)));
    }

    static boolean refreshable(String token) {
        return Tokens.parseUnverified(token).map(c -> Boolean.TRUE.equals(c.get("refreshable"))).orElse(false);
    }

    /**
     * A non-refreshable ("static") auth token, as impersonation issues: {@code duration} 0 or less means the
     * collection's {@code authToken.duration}.
     */
    static String newStaticAuthToken(Record record, Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return newAuthToken(record, false);
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("id", record.id());
        claims.put("type", TokenType.AUTH.claim());
        claims.put("collectionId", record.collection().id());
        claims.put("refreshable", false);
        return Tokens.sign(claims, secret(record, TokenType.AUTH), duration);
    }

    private static String secret(Record record, TokenType type) {
        return record.tokenKey() + record.collection().authOptions().token(type.optionsKey()).secret();
    }
}
