package io.pb4j.core;

import io.pb4j.core.hook.Hook;
import io.pb4j.core.internal.RecordCommits;
import io.pb4j.core.internal.RecordSaver;
import io.pb4j.core.spi.SqlSession;

/**
 * The app's after-success record hooks, fed by the record writes of a transaction: each write registers an
 * after-commit action that triggers the hook for its action with a copy of the record taken at the write.
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
        s.afterCommit(() -> hook.trigger(new RecordEvent(app, copy), e -> {
        }));
    }
}
