package io.pb4j.core;

import io.pb4j.core.internal.logs.LogSearch;
import io.pb4j.core.internal.logs.LogWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The stored logs ({@code auxiliary.db} {@code _logs}): what PocketBase's logs API and its logs cleanup job use.
 * Reads see what the background writer has written so far ({@link #flush()} waits for it). Thread-safe.
 */
public final class Logs {
    private final PocketBase app;

    Logs(PocketBase app) {
        this.app = app;
    }

    /**
     * A page of entries; {@code filter} and {@code sort} are in PocketBase's filter language over {@code id},
     * {@code created}, {@code level}, {@code message}, {@code data} and {@code data.<path>} ({@code ""} for none).
     *
     * @throws ApiException 400 for a filter or sort that does not compile
     */
    public LogPage list(String filter, String sort, int page, int perPage, boolean skipTotal) {
        int p = Math.max(page, 1);
        int size = perPage <= 0 ? RecordQuery.DEFAULT_PER_PAGE : Math.min(perPage, RecordQuery.MAX_PER_PAGE);
        return app.store().readAuxiliary(s -> LogSearch.list(s, filter, sort, p, size, skipTotal));
    }

    /** The stored log entry with this id. */
    public Optional<Log> findById(String id) {
        return app.store().readAuxiliary(s -> LogSearch.findById(s, id));
    }

    /**
     * Entries per hour (of those matching {@code filter}), oldest hour first.
     *
     * @throws ApiException 400 {@code Invalid filter format.} for a filter that does not compile
     */
    public List<LogsStatsItem> stats(String filter) {
        return app.store().readAuxiliary(s -> LogSearch.stats(s, filter));
    }

    /**
     * PocketBase's {@code DeleteOldLogs(now - maxAge)}: deletes the entries created {@code maxAge} ago or earlier, as
     * the {@code __pbLogsCleanup__} job does with {@code logs.maxDays}. Returns how many were deleted.
     */
    public int deleteOlderThan(Duration maxAge) {
        String cutoff = DateTimes.format(Instant.now().minus(maxAge));
        return app.store().writeAuxiliary(s -> LogSearch.deleteCreatedBefore(s, cutoff));
    }

    /**
     * What PocketBase does to the stored logs when settings are saved ({@code __pbAppLoggerOnSettingsReload__}): deletes
     * the entries older than {@code logs.maxDays} days or below {@code logs.minLevel}, and with {@code maxDays = 0}
     * reclaims the space ({@code VACUUM}). Returns how many entries were deleted.
     */
    public int pruneToSettings() {
        io.pb4j.core.internal.logs.LogSettings current = io.pb4j.core.internal.logs.LogSettings.of(app.settings());
        String cutoff = DateTimes.format(Instant.now().minus(Duration.ofDays(current.maxDays())));
        int deleted = app.store().writeAuxiliary(s -> LogSearch.deleteOldOrBelow(s, cutoff, current.minLevel()));
        if (current.maxDays() == 0) {
            app.store().vacuumAuxiliary();
        }
        return deleted;
    }

    /** Deletes every entry and reclaims the space ({@code VACUUM}), as v0.40's {@code DELETE /api/logs}. */
    public void deleteAll() {
        app.store().writeAuxiliary(LogSearch::deleteAll);
        app.store().vacuumAuxiliary();
    }

    /** Waits until every entry logged before this call is stored (at most 30 s). */
    public void flush() {
        LogWriter writer = app.logWriter();
        if (writer != null) {
            writer.flush();
        }
    }

    /** Entries dropped since start because the writer's queue was full. */
    public long dropped() {
        LogWriter writer = app.logWriter();
        return writer == null ? 0 : writer.dropped();
    }
}
