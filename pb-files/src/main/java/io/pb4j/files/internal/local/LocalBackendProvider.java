package io.pb4j.files.internal.local;

import io.pb4j.files.spi.FileBackend;
import io.pb4j.files.spi.FileBackendProvider;
import java.nio.file.Path;
import java.util.Map;

/** The {@code local} backend: files under {@code <dataDir>/storage}, PocketBase's layout. */
public final class LocalBackendProvider implements FileBackendProvider {
    @Override
    public String name() {
        return "local";
    }

    @Override
    public FileBackend open(Path dataDir, Map<String, String> settings) {
        return new LocalBackend(dataDir.resolve("storage"));
    }
}
