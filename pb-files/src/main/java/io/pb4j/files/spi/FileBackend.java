package io.pb4j.files.spi;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Blob storage addressed by keys. Keys are relative, {@code /}-separated paths without empty, {@code .} or {@code ..}
 * segments, as PocketBase lays files out: {@code <collectionId>/<recordId>/<filename>} and, for thumbnails,
 * {@code <collectionId>/<recordId>/thumbs_<filename>/<size>_<filename>}.
 *
 * <p>Thread-safe. A failure of the underlying storage is an unchecked {@link java.io.UncheckedIOException}. Every
 * backend passes the same contract test suite ({@code FileBackendContract} in pb-files' tests).
 */
public interface FileBackend extends AutoCloseable {
    /** An object's attributes: its size, content type, last change and user metadata (e.g. {@code original-filename}). */
    record Attributes(long size, String contentType, Instant modified, Map<String, String> metadata) {
        /** Copies {@code metadata}. */
        public Attributes {
            metadata = Map.copyOf(metadata);
        }
    }

    /**
     * Stores {@code size} bytes read from {@code content} under {@code key} with its content type and metadata,
     * replacing what was there. The object becomes visible to {@link #get} only once it is complete. Does not close
     * {@code content}.
     */
    void put(String key, InputStream content, long size, String contentType, Map<String, String> metadata);

    /** The object's bytes; empty if there is no object under {@code key}. The caller closes the stream. */
    Optional<InputStream> get(String key);

    /** The object's attributes; empty if there is no object under {@code key}. */
    Optional<Attributes> attributes(String key);

    /** The keys of every object whose key starts with {@code prefix}, in no particular order. */
    List<String> list(String prefix);

    /** Removes the object; a missing key is not an error. */
    void delete(String key);

    /** Releases connections or handles; the backend is unusable afterwards. */
    @Override
    void close();

    /** Whether {@code key} is a valid key: relative, without empty, {@code .} or {@code ..} segments or backslashes. */
    static boolean validKey(String key) {
        if (key.isEmpty() || key.startsWith("/") || key.contains("\\") || key.indexOf('\0') >= 0) {
            return false;
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }
}
