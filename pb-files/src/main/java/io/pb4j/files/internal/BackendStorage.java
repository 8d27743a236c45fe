package io.pb4j.files.internal;

import io.pb4j.core.FileStorage;
import io.pb4j.core.PocketBase;
import io.pb4j.core.field.ContentTypes;
import io.pb4j.files.spi.FileBackend;
import io.pb4j.files.spi.FileBackendProvider;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The app's {@link FileStorage} over the backend its settings choose: {@code s3} when {@code s3.enabled}, else the
 * one named by {@code pb4j.files.backend} / {@code PB4J_FILES_BACKEND}, by default {@code local}. The backend is opened on first use and reopened when the settings change. Thread-safe.
 */
final class BackendStorage implements FileStorage {
    static final String ORIGINAL_NAME = "original-filename";

    private final PocketBase app;
    private final Map<String, FileBackendProvider> providers;
    private final boolean backupsStorage;
    private Opened opened;
    private volatile BackendStorage backups;

    private record Opened(String key, FileBackend backend) {
    }

    BackendStorage(PocketBase app) {
        this(app, false);
    }

    private BackendStorage(PocketBase app, boolean backupsStorage) {
        this.app = app;
        this.backupsStorage = backupsStorage;
        Map<String, FileBackendProvider> all = new TreeMap<>();
        for (FileBackendProvider p : ServiceLoader.load(FileBackendProvider.class)) {
            if (all.put(p.name(), p) != null) {
                throw new IllegalStateException("two file backend providers are named '" + p.name() + "'");
            }
        }
        this.providers = Map.copyOf(all);
    }

    /** The backend for the current settings. */
    synchronized FileBackend backend() {
        JsonObject settings = app.settings();
        if (backupsStorage) {
            settings = settings.get("backups") instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        }
        JsonObject s3 = settings.get("s3") instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        boolean useS3 = s3.getBoolean("enabled", false);
        String name = useS3 ? "s3" : configuredName();
        String key = useS3 ? "s3:" + s3 : name;
        if (opened == null || !opened.key().equals(key)) {
            FileBackend backend = open(name,
                    useS3 ? s3Settings(s3) : Map.of("root", backupsStorage ? "backups" : "storage"));
            if (opened != null) {
                opened.backend().close();
            }
            opened = new Opened(key, backend);
        }
        return opened.backend();
    }

    /**
     * The backend when the settings do not enable S3: the system property {@code pb4j.files.backend}, else the
     * environment variable {@code PB4J_FILES_BACKEND}, else {@code local}. A third-party backend is chosen this way.
     */
    static String configuredName() {
        String name = System.getProperty("pb4j.files.backend", "");
        if (name.isBlank()) {
            name = java.util.Objects.requireNonNullElse(System.getenv("PB4J_FILES_BACKEND"), "");
        }
        return name.isBlank() ? "local" : name.strip();
    }

    FileBackend open(String name, Map<String, String> settings) {
        FileBackendProvider p = providers.get(name);
        if (p == null) {
            throw new IllegalStateException("no file backend named '" + name + "'; available: " + providers.keySet());
        }
        return p.open(app.config().dataDir(), settings);
    }

    /** PocketBase's settings {@code s3} object as the provider's string settings. */
    static Map<String, String> s3Settings(JsonObject s3) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : List.of("bucket", "region", "endpoint", "accessKey", "secret")) {
            out.put(k, s3.getString(k, ""));
        }
        out.put("forcePathStyle", String.valueOf(s3.getBoolean("forcePathStyle", false)));
        return out;
    }

    @Override
    public void upload(String key, byte[] content, String originalName) {
        backend().put(key, new ByteArrayInputStream(content), content.length, ContentTypes.detect(content), metadata(originalName));
    }

    /** Streams the bytes to the backend; only the first few are held, to sniff the content type. */
    @Override
    public void upload(String key, InputStream content, long size, String originalName) {
        try {
            byte[] head = content.readNBytes((int) Math.min(size, io.pb4j.core.field.UploadedFile.HEAD_BYTES));
            InputStream whole = new java.io.SequenceInputStream(new ByteArrayInputStream(head), content);
            backend().put(key, whole, size, ContentTypes.detect(head), metadata(originalName));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, String> metadata(String originalName) {
        return originalName.isEmpty() ? Map.of()
                : Map.of(ORIGINAL_NAME, originalName.length() > 255 ? originalName.substring(0, 255) : originalName);
    }

    @Override
    public Optional<Attributes> attributes(String key) {
        if (!FileBackend.validKey(key)) {
            return Optional.empty();
        }
        return backend().attributes(key).map(a -> new Attributes(a.size(), a.contentType(), a.modified(),
                a.metadata().getOrDefault(ORIGINAL_NAME, "")));
    }

    @Override
    public Optional<InputStream> open(String key) {
        return FileBackend.validKey(key) ? backend().get(key) : Optional.empty();
    }

    @Override
    public List<String> list(String prefix) {
        return backend().list(prefix);
    }

    @Override
    public FileStorage backups() {
        if (backupsStorage) {
            return this;
        }
        BackendStorage b = backups;
        if (b == null) {
            synchronized (this) {
                if (backups == null) {
                    backups = new BackendStorage(app, true);
                }
                b = backups;
            }
        }
        return b;
    }

    @Override
    public void delete(String key) {
        if (FileBackend.validKey(key)) {
            backend().delete(key);
        }
    }

    @Override
    public void deletePrefix(String prefix) {
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("refusing to delete every file");
        }
        FileBackend b = backend();
        // thumbs (deeper keys) first, so emptied folders can go with the last file
        b.list(prefix).stream().sorted(java.util.Comparator.comparingInt(String::length).reversed()).forEach(b::delete);
    }

    @Override
    public void testS3(JsonObject s3) {
        try (FileBackend b = open("s3", s3Settings(s3))) {
            String probe = "pb_settings_test_" + Long.toHexString(System.nanoTime());
            b.put(probe, new ByteArrayInputStream(new byte[0]), 0, "application/octet-stream", Map.of());
            b.delete(probe);
        }
    }

    synchronized void close() {
        if (opened != null) {
            opened.backend().close();
            opened = null;
        }
    }
}
