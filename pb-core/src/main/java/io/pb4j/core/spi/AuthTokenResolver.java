package io.pb4j.core.spi;

import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import java.util.Optional;

/**
 * Resolves a record token (PocketBase's {@code FindAuthRecordByToken}); the auth module sets one with
 * {@link PocketBase#authTokenResolver}. Must be thread-safe.
 */
@FunctionalInterface
public interface AuthTokenResolver {
    /**
     * The auth record that {@code token} belongs to when it is a valid, unexpired token of {@code type}
     * ({@code "auth"}, {@code "file"}, …) signed for that record; empty otherwise.
     */
    Optional<Record> resolve(PocketBase app, String token, String type);
}
