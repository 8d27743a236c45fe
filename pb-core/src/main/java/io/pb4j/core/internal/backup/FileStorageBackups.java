package io.pb4j.core.internal.backup;

import io.pb4j.core.BackupFile;
import io.pb4j.core.DateTimes;
import io.pb4j.core.FileStorage;
import io.pb4j.core.spi.BackupStorage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Backups kept by the app's file storage ({@code app.files().backups()}: the S3 bucket of settings {@code backups.s3}),
 * as PocketBase's {@code NewBackupsFilesystem}. Keys are backup file names.
 */
public final class FileStorageBackups implements BackupStorage {
    private final FileStorage storage;

    public FileStorageBackups(FileStorage storage) {
        this.storage = storage;
    }

    @Override
    public List<BackupFile> list(String prefix) {
        return storage.list(prefix).stream()
                .flatMap(key -> storage.attributes(key).stream()
                        .map(a -> new BackupFile(key, a.size(), DateTimes.format(a.modified()))))
                .sorted(Comparator.comparing(BackupFile::key))
                .toList();
    }

    @Override
    public boolean exists(String key) {
        return storage.attributes(key).isPresent();
    }

    @Override
    public void store(String key, Path source) {
        try {
            storage.upload(key, Files.readAllBytes(source), key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open(String key) {
        return storage.open(key).orElseThrow(() -> new NoSuchElementException("no backup " + key));
    }

    @Override
    public void delete(String key) {
        storage.delete(key);
    }
}
