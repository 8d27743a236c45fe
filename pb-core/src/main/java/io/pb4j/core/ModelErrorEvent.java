package io.pb4j.core;

import io.pb4j.core.hook.HookEvent;
import io.pb4j.core.hook.Tagged;
import java.util.List;
import java.util.Objects;

/**
 * PocketBase's {@code ModelErrorEvent}: {@code onModelAfterCreateError}, {@code …UpdateError}, {@code …DeleteError},
 * fired once the transaction of a failed write ended (or at once outside a transaction), and for a write that
 * succeeded inside a transaction that then rolled back, with that transaction's failure. The failure reaches the
 * caller whatever the handlers do. Tagged as {@link ModelEvent}. Not thread-safe.
 */
public final class ModelErrorEvent extends HookEvent implements Tagged {
    private final PocketBase app;
    private final Object model;
    private final RuntimeException error;

    ModelErrorEvent(PocketBase app, Object model, RuntimeException error) {
        this.app = app;
        this.model = Objects.requireNonNull(model, "model");
        this.error = Objects.requireNonNull(error, "error");
    }

    /** The app the event belongs to. */
    public PocketBase app() {
        return app;
    }

    /** The model: a {@link Record} or a {@link Collection}. */
    public Object model() {
        return model;
    }

    /** The failure that ended the write. */
    public RuntimeException error() {
        return error;
    }

    @Override
    public List<String> tags() {
        return ModelEvent.tags(model);
    }
}
