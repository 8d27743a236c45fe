package io.pb4j.core;

import io.pb4j.core.hook.Hook;
import io.pb4j.core.internal.RecordCommits;
import io.pb4j.core.spi.SqlSession;

/**
 * The app's record hooks around the record writes of a transaction: each save and delete runs through the model
 * chain ({@link ModelChain}), which fires the record hooks through its proxies ({@link ModelProxies}); the
 * after-success record hooks live here, proxied from {@code onModelAfter*Success}.
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
     * PocketBase's record save chain, inside the caller's transaction: {@code onModelCreate} → {@code onRecordCreate},
     * whose default action runs {@code onModelValidate} → {@code onRecordValidate} (default: {@code validation}; without
     * {@code validate} the validation runs without these hooks) and then {@code onModelCreateExecute} →
     * {@code onRecordCreateExecute} (default: {@code execution}).
     */
    @Override
    public void save(SqlSession s, Record record, boolean isNew, boolean validate, Runnable validation, Runnable execution) {
        app.modelChain().save(record, isNew, validate, e -> validation.run(), e -> execution.run());
    }

    /** {@code onModelDelete} → {@code onRecordDelete}, whose default action runs the Execute hooks (default: {@code execution}). */
    @Override
    public void delete(SqlSession s, Record record, Runnable execution) {
        app.modelChain().delete(record, e -> execution.run());
    }
}
