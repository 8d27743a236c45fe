package io.pb4j.core.internal.cron;

import io.pb4j.core.BackupFile;
import io.pb4j.core.Backups;
import io.pb4j.core.Collection;
import io.pb4j.core.DateTimes;
import io.pb4j.core.PocketBase;
import io.pb4j.core.spi.BackupStorage;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * PocketBase's system cron jobs under their ids: {@code __pbDBOptimize__}, {@code __pbMFACleanup__},
 * {@code __pbOTPCleanup__} (registered with the app), {@code __pbLogsCleanup__} and {@code __pbAutoBackup__}
 * (registered on bootstrap; the latter follows settings {@code backups.cron} whenever the settings are reloaded).
 */
public final class SystemJobs {
    public static final String AUTO_BACKUP = "__pbAutoBackup__";
    private static final System.Logger LOG = System.getLogger(SystemJobs.class.getName());

    private final PocketBase app;
    private boolean bootstrapped;
    private String autoBackupExpression = "";

    public SystemJobs(PocketBase app) {
        this.app = app;
    }

    /** The jobs PocketBase adds when the app is created. */
    public void registerBase() {
        app.cron().add("__pbDBOptimize__", "0 0 * * *", () -> app.store().optimize());
        app.cron().add("__pbMFACleanup__", "0 * * * *", () -> deleteExpired("_mfas", "mfa"));
        app.cron().add("__pbOTPCleanup__", "0 * * * *", () -> deleteExpired("_otps", "otp"));
    }

    /** The jobs PocketBase adds on bootstrap: logs cleanup, then the auto backup of the current settings. */
    public synchronized void registerOnBootstrap() {
        app.cron().add("__pbLogsCleanup__", "0 */6 * * *", this::deleteOldLogs);
        bootstrapped = true;
        autoBackupExpression = "";
        settingsReloaded();
    }

    /** Re-registers (or removes) {@code __pbAutoBackup__} when settings {@code backups.cron} changed. */
    public synchronized void settingsReloaded() {
        if (!bootstrapped) {
            return;
        }
        JsonObject backups = app.settings().getJsonObject("backups");
        String expression = backups == null ? "" : backups.getString("cron", "");
        if (expression.equals(autoBackupExpression) && (expression.isEmpty() || app.cron().find(AUTO_BACKUP).isPresent())) {
            return;
        }
        autoBackupExpression = expression;
        if (expression.isEmpty()) {
            app.cron().remove(AUTO_BACKUP);
            return;
        }
        try {
            app.cron().add(AUTO_BACKUP, expression, this::autoBackup);
        } catch (IllegalArgumentException e) {
            app.cron().remove(AUTO_BACKUP);
            LOG.log(Level.WARNING, "[Backup cron] invalid backups.cron " + expression + ": " + e.getMessage());
        }
    }

    private void deleteOldLogs() {
        JsonObject logs = app.settings().getJsonObject("logs");
        int maxDays = logs == null ? 5 : logs.getInt("maxDays", 5);
        app.logs().deleteOlderThan(Duration.ofDays(maxDays));
    }

    /** Deletes the {@code table} rows older than each auth collection's {@code options.<option>.duration} seconds. */
    private void deleteExpired(String table, String option) {
        for (Collection c : app.collections()) {
            if (!c.isAuth()) {
                continue;
            }
            JsonObject opts = c.options().getJsonObject(option);
            long seconds = opts != null && opts.get("duration") instanceof JsonNumber n ? n.longValue() : 0;
            String minValid = DateTimes.format(Instant.now().minusSeconds(seconds));
            app.store().write(s -> s.execute("DELETE FROM `" + table + "` WHERE `collectionRef` = ? AND `created` < ?",
                    List.of(c.id(), minValid)));
        }
    }

    private void autoBackup() {
        Backups backups = app.backups();
        String name = backups.generateName(Backups.AUTO_PREFIX);
        try {
            backups.create(name);
        } catch (RuntimeException e) {
            // PocketBase also mails the superusers an alert here; pb4j logs only
            LOG.log(Level.ERROR, "[Backup cron] Failed to create backup " + name + ": " + e.getMessage(), e);
        }
        JsonObject settings = app.settings().getJsonObject("backups");
        int maxKeep = settings == null ? 0 : settings.getInt("cronMaxKeep", 0);
        if (maxKeep <= 0) {
            return;
        }
        BackupStorage storage = backups.storage();
        List<BackupFile> files = new ArrayList<>(storage.list(Backups.AUTO_PREFIX));
        if (maxKeep >= files.size()) {
            return;
        }
        files.sort(Comparator.comparing(BackupFile::modified).thenComparing(BackupFile::key).reversed());
        for (BackupFile f : files.subList(maxKeep, files.size())) {
            try {
                storage.delete(f.key());
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "[Backup cron] Failed to remove old autogenerated backup " + f.key(), e);
            }
        }
    }
}
