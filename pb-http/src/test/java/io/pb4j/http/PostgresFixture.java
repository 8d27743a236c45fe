package io.pb4j.http;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * With {@code -Dpb4j.test.db=postgres}, every {@link TestServer} runs on PostgreSQL: one embedded server per test
 * JVM (binaries from Maven Central, on 127.0.0.1), a fresh database per data dir; PocketBase's test data is migrated
 * once (pb-store-postgres' {@code StoreMigration}) into a template that each fixture copy clones.
 */
final class PostgresFixture {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    /** The database of each data dir, so that a server reopened on the same dir finds its data. */
    private static final Map<Path, String> BY_DIR = new ConcurrentHashMap<>();
    private static final Object BOOTSTRAP = new Object();
    private static EmbeddedPostgres server;
    private static boolean fixtureReady;

    private PostgresFixture() {
    }

    static boolean enabled() {
        return "postgres".equals(System.getProperty("pb4j.test.db")) || ClusterNodes.enabled();
    }

    /**
     * Opens {@code app}'s store on the database of {@code dir} (created, or cloned from the fixture when {@code dir}
     * is a fresh fixture copy): the store provider reads {@code pb4j.db} while the app bootstraps, so bootstraps
     * take turns.
     */
    static void bootstrap(io.pb4j.core.PocketBase app, Path dir, boolean fixtureCopy) {
        String url = BY_DIR.computeIfAbsent(dir.toAbsolutePath(), d -> fixtureCopy ? cloneFixture() : create(null));
        synchronized (BOOTSTRAP) {
            System.setProperty("pb4j.db", url);
            try {
                app.bootstrap();
            } finally {
                System.clearProperty("pb4j.db");
            }
        }
    }

    /** A new empty database on the test server, for nodes that share it ({@link TestServer#onPostgres}). */
    static String newDatabase() {
        return create(null);
    }

    /** A new database holding PocketBase's test data (a clone of the migrated fixture), for nodes that share it. */
    static String newFixtureDatabase() {
        return cloneFixture();
    }

    /** Runs {@code sql} as the superuser on the test server's database of {@code url} (a URL made here). */
    static void execute(String url, String sql) {
        String database = url.substring(url.lastIndexOf('/') + 1);
        try (Connection c = server().getDatabase("postgres", database).getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql + ": " + e.getMessage(), e);
        }
    }

    /** Bootstraps {@code app} on the database at {@code url}. */
    static void bootstrapOn(io.pb4j.core.PocketBase app, String url) {
        synchronized (BOOTSTRAP) {
            System.setProperty("pb4j.db", url);
            try {
                app.bootstrap();
            } finally {
                System.clearProperty("pb4j.db");
            }
        }
    }

    private static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setServerConfig("max_connections", "1000")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start PostgreSQL", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // exiting
                }
            }));
        }
        return server;
    }

    private static String url(String db) {
        return "postgres://postgres:postgres@127.0.0.1:" + server().getPort() + "/" + db;
    }

    private static synchronized String create(String template) {
        String name = "pb_" + DATABASES.incrementAndGet();
        try (Connection c = server().getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " TEMPLATE " + (template == null ? "template0" : template)
                    + " ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a database: " + e.getMessage(), e);
        }
        return url(name);
    }

    private static synchronized String cloneFixture() {
        if (!fixtureReady) {
            try (Connection c = server().getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE pb_fixture TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create the fixture database: " + e.getMessage(), e);
            }
            Path copy = TestServer.newTempDir();
            try {
                for (String f : new String[] {"data.db", "auxiliary.db"}) {
                    Files.copy(TestServer.fixtureDir().resolve(f), copy.resolve(f));
                }
                Class.forName("io.pb4j.store.postgres.StoreMigration").getMethod("copy", Path.class, String.class)
                        .invoke(null, copy, url("pb_fixture"));
            } catch (ReflectiveOperationException | IOException e) {
                throw new IllegalStateException("cannot migrate the fixture into PostgreSQL", e);
            }
            fixtureReady = true;
        }
        return create("pb_fixture");
    }
}
