package io.pb4j.core.internal.backup;

import io.pb4j.core.BackupFile;
import io.pb4j.core.DateTimes;
import io.pb4j.core.spi.BackupStorage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;

/** Backups as files in {@code pb_data/backups}, PocketBase's default. Keys are file names, never paths. */
public final class LocalBackupStorage implements BackupStorage {
    private final Path dir;

    public LocalBackupStorage(Path dir) {
        this.dir = dir;
    }

    @Override
    public List<BackupFile> list(String prefix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<BackupFile> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files.sorted()::iterator) {
                String key = p.getFileName().toString();
                // PocketBase's blob listing skips its own ".attrs" side files; we keep none, but hide dot files alike
                if (Files.isRegularFile(p) && key.startsWith(prefix) && !key.startsWith(".")) {
                    out.add(new BackupFile(key, Files.size(p), DateTimes.format(Files.getLastModifiedTime(p).toInstant())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(Comparator.comparing(BackupFile::key));
        return out;
    }

    @Override
    public boolean exists(String key) {
        return valid(key) && Files.isRegularFile(dir.resolve(key));
    }

    @Override
    public void store(String key, Path source) {
        requireValid(key);
        try {
            Files.createDirectories(dir);
            Files.move(source, dir.resolve(key), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InputStream open(String key) {
        if (!exists(key)) {
            throw new NoSuchElementException("no backup " + key);
        }
        try {
            return Files.newInputStream(dir.resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String key) {
        if (!valid(key)) {
            throw new NoSuchElementException("no backup " + key);
        }
        try {
            Files.delete(dir.resolve(key));
        } catch (NoSuchFileException e) {
            throw new NoSuchElementException("no backup " + key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The local path of a backup (restores read it in place). */
    public Path path(String key) {
        requireValid(key);
        return dir.resolve(key);
    }

    /** A key is one plain file name: no separators, not {@code .} or {@code ..}. */
    static boolean valid(String key) {
        return !key.isEmpty() && !key.equals(".") && !key.equals("..") && key.indexOf('/') < 0 && key.indexOf('\\') < 0
                && key.indexOf('\0') < 0;
    }

    private static void requireValid(String key) {
        if (!valid(key)) {
            throw new IllegalArgumentException("invalid backup key " + key);
        }
    }
}
