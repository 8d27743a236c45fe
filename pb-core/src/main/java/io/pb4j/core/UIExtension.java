package io.pb4j.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A superuser dashboard extension, PocketBase's {@code core.UIExtension}: its files are served as
 * {@code /_/extensions/<name>/<path>} and its {@code main.js} (if any) becomes part of the combined
 * {@code /_/extensions.js} that the dashboard loads as a module. Added from Java in a serve handler:
 * <pre>{@code
 * app.onServe().bind(se -> {
 *     se.uiExtensions().add(UIExtension.ofDirectory("charts", Path.of("ui-ext/charts")));
 *     se.next();
 * });
 * }</pre>
 * Extensions are served only where the dashboard module ({@code io.pb4j.admin}) is on the module path.
 *
 * @param name  the extension's name, also its URL segment
 * @param files where its files come from
 */
public record UIExtension(String name, Files files) {
    public UIExtension {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(files, "files");
    }

    /** An extension's files by relative, slash-separated path ({@code main.js}, {@code img/logo.svg}). */
    @FunctionalInterface
    public interface Files {
        /** The file's bytes, or empty when there is no such file (a directory is no file). */
        Optional<byte[]> read(String path) throws IOException;
    }

    /**
     * Files read from a directory on each request (so edits show without a restart, as PocketBase's
     * {@code os.DirFS}); paths leaving the directory are never read.
     */
    public static UIExtension ofDirectory(String name, Path dir) {
        Path root = dir.toAbsolutePath().normalize();
        return new UIExtension(name, path -> {
            Path file = root.resolve(path).normalize();
            if (!file.startsWith(root) || !java.nio.file.Files.isRegularFile(file)) {
                return Optional.empty();
            }
            try {
                return Optional.of(java.nio.file.Files.readAllBytes(file));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
        });
    }

    /** Files held in memory, e.g. for tests or generated content. */
    public static UIExtension ofMap(String name, Map<String, byte[]> files) {
        Map<String, byte[]> copy = Map.copyOf(files);
        return new UIExtension(name, path -> Optional.ofNullable(copy.get(path)).map(byte[]::clone));
    }

    /**
     * Files from the resources of {@code anchor}'s module or jar under {@code root} (e.g. {@code /ui-ext/charts/}),
     * so an extension can ship inside the application. In a named module, a {@code root} whose folder names are no
     * Java package (as {@code ui-ext}) is readable as it is; one inside a package must be opened to
     * {@code io.pb4j.core}.
     */
    public static UIExtension ofResources(String name, Class<?> anchor, String root) {
        String base = root.endsWith("/") ? root : root + "/";
        return new UIExtension(name, path -> {
            try (InputStream in = anchor.getResourceAsStream(base + path)) {
                return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
            }
        });
    }
}
