package io.pb4j.core;

import io.pb4j.core.hook.Hook;
import io.pb4j.core.internal.RecordCommits;
import io.pb4j.core.internal.RecordSaver;
import io.pb4j.core.internal.TransactionEffects;
import io.pb4j.core.spi.SqlSession;

/**
 * The app's record hooks around the record writes of a transaction: the model hooks inside it, and the after-success
 * hooks after it, each write registering an after-commit action ({@link TransactionEffects}, the one after-commit path
 * of the app, also used by file clean-ups) that triggers the hook for its action with a copy of the record taken at
 * the write.
 */
final class RecordHooks implements RecordCommits {
    private final PocketBase app;
    private final Hook<RecordEvent> created = new Hook<>();
    private final Hook<RecordEvent> updated = new Hook<>();
    private final Hook<RecordEvent> deleted = new Hook<>();

    RecordHooks(PocketBase app) {
        this.app = app;
    }

    Hook<RecordEvent> created() {
        return created;
    }

    Hook<RecordEvent> updated() {
        return updated;
    }

    Hook<RecordEvent> deleted() {
        return deleted;
    }

    /**
     * PocketBase's record save chain, inside the caller's transaction: {@code onRecordCreate} (or {@code …Update})
     * whose default action runs {@code onRecordValidate} (default: {@code validation}) and then
     * {@code onRecordCreateExecute} (default: {@code execution}).
     */
    @Override
    public void save(SqlSession s, Record record, boolean isNew, Runnable validation, Runnable execution) {
        Hooks h = app.hooks();
        RecordEvent event = new RecordEvent(app, record);
        (isNew ? h.recordCreate() : h.recordUpdate()).trigger(event, e -> {
            h.recordValidate().trigger(new RecordEvent(app, record), v -> validation.run());
            (isNew ? h.recordCreateExecute() : h.recordUpdateExecute()).trigger(new RecordEvent(app, record), x -> execution.run());
        });
    }

    /** {@code onRecordDelete}, whose default action runs {@code onRecordDeleteExecute} (default: {@code execution}). */
    @Override
    public void delete(SqlSession s, Record record, Runnable execution) {
        Hooks h = app.hooks();
        h.recordDelete().trigger(new RecordEvent(app, record),
                e -> h.recordDeleteExecute().trigger(new RecordEvent(app, record), x -> execution.run()));
    }

    /**
     * Runs a record write ({@code "create"}, {@code "update"} or {@code "delete"}); when it fails, fires
     * {@code onRecordAfterCreateError} (…) with the failure and rethrows it. A failing handler is logged, not thrown.
     */
    <T> T guarded(String action, Record record, java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (RuntimeException failure) {
            Hooks h = app.hooks();
            Hook<RecordErrorEvent> hook = switch (action) {
                case "create" -> h.recordAfterCreateError();
                case "update" -> h.recordAfterUpdateError();
                default -> h.recordAfterDeleteError();
            };
            if (hook.length() > 0) {
                try {
                    hook.trigger(new RecordErrorEvent(app, record, failure));
                } catch (RuntimeException handlerFailure) {
                    failure.addSuppressed(handlerFailure);
                }
            }
            throw failure;
        }
    }

    @Override
    public void written(SqlSession s, String action, Record record) {
        Hook<RecordEvent> hook = switch (action) {
            case "create" -> created;
            case "update" -> updated;
            case "delete" -> deleted;
            default -> throw new IllegalArgumentException("unknown record action " + action);
        };
        if (hook.length() == 0) {
            // nobody listens now: no copy, no action (a handler bound during the transaction misses this write)
            return;
        }
        Record copy = Record.fromRow(record.collection(), RecordSaver.columnValues(record));
        TransactionEffects.afterCommit(() -> hook.trigger(new RecordEvent(app, copy), e -> {
        }));
    }
}
