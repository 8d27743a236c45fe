package io.pb4j.core;

import io.pb4j.core.spi.Plugin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How an app starts: its data directory, dev mode, the store to use and its plugins. Immutable; built through
 * {@link PocketBase#create(java.util.function.Consumer)}.
 */
public record Config(Path dataDir, boolean dev, String storeName, boolean discoverPlugins, List<Plugin> plugins,
                     String encryptionEnv) {
    public Config {
        Objects.requireNonNull(encryptionEnv, "encryptionEnv");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(storeName, "storeName");
        plugins = List.copyOf(plugins);
    }

    /** Collects a {@link Config}; defaults are PocketBase's: {@code pb_data}, no dev mode, the {@code sqlite} store. */
    public static final class Builder {
        private Path dataDir = Path.of("pb_data");
        private boolean dev;
        private String storeName = "sqlite";
        private boolean discoverPlugins = true;
        private final List<Plugin> plugins = new ArrayList<>();
        private String encryptionEnv = "";

        Builder() {
        }

        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        public Builder dev(boolean dev) {
            this.dev = dev;
            return this;
        }

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

        Config build() {
            return new Config(dataDir, dev, storeName, discoverPlugins, plugins, encryptionEnv);
        }
    }
}
