package io.pb4j.files.internal.s3;

import io.pb4j.files.spi.FileBackend;
import io.pb4j.files.spi.FileBackendProvider;
import java.nio.file.Path;
import java.util.Map;

/** The {@code s3} backend: any S3-compatible server, from PocketBase's settings {@code s3} (or {@code backups.s3}). */
public final class S3BackendProvider implements FileBackendProvider {
    @Override
    public String name() {
        return "s3";
    }

    @Override
    public FileBackend open(Path dataDir, Map<String, String> settings) {
        return new S3Backend(S3Config.of(settings));
    }
}
