package io.pb4j.core.spi;

import java.nio.file.Path;

/**
 * Opens a {@link Store} by name ({@code sqlite}, later {@code postgres}); discovered with {@link java.util.ServiceLoader}.
 */
public interface StoreProvider {
    String name();

    /** Opens (creating if needed) the store for a data directory. */
    Store open(Path dataDir);
}
