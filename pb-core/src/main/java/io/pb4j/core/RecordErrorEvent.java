package io.pb4j.core;

import io.pb4j.core.hook.HookEvent;
import io.pb4j.core.hook.Tagged;
import java.util.List;
import java.util.Objects;

/**
 * PocketBase's {@code RecordErrorEvent}: {@code onRecordAfterCreateError}, {@code …UpdateError},
 * {@code …DeleteError}, fired on the writing thread once the write failed (its transaction rolled back, unless an
 * outer transaction of the caller is still open), with the record and the failure. The failure is rethrown to the
 * caller whatever the handlers do. Tagged with the collection's id and name. Not thread-safe.
 */
public final class RecordErrorEvent extends HookEvent implements Tagged {
    private final PocketBase app;
    private final Record record;
    private final RuntimeException error;

    RecordErrorEvent(PocketBase app, Record record, RuntimeException error) {
        this.app = app;
        this.record = Objects.requireNonNull(record, "record");
        this.error = Objects.requireNonNull(error, "error");
    }

    /** The app the event belongs to. */
    public PocketBase app() {
        return app;
    }

    /** The record the event is about. */
    public Record record() {
        return record;
    }

    /** The failure that ended the write. */
    public RuntimeException error() {
        return error;
    }

    @Override
    public List<String> tags() {
        return List.of(record.collection().id(), record.collection().name());
    }
}
