package io.pb4j.store.postgres.internal;

import io.pb4j.core.spi.Store;
import io.pb4j.core.spi.StoreProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code postgres} store provider. The database comes from the system property {@code pb4j.db} (which
 * {@code serve --db=postgres://…} sets) or else the {@code PB4J_DB} environment variable; the data dir still holds
 * what is not in the database (uploaded files, backups).
 */
public final class PostgresStoreProvider implements StoreProvider {
    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public Store open(Path dataDir) {
        return open(dataDir, io.pb4j.core.Config.DEFAULT_QUERY_TIMEOUT);
    }

    @Override
    public Store open(Path dataDir, Duration queryTimeout) {
        String url = configuredUrl().orElseThrow(() -> new IllegalStateException(
                "the postgres store needs a database: --db=postgres://user:password@host:port/database or the "
                        + PostgresUrl.ENV + " environment variable"));
        try {
            java.nio.file.Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create the data dir " + dataDir, e);
        }
        return PostgresStore.open(PostgresUrl.parse(url), queryTimeout);
    }

    /** The configured PostgreSQL URL, if any. */
    static Optional<String> configuredUrl() {
        String url = System.getProperty(PostgresUrl.PROPERTY);
        if (url == null || url.isBlank()) {
            url = System.getenv(PostgresUrl.ENV);
        }
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(url.strip());
    }
}
