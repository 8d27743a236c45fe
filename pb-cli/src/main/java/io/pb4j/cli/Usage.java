package io.pb4j.cli;

/** Help texts, laid out as PocketBase's (cobra) help. */
final class Usage {
    private static final String GLOBAL_FLAGS = """
                  --automigrate            enable/disable auto migrations (default: on with --dev)
                  --dev                    enable dev mode, aka. printing logs and sql statements to the console
                  --db string              the database: postgres://user:password@host:port/database,
                                           or the env variable PB4J_DB (default: SQLite in --dir)
                  --dir string             the PocketBase data directory (default "pb_data")
                  --encryptionEnv string   the env variable whose value of 32 characters will be used
                                           as encryption key for the app settings (default none)
                  --hooksDir string        the directory with the JS app hooks (default "pb_data/../pb_hooks")
                  --hooksPool int          the total prewarm JS contexts for the JS app hooks execution (default 15)
                  --hooksWatch             auto reload the JS app hooks on pb_hooks file change (default true)
                  --migrationsDir string   the directory with the user defined migrations (default "pb_data/../migrations")
                  --queryTimeout int       the default SELECT queries timeout in seconds (default 30)
            """;

    private Usage() {}

    /** The help of {@code topic} ({@code ""}, {@code serve}, {@code superuser}, {@code superuser upsert} …). */
    static String of(String topic) {
        return switch (topic) {
            case "serve" -> """
                    Starts the web server (default to 127.0.0.1:8090)

                    Usage:
                      pb4j serve [flags]

                    Flags:
                      -h, --help          help for serve
                          --http string   TCP address to listen for the HTTP server (default "127.0.0.1:8090")
                          --origins strings   CORS allowed domain origins list (default [*])

                    Global Flags:
                    """ + GLOBAL_FLAGS;
            case "superuser" -> """
                    Manage superusers

                    Usage:
                      pb4j superuser [command]

                    Available Commands:
                      create      Creates a new superuser
                      delete      Deletes an existing superuser
                      update      Changes the password of a single superuser
                      upsert      Creates, or updates if email exists, a single superuser

                    Flags:
                      -h, --help   help for superuser

                    Global Flags:
                    """ + GLOBAL_FLAGS + """

                    Use "pb4j superuser [command] --help" for more information about a command.
                    """;
            case "migrate" -> """
                    Supported arguments are:
                    - up            - runs all available migrations
                    - down [number] - reverts the last [number] applied migrations
                    - create name   - creates new blank migration template file
                    - collections   - creates new migration file with snapshot of the local collections configuration
                    - history-sync  - ensures that the _migrations history table doesn't have references to deleted migration files

                    Usage:
                      pb4j migrate [flags]

                    Flags:
                      -h, --help   help for migrate

                    Global Flags:
                    """ + GLOBAL_FLAGS;
            case "migrate-store" -> """
                    Copies a SQLite data dir (pb4j's or PocketBase's) into an empty PostgreSQL database,
                    verifying the row count of every table; uploaded files stay in the data dir

                    Usage:
                      pb4j migrate-store --from=pb_data --to=postgres://user:password@host:port/database [flags]

                    Flags:
                          --from string   the data dir to copy (default: --dir)
                          --to string     the PostgreSQL database to copy into
                      -h, --help          help for migrate-store

                    Global Flags:
                    """ + GLOBAL_FLAGS;
            case "superuser upsert" -> superuserCommand("upsert",
                    "Creates, or updates if email exists, a single superuser", "test@example.com 1234567890");
            case "superuser create" -> superuserCommand("create", "Creates a new superuser", "test@example.com 1234567890");
            case "superuser update" -> superuserCommand("update",
                    "Changes the password of a single superuser", "test@example.com 1234567890");
            case "superuser delete" -> superuserCommand("delete", "Deletes an existing superuser", "test@example.com");
            default -> """
                    pb4j CLI

                    Usage:
                      pb4j [command]

                    Available Commands:
                      migrate     Executes app DB migration scripts
                      serve       Starts the web server (default to 127.0.0.1:8090)
                      superuser   Manage superusers

                    Flags:
                    """ + GLOBAL_FLAGS + """
                      -h, --help         help for pb4j
                      -v, --version      version for pb4j

                    Use "pb4j [command] --help" for more information about a command.
                    """;
        };
    }

    private static String superuserCommand(String name, String summary, String exampleArgs) {
        return summary + "\n\nUsage:\n  pb4j superuser " + name + " [flags]\n\nExamples:\n  pb4j superuser " + name + " "
                + exampleArgs + "\n\nFlags:\n  -h, --help   help for " + name + "\n\nGlobal Flags:\n" + GLOBAL_FLAGS;
    }
}
