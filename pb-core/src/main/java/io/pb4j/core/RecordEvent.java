package io.pb4j.core;

import io.pb4j.core.hook.HookEvent;

/**
 * PocketBase's {@code RecordEvent} as the after-success hooks see it ({@link PocketBase#onRecordAfterCreateSuccess()},
 * {@code …UpdateSuccess}, {@code …DeleteSuccess}): fired on the writing thread once the transaction that wrote the
 * record has committed, never for a write that rolled back. Several writes in one transaction (a batch request, a
 * cascade) fire in write order after that one commit.
 *
 * <p>{@link #record()} is a copy of the record as it was written (for a delete: as it was before the delete), taken
 * inside the transaction, so later changes of the caller's own {@code Record} do not show through. Handlers share that
 * copy: treat it as read-only. The event is not thread-safe.
 */
public final class RecordEvent extends HookEvent {
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
}
