package io.pb4j.js;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the JavaScript hooks live and how they run: PocketBase's {@code --hooksDir} (default
 * {@code <dataDir>/../pb_hooks}), {@code --hooksWatch} (reload on change, default on), {@code --hooksPool} (the
 * most contexts that run handlers at once, default 15 as PocketBase's; made as calls overlap, not at start-up) and the JavaScript migrations folder (default
 * {@code <dataDir>/../pb_migrations}).
 *
 * @param hooksDir the folder with the {@code *.pb.js} files
 * @param watch whether a change of a {@code .js} file under {@code hooksDir} reloads the hooks
 * @param poolSize how many contexts run handlers at once (at least 1)
 * @param migrationsDir the folder with the {@code *.js} migrations
 */
public record JsHooksOptions(Path hooksDir, boolean watch, int poolSize, Path migrationsDir) {
    /** PocketBase's {@code --hooksPool} default. */
    public static final int DEFAULT_POOL = 15;

    public JsHooksOptions {
        Objects.requireNonNull(hooksDir, "hooksDir");
        Objects.requireNonNull(migrationsDir, "migrationsDir");
        if (poolSize < 1) {
            throw new IllegalArgumentException("hooksPool must be at least 1, got " + poolSize);
        }
    }

    /** PocketBase's defaults for a data dir: {@code ../pb_hooks}, watching, 15 contexts, {@code ../pb_migrations}. */
    public static JsHooksOptions defaults(Path dataDir) {
        Path parent = dataDir.toAbsolutePath().normalize().getParent();
        Path base = parent == null ? Path.of("") : parent;
        return new JsHooksOptions(base.resolve("pb_hooks"), true, DEFAULT_POOL, base.resolve("pb_migrations"));
    }

    /**
     * The defaults overridden by the system properties the {@code pb4j} command sets from its flags:
     * {@code pb4j.hooksDir}, {@code pb4j.hooksWatch}, {@code pb4j.hooksPool} and {@code pb4j.jsMigrationsDir}.
     */
    public static JsHooksOptions fromSystemProperties(Path dataDir) {
        JsHooksOptions d = defaults(dataDir);
        String dir = System.getProperty("pb4j.hooksDir", "");
        String watch = System.getProperty("pb4j.hooksWatch", "");
        String pool = System.getProperty("pb4j.hooksPool", "");
        String migrations = System.getProperty("pb4j.jsMigrationsDir", "");
        return new JsHooksOptions(dir.isBlank() ? d.hooksDir() : Path.of(dir),
                watch.isBlank() ? d.watch() : Boolean.parseBoolean(watch),
                pool.isBlank() ? d.poolSize() : Integer.parseInt(pool.strip()),
                migrations.isBlank() ? d.migrationsDir() : Path.of(migrations));
    }
}
