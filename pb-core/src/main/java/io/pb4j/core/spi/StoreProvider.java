package io.pb4j.core.spi;

import java.nio.file.Path;

/**
 * Opens a {@link Store} by name ({@code sqlite}, later {@code postgres}); discovered with {@link java.util.ServiceLoader}.
 */
public interface StoreProvider {
    /** The provider's name, as {@code Config.store} selects it ({@code sqlite}, {@code postgres}). */
    String name();

    /** Opens (creating if needed) the store for a data directory. */
    Store open(Path dataDir);

    /**
     * Opens the store with a timeout for each read query: a SELECT still running after {@code queryTimeout} is
     * interrupted and fails with a {@link StoreException}. A provider that cannot interrupt its queries ignores it.
     */
    default Store open(Path dataDir, java.time.Duration queryTimeout) {
        return open(dataDir);
    }
}
