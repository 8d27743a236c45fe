package io.pb4j.core;

import io.pb4j.core.hook.HookEvent;
import io.pb4j.core.hook.Tagged;
import java.util.List;
import java.util.Objects;

/**
 * PocketBase's {@code CollectionErrorEvent}: {@code onCollectionAfterCreateError}, {@code …UpdateError},
 * {@code …DeleteError}, with the collection and the failure, fired as {@link ModelErrorEvent}. Not thread-safe.
 */
public final class CollectionErrorEvent extends HookEvent implements Tagged {
    private final PocketBase app;
    private final Collection collection;
    private final RuntimeException error;

    CollectionErrorEvent(PocketBase app, Collection collection, RuntimeException error) {
        this.app = app;
        this.collection = Objects.requireNonNull(collection, "collection");
        this.error = Objects.requireNonNull(error, "error");
    }

    /** The app the event belongs to. */
    public PocketBase app() {
        return app;
    }

    /** The collection the event is about. */
    public Collection collection() {
        return collection;
    }

    /** The failure that ended the write. */
    public RuntimeException error() {
        return error;
    }

    @Override
    public List<String> tags() {
        return CollectionEvent.tags(collection);
    }
}
