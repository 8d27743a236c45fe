package io.pb4j.core;

import io.pb4j.core.hook.HookEvent;
import io.pb4j.core.hook.Tagged;
import java.util.List;

/**
 * PocketBase's {@code RecordEvent}: the record model hooks ({@code onRecordValidate}, {@code onRecordCreate},
 * {@code onRecordCreateExecute} … fired inside the write's transaction with the record being saved, so a handler that
 * throws rolls the write back) and the after-success hooks. Tagged with the collection's id and name.
 *
 * <p>As the after-success hooks see it ({@link PocketBase#onRecordAfterCreateSuccess()},
 * {@code …UpdateSuccess}, {@code …DeleteSuccess}): fired on the writing thread once the transaction that wrote the
 * record has committed, never for a write that rolled back. Several writes in one transaction (a batch request, a
 * cascade) fire in write order after that one commit.
 *
 * <p>{@link #record()} is a copy of the record as it was written (for a delete: as it was before the delete), taken
 * inside the transaction, so later changes of the caller's own {@code Record} do not show through. Handlers share that
 * copy: treat it as read-only. The event is not thread-safe.
 */
public final class RecordEvent extends HookEvent implements Tagged {
    private final PocketBase app;
    private final Record record;

    RecordEvent(PocketBase app, Record record) {
        this.app = app;
        this.record = record;
    }

    /** The app. */
    public PocketBase app() {
        return app;
    }

    /** The record created, updated or deleted. */
    public Record record() {
        return record;
    }

    @Override
    public List<String> tags() {
        return List.of(record.collection().id(), record.collection().name());
    }
}
