package io.pb4j.files.internal.local;

import io.pb4j.files.spi.FileBackend;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Files under a root directory ({@code pb_data/storage}) as PocketBase's local blob driver keeps them: the object at
 * its key's path and its attributes in a {@code <file>.attrs} JSON side-car ({@code user.content_type},
 * {@code user.metadata}, {@code md5}), so a PocketBase {@code pb_data/storage} is read and written as it is. Objects
 * are written to a temporary file and moved into place, so a reader never sees half a file. Thread-safe.
 */
final class LocalBackend implements FileBackend {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private static final String ATTRS = ".attrs";

    private final Path root;

    LocalBackend(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    private Path path(String key) {
        if (!FileBackend.validKey(key) || key.endsWith(ATTRS)) {
            throw new IllegalArgumentException("invalid file key '" + key + "'");
        }
        Path p = root.resolve(key).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("invalid file key '" + key + "'");
        }
        return p;
    }

    @Override
    public void put(String key, InputStream content, long size, String contentType, Map<String, String> metadata) {
        Path target = path(key);
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), target.getFileName().toString() + ".", ".tmp");
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(tmp), md5)) {
                content.transferTo(out);
            }
            writeAttrs(target, contentType, metadata, Base64.getEncoder().encodeToString(md5.digest()));
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the move succeeded or the write failed: nothing more to do
                }
            }
        }
    }

    private static void writeAttrs(Path target, String contentType, Map<String, String> metadata, String md5) throws IOException {
        JsonObjectBuilder meta = JSON.createObjectBuilder();
        metadata.forEach(meta::add);
        JsonObject attrs = JSON.createObjectBuilder()
                .add("user.cache_control", "")
                .add("user.content_disposition", "")
                .add("user.content_encoding", "")
                .add("user.content_language", "")
                .add("user.content_type", contentType)
                .add("user.metadata", metadata.isEmpty() ? JsonValue.NULL : meta.build())
                .add("md5", md5)
                .build();
        Files.writeString(target.resolveSibling(target.getFileName() + ATTRS), attrs.toString(), StandardCharsets.UTF_8);
    }

    @Override
    public Optional<InputStream> get(String key) {
        Path p = path(key);
        try {
            return Files.isRegularFile(p) ? Optional.of(Files.newInputStream(p)) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<Attributes> attributes(String key) {
        Path p = path(key);
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        try {
            long size = Files.size(p);
            var modified = Files.getLastModifiedTime(p).toInstant();
            String type = "";
            Map<String, String> metadata = new LinkedHashMap<>();
            Path attrs = p.resolveSibling(p.getFileName() + ATTRS);
            if (Files.isRegularFile(attrs)) {
                try (var reader = JSON.createReader(Files.newBufferedReader(attrs, StandardCharsets.UTF_8))) {
                    JsonObject o = reader.readObject();
                    type = o.getString("user.content_type", "");
                    if (o.get("user.metadata") instanceof JsonObject m) {
                        m.forEach((k, v) -> {
                            if (v instanceof JsonString s) {
                                metadata.put(k, s.getString());
                            }
                        });
                    }
                } catch (RuntimeException malformed) {
                    type = "";
                }
            }
            if (type.isEmpty()) {
                // no side-car (copied in by hand): judge by the first bytes, as the blob driver does
                try (InputStream in = Files.newInputStream(p)) {
                    type = io.pb4j.core.field.ContentTypes.detect(in.readNBytes(3072));
                }
            }
            return Optional.of(new Attributes(size, type, modified, metadata));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<String> list(String prefix) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        // walk only the folder the prefix names, not the whole storage
        int slash = prefix.lastIndexOf('/');
        Path start = slash < 0 ? root : root.resolve(prefix.substring(0, slash)).normalize();
        if (!start.startsWith(root) || !Files.isDirectory(start)) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(start)) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                String key = root.relativize(p).toString().replace('\\', '/');
                if (key.startsWith(prefix) && !key.endsWith(ATTRS) && !key.endsWith(".tmp")) {
                    keys.add(key);
                }
            });
        } catch (NoSuchFileException e) {
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    @Override
    public void delete(String key) {
        Path p = path(key);
        try {
            Files.deleteIfExists(p);
            Files.deleteIfExists(p.resolveSibling(p.getFileName() + ATTRS));
            pruneEmptyParents(p.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes folders left empty up to the root, as the blob driver leaves no empty record folders. */
    private void pruneEmptyParents(Path dir) {
        Path d = dir;
        while (d != null && d.startsWith(root) && !d.equals(root)) {
            try {
                Files.delete(d);
            } catch (DirectoryNotEmptyException | NoSuchFileException e) {
                return;
            } catch (IOException e) {
                return;
            }
            d = d.getParent();
        }
    }

    @Override
    public void close() {
        // nothing is held open between calls
    }
}
