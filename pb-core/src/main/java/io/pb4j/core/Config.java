package io.pb4j.core;

import io.pb4j.core.spi.Plugin;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How an app starts: its data directory, dev mode, the store to use and its plugins, and the limits that keep one
 * client from holding the server: the query timeout ({@code serve --queryTimeout}) and the HTTP read timeouts.
 * Immutable; built through {@link PocketBase#create(java.util.function.Consumer)}.
 */
public record Config(Path dataDir, boolean dev, String storeName, boolean discoverPlugins, List<Plugin> plugins,
        String encryptionEnv, Duration queryTimeout, Duration readHeaderTimeout, Duration readTimeout) {
    /** PocketBase's {@code core.DefaultQueryTimeout}. */
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(30);
    /** PocketBase's {@code http.Server.ReadHeaderTimeout} ({@code apis/serve.go}). */
    public static final Duration DEFAULT_READ_HEADER_TIMEOUT = Duration.ofMinutes(1);
    /** PocketBase's {@code http.Server.ReadTimeout} ({@code apis/serve.go}). */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMinutes(5);

    /** Creates the value from its components. */
    public Config {
        Objects.requireNonNull(encryptionEnv, "encryptionEnv");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(storeName, "storeName");
        plugins = List.copyOf(plugins);
        queryTimeout = positive(queryTimeout, "queryTimeout");
        readHeaderTimeout = positive(readHeaderTimeout, "readHeaderTimeout");
        readTimeout = positive(readTimeout, "readTimeout");
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
        return d;
    }

    /** Collects a {@link Config}; defaults are PocketBase's: {@code pb_data}, no dev mode, the {@code sqlite} store. */
    public static final class Builder {
        private Path dataDir = Path.of("pb_data");
        private boolean dev;
        private String storeName = "sqlite";
        private boolean discoverPlugins = true;
        private final List<Plugin> plugins = new ArrayList<>();
        private String encryptionEnv = "";
        private Duration queryTimeout = DEFAULT_QUERY_TIMEOUT;
        private Duration readHeaderTimeout = DEFAULT_READ_HEADER_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;

        Builder() {
        }

        /** How long one SELECT may run before SQLite is interrupted and the request fails (default 30 s). */
        public Builder queryTimeout(Duration timeout) {
            this.queryTimeout = timeout;
            return this;
        }

        /** How long a client may take to send a request's line and headers (default 1 min). */
        public Builder readHeaderTimeout(Duration timeout) {
            this.readHeaderTimeout = timeout;
            return this;
        }

        /** How long a client may take to send a whole request, body included (default 5 min). */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = timeout;
            return this;
        }

        /** The data dir ({@code pb_data} by default): the database, uploaded files, backups. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** Dev mode: log every SQL statement and print the logs to the console. */
        public Builder dev(boolean dev) {
            this.dev = dev;
            return this;
        }

        /** The store provider by name ({@code sqlite} by default, {@code postgres} …). */
        public Builder store(String name) {
            this.storeName = name;
            return this;
        }

        /** Turns off ServiceLoader discovery of plugins; only {@link #plugin} ones are registered. */
        public Builder discoverPlugins(boolean discover) {
            this.discoverPlugins = discover;
            return this;
        }

        /** Registers a plugin explicitly; it wins over a discovered one of the same name. */
        public Builder plugin(Plugin plugin) {
            plugins.add(plugin);
            return this;
        }

        /**
         * PocketBase's {@code --encryptionEnv}: the name of the environment variable whose value (32 characters) is the
         * key the settings are stored encrypted with; {@code ""} (the default) stores them in plain JSON.
         */
        public Builder encryptionEnv(String variableName) {
            this.encryptionEnv = Objects.requireNonNull(variableName, "encryptionEnv");
            return this;
        }

        /**
         * The app flags of a command line, as PocketBase's {@code pocketbase.New()} reads them before the app exists:
         * {@code --dir}, {@code --dev}, {@code --encryptionEnv} and {@code --queryTimeout}. Pair it with
         * {@link PocketBase#start}: {@code PocketBase.create(cfg -> cfg.args(args)).start(args)}.
         */
        public Builder args(String... args) {
            io.pb4j.core.internal.GlobalFlags.apply(List.of(args), this::dataDir, this::dev, this::encryptionEnv,
                    this::queryTimeout);
            // --db=postgres://… (or PB4J_DB): the PostgreSQL store
            io.pb4j.core.internal.DbFlag.apply(List.of(args), this::store);
            return this;
        }

        Config build() {
            return new Config(dataDir, dev, storeName, discoverPlugins, plugins, encryptionEnv, queryTimeout,
                    readHeaderTimeout, readTimeout);
        }
    }
}
