package io.pb4j.core;

import io.pb4j.core.internal.backup.BackupArchive;
import io.pb4j.core.internal.backup.DataDirs;
import io.pb4j.core.internal.backup.FileStorageBackups;
import io.pb4j.core.internal.backup.LocalBackupStorage;
import io.pb4j.core.internal.backup.RestoreGate;
import io.pb4j.core.spi.BackupStorage;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * PocketBase's backups ({@code core/base_backup.go}): zips of the data dir, kept in {@code pb_data/backups}, and
 * restores that swap the data dir under the running app. One backup or restore runs at a time ({@link #active()}).
 *
 * <p>A backup copies the databases with the store's online {@link io.pb4j.core.spi.Store#snapshot snapshot}, so
 * writes go on while it runs (PocketBase v0.40); other files (e.g. {@code storage/}) are copied as they are. A restore
 * holds new requests back ({@link #admit}), closes the store, moves the old files to a temp folder, moves the
 * backup's files in and opens the store again; when that fails the old files are put back and reopened, so a bad
 * archive loses nothing. Thread-safe.
 */
public final class Backups {
    /** PocketBase's folder names inside the data dir. */
    public static final String BACKUPS_DIR = "backups";
    /** The data dir's folder of files left for deletion by a restore (PocketBase's {@code LocalTempDirName}). */
    public static final String TEMP_DIR = ".pb_temp_to_delete";
    /** The prefix of the backups the {@code backups.cron} job makes. */
    public static final String AUTO_PREFIX = "@auto_pb_backup_";
    private static final List<String> DB_SIDE_FILES = List.of("data.db-wal", "data.db-shm", "data.db-journal",
            "auxiliary.db-wal", "auxiliary.db-shm", "auxiliary.db-journal");

    private final PocketBase app;
    private final AtomicReference<String> active = new AtomicReference<>();
    private final RestoreGate gate = new RestoreGate();

    Backups(PocketBase app) {
        this.app = app;
    }

    /**
     * Where backups are kept for the current settings: {@code pb_data/backups}, or S3 when {@code backups.s3.enabled}.
     *
     * @throws ApiException 400 when S3 is enabled and pb-files (which brings the S3 backend) is absent
     */
    public BackupStorage storage() {
        JsonObject backups = app.settings().getJsonObject("backups");
        JsonObject s3 = backups == null ? null : backups.getJsonObject("s3");
        if (s3 != null && s3.getBoolean("enabled", false)) {
            if (!app.hasFiles()) {
                throw ApiException.badRequest("Backups on S3 are not available: they need the io.pb4j.files module (pb-files). "
                        + "Turn off backups.s3.enabled to keep backups in pb_data/backups.");
            }
            return new FileStorageBackups(app.files().backups());
        }
        return new LocalBackupStorage(app.config().dataDir().resolve(BACKUPS_DIR));
    }

    /** The stored backups, newest first. */
    public List<BackupFile> list() {
        return storage().list("");
    }

    /** The name of the backup being created or restored (PocketBase's {@code @activeBackup}); empty when idle. */
    public Optional<String> active() {
        return Optional.ofNullable(active.get());
    }

    /**
     * Creates a backup named {@code name} ({@code ""} for PocketBase's {@code pb_backup_<app>_<UTC time>.zip}), through
     * {@link PocketBase#onBackupCreate()}. An existing backup of that name is replaced. Blocks until it is stored.
     *
     * @throws IllegalStateException when another backup or restore runs
     */
    public void create(String name) {
        claim(name);
        try {
            BackupEvent event = new BackupEvent(app, name,
                    List.of(BACKUPS_DIR, TEMP_DIR, ".notify", ".autocert_cache", "lost+found"));
            app.onBackupCreate().trigger(event, this::writeBackup);
        } finally {
            active.set(null);
        }
    }

    private void writeBackup(BackupEvent e) {
        if (e.name().isEmpty()) {
            e.name(generateName("pb_backup_"));
        }
        BackupStorage storage = storage();
        Path dataDir = app.config().dataDir();
        Path temp = dataDir.resolve(TEMP_DIR).resolve("pb_backup_" + io.pb4j.core.security.RandomStrings.fromAlphabet(8, io.pb4j.core.security.RandomStrings.LOWER_ALPHANUMERIC));
        try {
            Path snapshot = Files.createDirectories(temp.resolve("db"));
            app.store().snapshot(snapshot);
            List<String> exclude = new ArrayList<>(e.exclude());
            exclude.addAll(DB_SIDE_FILES);
            Path zip = temp.resolve("backup.zip");
            BackupArchive.create(dataDir, zip, exclude,
                    Map.of("data.db", snapshot.resolve("data.db"), "auxiliary.db", snapshot.resolve("auxiliary.db")));
            storage.store(e.name(), zip);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } finally {
            DataDirs.deleteQuietly(temp);
        }
    }

    /**
     * Restores the backup {@code name} through {@link PocketBase#onBackupRestore()}: the data dir's content (except
     * {@code backups} and the temp folder) is replaced with the archive's and the store is reopened, while the HTTP
     * server keeps running. Blocks until done.
     *
     * @throws IllegalStateException    when another backup or restore runs, or the archive has no {@code data.db}
     * @throws IllegalArgumentException when there is no such backup
     * @throws RuntimeException         when the archive cannot be extracted or opened; the old data is back then
     */
    public void restore(String name) {
        claim(name);
        try {
            BackupEvent event = new BackupEvent(app, name, List.of(BACKUPS_DIR, TEMP_DIR, ".autocert_cache", "lost+found"));
            app.onBackupRestore().trigger(event, this::restoreBackup);
        } finally {
            active.set(null);
        }
    }

    private void restoreBackup(BackupEvent e) {
        BackupStorage storage = storage();
        if (!storage.exists(e.name())) {
            throw new IllegalArgumentException("missing or invalid backup file \"" + e.name() + "\" to restore");
        }
        Path dataDir = app.config().dataDir();
        Path temp = dataDir.resolve(TEMP_DIR);
        Path extracted = temp.resolve("pb_restore_" + io.pb4j.core.security.RandomStrings.fromAlphabet(8, io.pb4j.core.security.RandomStrings.LOWER_ALPHANUMERIC));
        Path old = temp.resolve("old_pb_data_" + io.pb4j.core.security.RandomStrings.fromAlphabet(8, io.pb4j.core.security.RandomStrings.LOWER_ALPHANUMERIC));
        List<String> exclude = List.copyOf(e.exclude());
        try {
            try (InputStream in = storage.open(e.name())) {
                BackupArchive.extract(in, extracted);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            if (!Files.isRegularFile(extracted.resolve("data.db"))) {
                throw new IllegalStateException("data.db file is missing or invalid");
            }
            gate.close();
            try {
                app.reopenStore(() -> {
                    DataDirs.moveContent(dataDir, old, exclude);
                    DataDirs.moveContent(extracted, dataDir, exclude);
                }, () -> {
                    DataDirs.moveContent(dataDir, extracted, exclude);
                    DataDirs.moveContent(old, dataDir, exclude);
                });
            } catch (RuntimeException | Error ex) {
                DataDirs.deleteIfEmpty(old);
                throw ex;
            } finally {
                gate.open();
            }
            // only now: after a failed swap the revert may have left some old files here
            DataDirs.deleteQuietly(old);
        } finally {
            DataDirs.deleteQuietly(extracted);
        }
    }

    /** Removes the data dir's temp folder, as PocketBase does on every bootstrap. */
    void clearTemp() {
        DataDirs.deleteQuietly(app.config().dataDir().resolve(TEMP_DIR));
    }

    /**
     * Runs one request, first waiting while a restore swaps the data (the HTTP layer wraps every request in it); a
     * request that waits too long gets a 503 {@link ApiException}.
     */
    public void admit(Runnable request) {
        gate.admit(request);
    }

    /** PocketBase's backup names: {@code prefix + snake_case(appName) (50 chars max) + "_" + UTC yyyyMMddHHmmss + ".zip"}. */
    public String generateName(String prefix) {
        JsonObject meta = app.settings().getJsonObject("meta");
        String appName = Inflector.snakecase(meta == null ? "" : meta.getString("appName", ""));
        if (appName.length() > 50) {
            appName = appName.substring(0, 50);
        }
        return prefix + appName + "_" + DateTimeFormatter.ofPattern("yyyyMMddHHmmss").format(ZonedDateTime.now(ZoneOffset.UTC)) + ".zip";
    }

    private void claim(String name) {
        if (!active.compareAndSet(null, name)) {
            throw new IllegalStateException("try again later - another backup/restore operation has already been started");
        }
    }
}
