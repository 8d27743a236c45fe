package io.pb4j.files.internal.local;

import io.pb4j.files.spi.FileBackend;
import io.pb4j.files.spi.FileBackendProvider;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code local} backend: files under {@code <dataDir>/storage}, PocketBase's layout (or under the folder the
 * {@code root} setting names, {@code backups} for backups).
 */
public final class LocalBackendProvider implements FileBackendProvider {
    @Override
    public String name() {
        return "local";
    }

    @Override
    public FileBackend open(Path dataDir, Map<String, String> settings) {
        String root = settings.getOrDefault("root", "storage");
        if (!FileBackend.validKey(root)) {
            throw new IllegalArgumentException("local: invalid root folder '" + root + "'");
        }
        return new LocalBackend(dataDir.resolve(root));
    }
}
