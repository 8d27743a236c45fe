package io.pb4j.core.migrate;

import io.pb4j.core.PocketBase;
import io.pb4j.core.internal.Schema;
import io.pb4j.core.spi.SqlSession;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An app's migrations and PocketBase's migrations runner over them ({@code core.MigrationsRunner}): the
 * {@link Migration} services on the module or class path plus those registered in code, ordered by
 * {@link Migration#file()}. Each run ({@link #up}, {@link #down}) is one transaction: every migration of it and its
 * {@code _migrations} row commit together or not at all. One instance per app ({@link PocketBase#migrations()});
 * thread-safe.
 */
public final class Migrations {
    private static final String TABLE = "_migrations";

    private final PocketBase app;
    private final List<Migration> registered = new CopyOnWriteArrayList<>();
    private volatile List<Migration> discovered;

    /** The app's migrations; use {@link PocketBase#migrations()} rather than a second instance. */
    public Migrations(PocketBase app) {
        this.app = app;
    }

    /** Adds a migration in code (PocketBase's {@code core.AppMigrations.Register}); it wins over a service of the same name. */
    public Migrations register(Migration migration) {
        registered.add(migration);
        return this;
    }

    /** Every known migration, ordered by file name. */
    public List<Migration> list() {
        var byFile = new TreeMap<String, Migration>();
        for (Migration m : discovered()) {
            byFile.put(m.file(), m);
        }
        for (Migration m : registered) {
            byFile.put(m.file(), m);
        }
        return List.copyOf(byFile.values());
    }

    /** Applies every migration not recorded in {@code _migrations}, in order; returns their file names. */
    public List<String> up() {
        List<Migration> all = list();
        if (all.isEmpty()) {
            return List.of();
        }
        List<String> applied = new ArrayList<>();
        run(s -> {
            Set<String> done = appliedFiles(s);
            for (Migration m : all) {
                if (done.contains(m.file())) {
                    continue;
                }
                try {
                    m.up(app);
                } catch (RuntimeException e) {
                    throw new MigrationException("failed to apply migration " + m.file(), m.file(), e);
                }
                record(s, m.file());
                applied.add(m.file());
            }
        });
        return Collections.unmodifiableList(applied);
    }

    /**
     * The last {@code count} applied migrations among the known ones, the latest first; a negative count means all
     * of them.
     */
    public List<String> lastApplied(int count) {
        List<String> known = list().stream().map(Migration::file).toList();
        int limit = count < 0 ? known.size() : count;
        if (known.isEmpty() || limit == 0) {
            return List.of();
        }
        return app.store().read(s -> {
            // seconds and microseconds (older PocketBase rows) compare alike once padded to the same width
            List<String> files = new ArrayList<>();
            for (var row : s.query("SELECT file FROM " + TABLE + " WHERE applied IS NOT NULL"
                    + " ORDER BY substr(applied||'0000000000000000', 0, 17) DESC, file DESC", List.of())) {
                String file = String.valueOf(row.get("file"));
                if (known.contains(file) && files.size() < limit) {
                    files.add(file);
                }
            }
            return List.copyOf(files);
        });
    }

    /** Reverts the last {@code count} applied migrations (all for a negative count), latest first; returns them. */
    public List<String> down(int count) {
        List<String> names = lastApplied(count);
        if (names.isEmpty()) {
            return List.of();
        }
        var byFile = new TreeMap<String, Migration>();
        list().forEach(m -> byFile.put(m.file(), m));
        List<String> reverted = new ArrayList<>();
        run(s -> {
            for (String name : names) {
                Migration m = byFile.get(name);
                try {
                    m.down(app);
                } catch (RuntimeException e) {
                    throw new MigrationException("failed to revert migration " + name, name, e);
                }
                s.execute("DELETE FROM " + TABLE + " WHERE file = ?", List.of(name));
                reverted.add(name);
            }
        });
        return Collections.unmodifiableList(reverted);
    }

    /**
     * Deletes the {@code _migrations} rows of migrations that no longer exist (neither known to this app nor one of
     * PocketBase's system migrations); returns how many.
     */
    public int historySync() {
        Set<String> keep = new LinkedHashSet<>(Schema.systemMigrations());
        list().forEach(m -> keep.add(m.file()));
        return app.store().write(s -> {
            int removed = 0;
            for (var row : s.query("SELECT file FROM " + TABLE, List.of())) {
                String file = String.valueOf(row.get("file"));
                if (!keep.contains(file)) {
                    removed += s.execute("DELETE FROM " + TABLE + " WHERE file = ?", List.of(file));
                }
            }
            return removed;
        });
    }

    /** Records a migration as applied now, outside any run (what automigrate does for the files it writes). */
    public void markApplied(String file) {
        app.store().write(s -> {
            record(s, file);
            return null;
        });
    }

    private void run(java.util.function.Consumer<SqlSession> work) {
        try {
            app.store().write(s -> {
                work.accept(s);
                return null;
            });
        } finally {
            // the migrations may have changed collections or settings, and a rollback undoes what they cached
            app.reloadSchema();
        }
    }

    private static Set<String> appliedFiles(SqlSession s) {
        Set<String> files = new LinkedHashSet<>();
        for (var row : s.query("SELECT file FROM " + TABLE, List.of())) {
            files.add(String.valueOf(row.get("file")));
        }
        return files;
    }

    private static void record(SqlSession s, String file) {
        // microseconds, as PocketBase, so that several migrations of one run keep their order
        s.execute("INSERT INTO " + TABLE + " (file, applied) VALUES (?, ?)", List.of(file, Clock.micros()));
    }

    private List<Migration> discovered() {
        List<Migration> d = discovered;
        if (d == null) {
            List<Migration> found = new ArrayList<>();
            ServiceLoader.load(Migration.class).forEach(found::add);
            d = List.copyOf(found);
            discovered = d;
        }
        return d;
    }

    /** Strictly increasing microseconds since the epoch. */
    private static final class Clock {
        private static long last;

        static synchronized long micros() {
            long now = System.currentTimeMillis() * 1000;
            last = Math.max(now, last + 1);
            return last;
        }
    }
}
