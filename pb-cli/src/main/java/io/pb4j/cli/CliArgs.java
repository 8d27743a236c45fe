package io.pb4j.cli;

import io.pb4j.cli.Invocation.Superuser.Action;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses pb4j's command line the way PocketBase's (cobra) one reads: flags anywhere, {@code --flag=value} or
 * {@code --flag value}, global {@code --dir} and {@code --dev}, {@code serve --http=host:port}.
 */
final class CliArgs {
    static final String DEFAULT_DIR = "pb_data";
    static final String DEFAULT_HTTP = "127.0.0.1:8090";

    private CliArgs() {}

    /** The invocation; throws {@link UsageException} for anything PocketBase's CLI would refuse. */
    static Invocation parse(List<String> args) {
        var positional = new ArrayList<String>();
        String dir = DEFAULT_DIR;
        String http = null;
        boolean dev = false;
        boolean help = false;
        boolean version = false;
        String encryptionEnv = "";
        int queryTimeout = Invocation.Serve.DEFAULT_QUERY_TIMEOUT;
        String migrationsDir = null;
        Boolean automigrate = null;
        List<String> origins = new ArrayList<>();
        String db = null;
        String from = null;

        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                positional.addAll(args.subList(i + 1, args.size()));
                break;
            }
            if (arg.equals("-h")) {
                help = true;
            } else if (arg.equals("-v")) {
                version = true;
            } else if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
                String inline = eq < 0 ? null : arg.substring(eq + 1);
                switch (name) {
                    case "help" -> help = true;
                    case "version" -> version = true;
                    case "dev" -> dev = inline == null || parseBool(inline, arg);
                    case "automigrate" -> automigrate = inline == null || parseBool(inline, arg);
                    case "hooksWatch" -> HooksFlags.watch(inline == null || parseBool(inline, arg));
                    case "hooksDir", "hooksPool" -> {
                        if (inline == null && i + 1 >= args.size()) {
                            throw new UsageException("flag needs an argument: --" + name, topicOf(positional));
                        }
                        HooksFlags.set(name, inline == null ? args.get(++i) : inline, topicOf(positional));
                    }
                    case "migrationsDir", "origins" -> {
                        if (inline == null && i + 1 >= args.size()) {
                            throw new UsageException("flag needs an argument: --" + name, topicOf(positional));
                        }
                        String value = inline == null ? args.get(++i) : inline;
                        if (name.equals("migrationsDir")) {
                            migrationsDir = value;
                            HooksFlags.migrationsDir(value);
                        } else {
                            // cobra's string slice: comma-separated, and each repetition adds
                            for (String origin : value.split(",", -1)) {
                                origins.add(origin.strip());
                            }
                        }
                    }
                    case "dir", "http", "encryptionEnv" -> {
                        String value = inline;
                        if (value == null) {
                            if (i + 1 >= args.size()) {
                                throw new UsageException("flag needs an argument: --" + name, topicOf(positional));
                            }
                            value = args.get(++i);
                        }
                        if (name.equals("encryptionEnv")) {
                            encryptionEnv = value;
                        } else if (name.equals("dir")) {
                            dir = value;
                        } else {
                            http = value;
                        }
                    }
                    case "db", "from", "to" -> {
                        // --db: read by the app's config (DbFlag); --from/--to: migrate-store's source and target
                        if (inline == null && i + 1 >= args.size()) {
                            throw new UsageException("flag needs an argument: --" + name, topicOf(positional));
                        }
                        String value = inline == null ? args.get(++i) : inline;
                        if (name.equals("from")) {
                            from = value;
                        } else {
                            db = value;
                        }
                    }
                    case "queryTimeout" -> {
                        String value = inline;
                        if (value == null) {
                            if (i + 1 >= args.size()) {
                                throw new UsageException("flag needs an argument: --" + name, topicOf(positional));
                            }
                            value = args.get(++i);
                        }
                        queryTimeout = queryTimeout(value, topicOf(positional));
                    }
                    default -> throw new UsageException("unknown flag: --" + name, topicOf(positional));
                }
            } else if (arg.startsWith("-") && arg.length() > 1) {
                throw new UsageException("unknown shorthand flag: '" + arg.charAt(1) + "' in " + arg, topicOf(positional));
            } else {
                positional.add(arg);
            }
        }
        if (dir.isBlank()) {
            throw new UsageException("--dir must not be empty", topicOf(positional));
        }
        if (positional.isEmpty()) {
            return version && !help ? new Invocation.Version() : new Invocation.Help("");
        }
        String command = positional.getFirst();
        if (http != null && !command.equals("serve")) {
            throw new UsageException("unknown flag: --http", topicOf(positional));
        }
        if (!origins.isEmpty() && !command.equals("serve")) {
            throw new UsageException("unknown flag: --origins", topicOf(positional));
        }
        Path migrations = migrationsDir == null || migrationsDir.isBlank()
                ? defaultMigrationsDir(Path.of(dir)) : Path.of(migrationsDir);
        Invocation invocation = switch (command) {
            case "help" -> new Invocation.Help(String.join(" ", positional.subList(1, positional.size())));
            case "serve" -> {
                if (help) {
                    yield new Invocation.Help("serve");
                }
                var plain = (Invocation.Serve) serve(positional, Path.of(dir), dev, http);
                yield new Invocation.Serve(plain.dataDir(), dev, plain.host(), plain.port(),
                        origins.isEmpty() ? List.of("*") : origins, automigrate == null ? dev : automigrate, migrations, "");
            }
            case "migrate" -> help ? new Invocation.Help("migrate")
                    : new Invocation.Migrate(Path.of(dir), dev, migrations, positional.subList(1, positional.size()), "");
            case "superuser" -> superuser(positional, Path.of(dir), dev, help);
            case "migrate-store" -> help ? new Invocation.Help("migrate-store")
                    : migrateStore(from == null ? Path.of(dir) : Path.of(from), db);
            default -> throw new UsageException("unknown command \"" + command + "\" for \"pb4j\"", "");
        };
        Invocation withEnv = withEncryptionEnv(invocation, encryptionEnv);
        return withEnv instanceof Invocation.Serve serve ? serve.withQueryTimeout(queryTimeout) : withEnv;
    }

    private static Invocation migrateStore(Path from, String to) {
        if (to == null || to.isBlank()) {
            throw new UsageException("migrate-store needs --to=postgres://user:password@host:port/database",
                    "migrate-store");
        }
        return new Invocation.MigrateStore(from, to);
    }

    /** Seconds, as cobra's IntVar reads them; 0 or less means PocketBase's default (core/base.go). */
    private static int queryTimeout(String value, String topic) {
        try {
            int seconds = Integer.parseInt(value);
            return seconds <= 0 ? Invocation.Serve.DEFAULT_QUERY_TIMEOUT : seconds;
        } catch (NumberFormatException e) {
            throw new UsageException("invalid argument \"" + value + "\" for \"--queryTimeout\" flag: "
                    + "strconv.ParseInt: parsing \"" + value + "\": invalid syntax", topic);
        }
    }

    /** The global {@code --encryptionEnv} flag on the commands that open the data dir. */
    private static Invocation withEncryptionEnv(Invocation invocation, String env) {
        return switch (invocation) {
            case Invocation.Serve s -> s.withEncryptionEnv(env);
            case Invocation.Migrate m -> new Invocation.Migrate(m.dataDir(), m.dev(), m.migrationsDir(), m.args(), env);
            case Invocation.Superuser s -> new Invocation.Superuser(s.dataDir(), s.dev(), s.action(), s.email(), s.password(), env);
            default -> invocation;
        };
    }

    /** PocketBase's default migrations dir: {@code migrations} beside the data dir. */
    static Path defaultMigrationsDir(Path dataDir) {
        return dataDir.resolve("..").resolve("migrations").normalize();
    }

    private static Invocation serve(List<String> positional, Path dir, boolean dev, String http) {
        if (positional.size() > 1) {
            throw new UsageException("domain arguments (automatic TLS) are not supported; use --http=host:port", "serve");
        }
        String address = http == null ? DEFAULT_HTTP : http;
        int colon = address.lastIndexOf(':');
        if (colon < 0) {
            throw new UsageException("invalid --http address \"" + address + "\": missing port", "serve");
        }
        String host = address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isEmpty()) {
            host = "0.0.0.0"; // ":8090" listens on every interface, as in Go
        }
        int port;
        try {
            port = Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw new UsageException("invalid --http address \"" + address + "\": bad port", "serve");
        }
        return new Invocation.Serve(dir, dev, host, port);
    }

    private static Invocation superuser(List<String> positional, Path dir, boolean dev, boolean help) {
        if (positional.size() == 1) {
            return new Invocation.Help("superuser");
        }
        String sub = positional.get(1);
        Action action = switch (sub) {
            case "upsert" -> Action.UPSERT;
            case "create" -> Action.CREATE;
            case "update" -> Action.UPDATE;
            case "delete" -> Action.DELETE;
            default -> throw new UsageException("unknown command \"" + sub + "\" for \"pb4j superuser\"", "superuser");
        };
        String topic = "superuser " + sub;
        if (help) {
            return new Invocation.Help(topic);
        }
        List<String> rest = positional.subList(2, positional.size());
        if (action == Action.DELETE) {
            if (rest.isEmpty() || rest.getFirst().isBlank()) {
                throw new UsageException("invalid or missing email address", topic);
            }
            return new Invocation.Superuser(dir, dev, action, rest.getFirst(), "");
        }
        if (rest.size() != 2) {
            throw new UsageException("missing email and password arguments", topic);
        }
        if (rest.getFirst().isBlank()) {
            throw new UsageException("missing or invalid email address", topic);
        }
        return new Invocation.Superuser(dir, dev, action, rest.get(0), rest.get(1));
    }

    private static boolean parseBool(String value, String arg) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "t", "1" -> true;
            case "false", "f", "0" -> false;
            default -> throw new UsageException("invalid argument \"" + value + "\" for " + arg, "");
        };
    }

    private static String topicOf(List<String> positional) {
        if (positional.isEmpty()) {
            return "";
        }
        return positional.getFirst().equals("superuser") && positional.size() > 1
                ? "superuser " + positional.get(1)
                : positional.getFirst();
    }
}
