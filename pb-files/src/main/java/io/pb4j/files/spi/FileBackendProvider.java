package io.pb4j.files.spi;

import java.nio.file.Path;
import java.util.Map;

/**
 * A named factory of {@link FileBackend}s, found with {@link java.util.ServiceLoader} (declare it with
 * {@code provides io.pb4j.files.spi.FileBackendProvider with …}). pb-files will ship {@code local} (files under the
 * data directory, PocketBase's {@code pb_data/storage}) and {@code s3} (any S3-compatible server, chosen when the
 * settings say {@code s3.enabled}).
 *
 * <p>Names are unique among the providers present; a duplicate or an unknown name fails at startup with the names
 * that are available. Implementations are stateless and thread-safe.
 */
public interface FileBackendProvider {
    /** The name settings refer to, lower case: {@code local}, {@code s3}. */
    String name();

    /**
     * Opens a backend. Fails with an unchecked exception naming the bad setting when {@code settings} is incomplete
     * or wrong; it does not defer configuration errors to the first {@code put}.
     *
     * @param dataDir  the app's data directory ({@code pb_data}); a local backend keeps its files under it
     * @param settings the backend's settings as PocketBase names them ({@code bucket}, {@code region},
     *                 {@code endpoint}, {@code accessKey}, {@code secret}, {@code forcePathStyle} for S3); empty
     *                 for {@code local}
     */
    FileBackend open(Path dataDir, Map<String, String> settings);
}
