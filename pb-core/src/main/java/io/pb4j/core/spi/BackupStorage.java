package io.pb4j.core.spi;

import io.pb4j.core.BackupFile;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Where backups are kept: {@code pb_data/backups} by default; an S3 bucket when settings {@code backups.s3.enabled}
 * and a module offers one through {@code Backups}' S3 storage. Keys are plain file names. Thread-safe.
 * Failures are unchecked ({@link java.io.UncheckedIOException}); a missing key is a
 * {@link java.util.NoSuchElementException}.
 */
public interface BackupStorage {
    /** The stored backups whose key starts with {@code prefix}, in key order. */
    List<BackupFile> list(String prefix);

    /** Whether an object is stored under {@code key}. */
    boolean exists(String key);

    /** Stores the file at {@code source} under {@code key}, replacing an existing one; {@code source} may be moved. */
    void store(String key, Path source);

    /** Reads a backup; the caller closes the stream. */
    InputStream open(String key);

    /** Deletes the object under {@code key}; a missing one is no error. */
    void delete(String key);
}
