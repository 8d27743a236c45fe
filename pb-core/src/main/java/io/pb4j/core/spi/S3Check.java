package io.pb4j.core.spi;

import jakarta.json.JsonObject;

/**
 * Tests an S3 configuration as PocketBase's {@code POST /api/settings/test/s3} does: upload a small probe object under
 * a fresh prefix, then delete the prefix. Provided (through {@link java.util.ServiceLoader}) by the module that brings
 * the S3 file backend; without a provider the settings API answers that S3 is not available. Implementations must be
 * thread-safe.
 */
public interface S3Check {
    /** The provider's name, e.g. {@code s3}. */
    String name();

    /**
     * Runs the probe against {@code config}, a settings S3 object ({@code enabled, bucket, region, endpoint,
     * accessKey, secret, forcePathStyle}).
     *
     * @throws RuntimeException whose message says what failed (it is shown to the superuser as the raw error)
     */
    void check(JsonObject config);
}
