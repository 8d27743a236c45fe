package io.pb4j.cli;

/** Help texts, laid out as PocketBase's (cobra) help. */
final class Usage {
    private static final String GLOBAL_FLAGS = """
                  --dev          enable dev mode, aka. printing logs and sql statements to the console
                  --dir string   the PocketBase data directory (default "pb_data")
                  --queryTimeout int   the default SELECT queries timeout in seconds (default 30)
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
