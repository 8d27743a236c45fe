package io.pb4j.cli;

import java.nio.file.Path;

/** What the command line asked for, once parsed by {@link CliArgs}. */
sealed interface Invocation {

    /** {@code --help} (or no command): the help of {@code topic}, {@code ""} for the root command. */
    record Help(String topic) implements Invocation {}

    /** {@code --version}. */
    record Version() implements Invocation {}

    /**
     * {@code serve}: listen on {@code host:port} ({@code port} 0 = any free port); CORS for {@code origins}
     * ({@code --origins}); with {@code automigrate}, collection changes through the API write migrations into
     * {@code migrationsDir}; {@code encryptionEnv} names the environment variable holding the settings encryption
     * key ({@code ""}: none); SELECTs are interrupted after {@code queryTimeoutSeconds} ({@code --queryTimeout},
     * PocketBase's default 30).
     */
    record Serve(Path dataDir, boolean dev, String host, int port, java.util.List<String> origins, boolean automigrate,
                 Path migrationsDir, String encryptionEnv, int queryTimeoutSeconds) implements Invocation {
        static final int DEFAULT_QUERY_TIMEOUT = 30;

        public Serve {
            origins = java.util.List.copyOf(origins);
        }

        Serve(Path dataDir, boolean dev, String host, int port, java.util.List<String> origins, boolean automigrate,
              Path migrationsDir, String encryptionEnv) {
            this(dataDir, dev, host, port, origins, automigrate, migrationsDir, encryptionEnv, DEFAULT_QUERY_TIMEOUT);
        }

        /** PocketBase's defaults for the other flags: every origin, automigrate in dev mode, {@code pb_data/../migrations}. */
        Serve(Path dataDir, boolean dev, String host, int port) {
            this(dataDir, dev, host, port, java.util.List.of("*"), dev, CliArgs.defaultMigrationsDir(dataDir), "");
        }

        Serve withEncryptionEnv(String env) {
            return new Serve(dataDir, dev, host, port, origins, automigrate, migrationsDir, env, queryTimeoutSeconds);
        }

        Serve withQueryTimeout(int seconds) {
            return new Serve(dataDir, dev, host, port, origins, automigrate, migrationsDir, encryptionEnv, seconds);
        }
    }

    /** {@code migrate [up|down [N]|create NAME|collections|history-sync]}; {@code args} as given after {@code migrate}. */
    record Migrate(Path dataDir, boolean dev, Path migrationsDir, java.util.List<String> args, String encryptionEnv)
            implements Invocation {
        public Migrate {
            args = java.util.List.copyOf(args);
        }

        Migrate(Path dataDir, boolean dev, Path migrationsDir, java.util.List<String> args) {
            this(dataDir, dev, migrationsDir, args, "");
        }
    }

    /** {@code migrate-store --from=pb_data --to=postgres://…}: copies a SQLite data dir into PostgreSQL. */
    record MigrateStore(Path from, String to) implements Invocation {}

    /**
     * {@code superuser upsert|create|update|delete}; {@code password} is {@code ""} for {@code delete}.
     */
    record Superuser(Path dataDir, boolean dev, Action action, String email, String password, String encryptionEnv)
            implements Invocation {
        Superuser(Path dataDir, boolean dev, Action action, String email, String password) {
            this(dataDir, dev, action, email, password, "");
        }

        enum Action {
            UPSERT, CREATE, UPDATE, DELETE;

            String command() {
                return name().toLowerCase(java.util.Locale.ROOT);
            }
        }
    }
}
