package io.pb4j.core.internal.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** PocketBase's {@code tools/archive}: a data dir as a zip (forward-slash relative names), and back. */
public final class BackupArchive {
    private BackupArchive() {
    }

    /**
     * Zips the files under {@code src} except the top-level entries in {@code exclude}; {@code replacements} maps a
     * relative name to the file whose content goes in its place (the databases' snapshots).
     */
    public static void create(Path src, Path dest, List<String> exclude, Map<String, Path> replacements) {
        try (OutputStream file = Files.newOutputStream(dest); ZipOutputStream zip = new ZipOutputStream(file);
             Stream<Path> walk = Files.walk(src)) {
            zip.setLevel(Deflater.BEST_SPEED);
            for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                if (!Files.isRegularFile(p)) {
                    continue;
                }
                Path rel = src.relativize(p);
                String name = rel.toString().replace('\\', '/');
                if (exclude.contains(rel.getName(0).toString())) {
                    continue;
                }
                Path content = replacements.getOrDefault(name, p);
                ZipEntry entry = new ZipEntry(name);
                entry.setLastModifiedTime(Files.getLastModifiedTime(content));
                zip.putNextEntry(entry);
                Files.copy(content, zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the backup archive: " + e.getMessage(), e);
        }
    }

    /** Extracts a zip into {@code dest}; an entry that would land outside {@code dest} fails the whole extraction. */
    public static void extract(InputStream in, Path dest) {
        Path root = dest.toAbsolutePath().normalize();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            Files.createDirectories(root);
            ZipEntry entry;
            boolean any = false;
            while ((entry = zip.getNextEntry()) != null) {
                any = true;
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root) || target.equals(root)) {
                    throw new IOException("illegal file path in the archive: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.copy(zip, target);
                FileTime modified = entry.getLastModifiedTime();
                if (modified != null) {
                    Files.setLastModifiedTime(target, modified);
                }
            }
            if (!any) {
                throw new IOException("the archive is empty or not a zip file");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot extract the backup archive: " + e.getMessage(), e);
        }
    }
}
