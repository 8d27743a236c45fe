package io.pb4j.cli;

import io.pb4j.core.ApiException;
import io.pb4j.core.PocketBase;
import io.pb4j.core.ValidationError;
import io.pb4j.core.ValidationException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;
import java.util.stream.Collectors;

/**
 * The {@code pb4j} command. Exit status 0 on success, 1 on any error (the message goes to stderr, prefixed
 * {@code Error: } as PocketBase prints it).
 */
public final class Main {
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss");

    private final PrintStream out;
    private final PrintStream err;

    private Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** The {@code pb4j} command: an app configured by the command line's flags, run by {@link PocketBase#start}. */
    public static void main(String[] args) {
        PocketBase app = PocketBase.create(cfg -> cfg.args(args));
        int code = app.start(args);
        // No System.exit after a normal serve: the server stops when the JVM is shutting down, and exit() from there
        // would block forever.
        if (code != 0 || !CliLauncher.serves(java.util.List.of(args))) {
            System.exit(code);
        }
    }

    /** What {@link PocketBase#start} runs (through {@link CliLauncher}): the invocation of {@code args} on {@code app}. */
    static int start(PocketBase app, java.util.List<String> args) {
        Invocation invocation;
        try {
            invocation = CliArgs.parse(args);
        } catch (UsageException e) {
            PrintStream err = utf8(FileDescriptor.err);
            err.println("Error: " + e.getMessage());
            err.print(Usage.of(e.topic()));
            err.flush();
            return 1;
        }
        quietLibraryLogs(invocation instanceof Invocation.Serve serve && serve.dev());
        // UTF-8 whatever the locale, as PocketBase writes its banner (the box characters would become '?' under C).
        var main = new Main(utf8(FileDescriptor.out), utf8(FileDescriptor.err));
        int code = main.run(app, invocation);
        main.out.flush();
        main.err.flush();
        return code;
    }

    /** Kept so the configured levels are not garbage-collected with their loggers. */
    private static final java.util.List<Logger> CONFIGURED = new java.util.ArrayList<>();

    /**
     * Like PocketBase, the console shows the banner and errors, not the web server's start-up chatter; dev mode
     * keeps the INFO logs.
     */
    private static void quietLibraryLogs(boolean dev) {
        for (String name : new String[] {"io.helidon", "io.pb4j"}) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(dev ? Level.INFO : Level.WARNING);
            CONFIGURED.add(logger);
        }
        if (dev) {
            printSqlStatements();
        }
    }

    /** Dev mode prints every SQL statement with its parameters to the console, one line each, as PocketBase does. */
    private static void printSqlStatements() {
        Logger sql = Logger.getLogger("io.pb4j.sql");
        sql.setLevel(Level.FINE);
        sql.setUseParentHandlers(false);
        StreamHandler console = new StreamHandler(System.out, new Formatter() {
            @Override
            public String format(LogRecord r) {
                return "[sql] " + r.getMessage() + System.lineSeparator();
            }
        }) {
            @Override
            public synchronized void publish(LogRecord r) {
                super.publish(r);
                flush();
            }
        };
        console.setLevel(Level.FINE);
        sql.addHandler(console);
        CONFIGURED.add(sql);
    }

    static PrintStream utf8(FileDescriptor fd) {
        return new PrintStream(new FileOutputStream(fd), true, StandardCharsets.UTF_8);
    }

    private int run(PocketBase app, Invocation invocation) {
        return switch (invocation) {
            case Invocation.Help help -> {
                out.print(CliLauncher.withCommands(Usage.of(help.topic()), help.topic(), app));
                yield 0;
            }
            case Invocation.Version v -> {
                out.println("pb4j version " + version());
                yield 0;
            }
            case Invocation.Superuser superuser -> superuser(app, superuser) ? 0 : 1;
            case Invocation.Serve serve -> serve(app, serve) ? 0 : 1;
            case Invocation.Migrate migrate -> migrate(app, migrate) ? 0 : 1;
            case Invocation.MigrateStore m -> StoreMigrationCommand.run(m, out, err) ? 0 : 1;
        };
    }

    private boolean serve(PocketBase app, Invocation.Serve cmd) {
        try {
            java.util.ServiceLoader.load(io.pb4j.core.spi.ServerProvider.class).findFirst()
                    .ifPresent(io.pb4j.core.spi.ServerProvider::prepare);
            app.bootstrap();
            ServeOptions.apply(app, cmd);
            int port = app.serve(cmd.host(), cmd.port());
            String baseUrl = "http://" + hostForUrl(cmd.host()) + ":" + port;
            out.println(LocalDateTime.now().format(LOG_TIME) + " Server started at " + baseUrl);
            out.println("├─ REST API:  " + baseUrl + "/api/");
            out.println("└─ Dashboard: " + baseUrl + "/_/");
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(app::close, "pb4j-shutdown"));
            ServeOptions.closeOnSignals(app);
            app.awaitShutdown();
            return true;
        } catch (RuntimeException e) {
            err.println("Error: " + causes(e));
            return false;
        } finally {
            app.close();
        }
    }

    private boolean migrate(PocketBase app, Invocation.Migrate cmd) {
        try {
            app.bootstrap();
            var stdin = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8));
            new MigrateCommand(app, cmd.migrationsDir(), out, err, stdin).run(cmd.args());
            return true;
        } catch (RuntimeException e) {
            err.println("Error: " + causes(e));
            return false;
        } finally {
            app.close();
        }
    }

    /** An error with its causes, as Go's wrapped errors print: {@code failed to apply migration x: the cause}. */
    private static String causes(RuntimeException e) {
        String text = message(e);
        if (e.getCause() instanceof RuntimeException cause && e instanceof io.pb4j.core.migrate.MigrationException) {
            text += ": " + causes(cause);
        }
        return text;
    }

    private boolean superuser(PocketBase app, Invocation.Superuser cmd) {
        String email = cmd.email();
        try {
            app.bootstrap();
            var superusers = app.superusers();
            switch (cmd.action()) {
                case UPSERT -> superusers.upsert(email, cmd.password());
                case CREATE -> superusers.create(email, cmd.password());
                case UPDATE -> superusers.update(email, cmd.password());
                case DELETE -> superusers.delete(email);
            }
            out.println(switch (cmd.action()) {
                case UPSERT -> "Successfully saved superuser " + quote(email) + "!";
                case CREATE -> "Successfully created new superuser " + quote(email) + "!";
                case UPDATE -> "Successfully changed superuser " + quote(email) + " password!";
                case DELETE -> "Successfully deleted superuser " + quote(email) + "!";
            });
            return true;
        } catch (RuntimeException e) {
            String what = switch (cmd.action()) {
                case UPSERT -> "failed to upsert superuser account";
                case CREATE -> "failed to create new superuser account";
                case UPDATE -> "failed to change superuser " + quote(email) + " password";
                case DELETE -> "failed to delete superuser " + quote(email);
            };
            err.println("Error: " + what + ": " + message(e));
            return false;
        } finally {
            app.close();
        }
    }

    /** The module's version as the build recorded it; "(untracked)" as PocketBase says when there is none. */
    private static String version() {
        var descriptor = Main.class.getModule().getDescriptor();
        return descriptor == null ? "(untracked)" : descriptor.rawVersion().orElse("(untracked)");
    }

    /** A 0.0.0.0 or :: listener is reached on loopback; IPv6 literals get brackets. */
    private static String hostForUrl(String host) {
        if (host.equals("0.0.0.0") || host.equals("::")) {
            return "127.0.0.1";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

    static String message(RuntimeException e) {
        return switch (e) {
            case ValidationException v -> render(v.errors());
            case ApiException a when !a.data().isEmpty() -> a.getMessage() + " " + render(a.data());
            default -> e.getMessage() == null ? e.toString() : e.getMessage();
        };
    }

    /** Validation errors as Go's ozzo-validation prints them: {@code email: Cannot be blank; password: …}. */
    private static String render(Map<String, ?> errors) {
        return new TreeMap<>(errors).entrySet().stream()
                .map(entry -> entry.getKey() + ": " + switch (entry.getValue()) {
                    case ValidationError error -> error.message();
                    case Map<?, ?> nested -> "(" + render(stringKeys(nested)) + ")";
                    case Object other -> String.valueOf(other);
                })
                .collect(Collectors.joining("; "));
    }

    private static Map<String, ?> stringKeys(Map<?, ?> map) {
        var copy = new TreeMap<String, Object>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    /** Go's %q for the plain strings we quote. */
    static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
