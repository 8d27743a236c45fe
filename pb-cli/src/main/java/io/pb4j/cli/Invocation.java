package io.pb4j.cli;

import java.nio.file.Path;

/** What the command line asked for, once parsed by {@link CliArgs}. */
sealed interface Invocation {

    /** {@code --help} (or no command): the help of {@code topic}, {@code ""} for the root command. */
    record Help(String topic) implements Invocation {}

    /** {@code --version}. */
    record Version() implements Invocation {}

    /**
     * {@code serve}: listen on {@code host:port} ({@code port} 0 = any free port); SELECTs are interrupted after
     * {@code queryTimeoutSeconds} ({@code --queryTimeout}, PocketBase's default 30).
     */
    record Serve(Path dataDir, boolean dev, String host, int port, int queryTimeoutSeconds) implements Invocation {
        static final int DEFAULT_QUERY_TIMEOUT = 30;

        Serve(Path dataDir, boolean dev, String host, int port) {
            this(dataDir, dev, host, port, DEFAULT_QUERY_TIMEOUT);
        }
    }

    /**
     * {@code superuser upsert|create|update|delete}; {@code password} is {@code ""} for {@code delete}.
     */
    record Superuser(Path dataDir, boolean dev, Action action, String email, String password) implements Invocation {
        enum Action {
            UPSERT, CREATE, UPDATE, DELETE;

            String command() {
                return name().toLowerCase(java.util.Locale.ROOT);
            }
        }
    }
}
