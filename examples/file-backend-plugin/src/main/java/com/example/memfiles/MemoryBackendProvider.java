package com.example.memfiles;

import io.pb4j.files.spi.FileBackend;
import io.pb4j.files.spi.FileBackendProvider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code memory} file backend: objects in a map, gone when the process ends. For demos and tests; it shows the
 * whole SPI a backend implements. pb4j uses it when started with {@code -Dpb4j.files.backend=memory} (or
 * {@code PB4J_FILES_BACKEND=memory}), unless the settings enable S3.
 */
public final class MemoryBackendProvider implements FileBackendProvider {
    /** One store per JVM, so every open() of the backend sees the same objects. */
    private static final Map<String, Entry> OBJECTS = new ConcurrentHashMap<>();

    private record Entry(byte[] bytes, FileBackend.Attributes attributes) {
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public FileBackend open(Path dataDir, Map<String, String> settings) {
        return new FileBackend() {
            @Override
            public void put(String key, InputStream content, long size, String contentType, Map<String, String> metadata) {
                try {
                    byte[] bytes = content.readNBytes((int) size);
                    OBJECTS.put(key, new Entry(bytes, new FileBackend.Attributes(bytes.length, contentType, Instant.now(), metadata)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public Optional<InputStream> get(String key) {
                return Optional.ofNullable(OBJECTS.get(key)).map(e -> new ByteArrayInputStream(e.bytes()));
            }

            @Override
            public Optional<Attributes> attributes(String key) {
                return Optional.ofNullable(OBJECTS.get(key)).map(Entry::attributes);
            }

            @Override
            public List<String> list(String prefix) {
                return OBJECTS.keySet().stream().filter(k -> k.startsWith(prefix)).toList();
            }

            @Override
            public void delete(String key) {
                OBJECTS.remove(key);
            }

            @Override
            public void close() {
                // the objects outlive one opened backend
            }
        };
    }
}
