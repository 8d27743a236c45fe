package io.pb4j.core.internal.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** File moves of a restore (PocketBase's {@code osutils.MoveDirContent}) and temp-dir cleanup. */
public final class DataDirs {
    private DataDirs() {
    }

    /** Moves every top-level entry of {@code src} not in {@code exclude} into {@code dest} (created if needed). */
    public static void moveContent(Path src, Path dest, List<String> exclude) {
        try {
            Files.createDirectories(dest);
            try (Stream<Path> entries = Files.list(src)) {
                for (Path p : entries.toList()) {
                    String name = p.getFileName().toString();
                    if (!exclude.contains(name)) {
                        Files.move(p, dest.resolve(name));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + src + " to " + dest + ": " + e.getMessage(), e);
        }
    }

    /** Deletes {@code dir} when it exists and is empty (what a reverted move leaves behind). */
    public static void deleteIfEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isEmpty()) {
                Files.delete(dir);
            }
        } catch (IOException ignored) {
            // missing, or not empty: left as it is
        }
    }

    /** Deletes a file tree; what cannot be deleted is left (the temp dir is cleared again on the next restore). */
    public static void deleteQuietly(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a leftover temp file does no harm
                }
            });
        } catch (IOException ignored) {
            // best effort, as above
        }
    }
}
