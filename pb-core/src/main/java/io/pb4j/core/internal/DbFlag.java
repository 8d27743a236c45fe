package io.pb4j.core.internal;

import java.util.List;
import java.util.function.Consumer;

/**
 * Which database the app uses: {@code --db=postgres://user:password@host:port/database} on the command line, or else
 * the {@code PB4J_DB} environment variable; {@code sqlite} or nothing keeps the data dir's SQLite databases. A
 * PostgreSQL URL picks the {@code postgres} store and reaches it through the {@code pb4j.db} system property, which
 * the store provider reads when it opens.
 */
public final class DbFlag {
    /** The environment variable naming the database when {@code --db} is not given. */
    public static final String ENV = "PB4J_DB";
    /** The system property the {@code postgres} store provider reads its URL from. */
    public static final String PROPERTY = "pb4j.db";

    private DbFlag() {
    }

    /** Calls {@code store} with the store name that {@code args} (or the environment) asks for, if any. */
    public static void apply(List<String> args, Consumer<String> store) {
        String value = System.getenv(ENV);
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                break;
            }
            if (arg.startsWith("--db=")) {
                value = arg.substring("--db=".length());
            } else if (arg.equals("--db") && i + 1 < args.size()) {
                value = args.get(++i);
            }
        }
        if (value == null || value.isBlank()) {
            return;
        }
        String url = value.strip();
        if (url.equals("sqlite")) {
            store.accept("sqlite");
        } else if (url.startsWith("postgres://") || url.startsWith("postgresql://") || url.startsWith("jdbc:postgresql:")) {
            System.setProperty(PROPERTY, url);
            store.accept("postgres");
        }
    }
}
