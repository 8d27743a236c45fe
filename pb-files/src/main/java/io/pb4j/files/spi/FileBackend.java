package io.pb4j.files.spi;

import java.io.InputStream;
import java.util.Optional;

/**
 * Blob storage addressed by keys. Keys are relative, {@code /}-separated paths without {@code .} or {@code ..}
 * segments, as PocketBase lays files out: {@code <collectionId>/<recordId>/<filename>} and, for thumbnails,
 * {@code <collectionId>/<recordId>/thumbs_<filename>/<size>_<filename>}.
 *
 * <p>Thread-safe. A failure of the underlying storage is an unchecked {@link java.io.UncheckedIOException}.
 * Every backend must pass the same contract test suite (planned in pb-files' tests).
 */
public interface FileBackend extends AutoCloseable {
    /**
     * Stores {@code size} bytes read from {@code content} under {@code key}, replacing what was there. The object
     * becomes visible to {@link #get} only once it is complete. Does not close {@code content}.
     */
    void put(String key, InputStream content, long size);

    /** The object's bytes; empty if there is no object under {@code key}. The caller closes the stream. */
    Optional<InputStream> get(String key);

    /** Removes the object; a missing key is not an error. */
    void delete(String key);

    /** Releases connections or handles; the backend is unusable afterwards. */
    @Override
    void close();
}
