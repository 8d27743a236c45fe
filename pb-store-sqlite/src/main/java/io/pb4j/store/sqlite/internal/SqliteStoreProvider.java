package io.pb4j.store.sqlite.internal;

import io.pb4j.core.spi.Store;
import io.pb4j.core.spi.StoreProvider;
import java.nio.file.Path;
import java.time.Duration;

/** The {@code sqlite} store provider. */
public final class SqliteStoreProvider implements StoreProvider {
    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public Store open(Path dataDir) {
        return SqliteStore.open(dataDir, io.pb4j.core.Config.DEFAULT_QUERY_TIMEOUT);
    }

    @Override
    public Store open(Path dataDir, Duration queryTimeout) {
        return SqliteStore.open(dataDir, queryTimeout);
    }
}
