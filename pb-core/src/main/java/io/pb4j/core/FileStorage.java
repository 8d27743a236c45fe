package io.pb4j.core;

import java.io.InputStream;
import java.time.Instant;
import java.util.Optional;

/**
 * The app's file storage ({@link PocketBase#files()}), provided by pb-files over the backend the settings choose
 * ({@code local} under {@code pb_data/storage}, or {@code s3}). Keys are PocketBase's:
 * {@code <collectionId>/<recordId>/<filename>}, thumbs under {@code <collectionId>/<recordId>/thumbs_<filename>/}.
 * Thread-safe; a storage failure is an unchecked {@link java.io.UncheckedIOException}.
 */
public interface FileStorage {
    /** What is known of a stored file: its size, sniffed content type, last change and the uploader's file name. */
    record Attributes(long size, String contentType, Instant modified, String originalName) {
    }

    /** Stores {@code content} under {@code key} (replacing it), with its sniffed content type and original name. */
    void upload(String key, byte[] content, String originalName);

    /**
     * Stores {@code size} bytes read from {@code content} under {@code key} (replacing it), as {@link #upload(String,
     * byte[], String)} does, without holding them all in memory where the storage can stream. Does not close
     * {@code content}. By default the bytes are read into memory and stored with the other overload.
     */
    default void upload(String key, InputStream content, long size, String originalName) {
        try {
            upload(key, content.readNBytes(Math.toIntExact(size)), originalName);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The file's attributes, empty when there is no file under {@code key}. */
    Optional<Attributes> attributes(String key);

    /** The file's bytes, empty when there is none; the caller closes the stream. */
    Optional<InputStream> open(String key);

    /** The keys of every file whose key starts with {@code prefix}, in no particular order. */
    java.util.List<String> list(String prefix);

    /**
     * The backups storage, as PocketBase's {@code NewBackupsFilesystem}: {@code pb_data/backups}, or the S3 bucket of
     * the settings' {@code backups.s3} when it is enabled; keys are backup file names.
     */
    FileStorage backups();

    /** Removes a file; a missing one is not an error. */
    void delete(String key);

    /** Removes every file whose key starts with {@code prefix} (e.g. a record's folder, {@code "<col>/<id>/"}). */
    void deletePrefix(String prefix);

    /**
     * Checks that an S3 configuration (PocketBase's settings {@code s3} or {@code backups.s3} object) reaches a bucket
     * it can write to; throws with the reason when it cannot. The seam of {@code POST /api/settings/test/s3}.
     */
    void testS3(jakarta.json.JsonObject s3);
}
