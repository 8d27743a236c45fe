package io.pb4j.core;

import io.pb4j.core.hook.HookEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Fired by {@link Backups#create} ({@link PocketBase#onBackupCreate()}) and {@link Backups#restore}
 * ({@link PocketBase#onBackupRestore()}): PocketBase's {@code BackupEvent}. A handler may rename the backup or change
 * the excluded top-level entries of the data dir before calling {@code next()}; without {@code next()} nothing is
 * written or restored. Not thread-safe.
 */
public final class BackupEvent extends HookEvent {
    private final PocketBase app;
    private String name;
    private final List<String> exclude;

    BackupEvent(PocketBase app, String name, List<String> exclude) {
        this.app = app;
        this.name = name;
        this.exclude = new ArrayList<>(exclude);
    }

    /** The app whose data dir is backed up or restored. */
    public PocketBase app() {
        return app;
    }

    /** The backup's key; {@code ""} on create until the default action generates one. */
    public String name() {
        return name;
    }

    /** Changes the backup's name (before the default action runs). */
    public void name(String name) {
        this.name = name;
    }

    /** The data dir's top-level entries left out (mutable). */
    public List<String> exclude() {
        return exclude;
    }
}
