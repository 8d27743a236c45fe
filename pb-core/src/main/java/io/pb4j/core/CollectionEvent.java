package io.pb4j.core;

import io.pb4j.core.hook.HookEvent;
import io.pb4j.core.hook.Tagged;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * PocketBase's {@code CollectionEvent}: the collection model hooks ({@code onCollectionValidate},
 * {@code onCollectionCreate}, {@code onCollectionCreateExecute}, {@code onCollectionAfterCreateSuccess} …), proxied
 * from the model hooks for every collection save or delete (the API's, {@code app.save(collection)}, the import's).
 * The create, update and delete hooks and their Execute ones run inside the write's transaction, so a handler that
 * throws rolls it back; the after-success ones run after the commit. Collections are immutable: a handler changes
 * the one saved by replacing it ({@code e.collection(e.collection().toBuilder()….build())}) before {@code next()}.
 * Tagged with the collection's id and name (those that are not empty). Not thread-safe.
 */
public final class CollectionEvent extends HookEvent implements Tagged {
    private final PocketBase app;
    private Collection collection;

    CollectionEvent(PocketBase app, Collection collection) {
        this.app = app;
        this.collection = Objects.requireNonNull(collection, "collection");
    }

    /** The app the event belongs to. */
    public PocketBase app() {
        return app;
    }

    /** The collection the event is about. */
    public Collection collection() {
        return collection;
    }

    /** Replaces the collection the rest of the chain and the default action work on. */
    public void collection(Collection collection) {
        this.collection = Objects.requireNonNull(collection, "collection");
    }

    @Override
    public List<String> tags() {
        return tags(collection);
    }

    static List<String> tags(Collection c) {
        List<String> tags = new ArrayList<>(2);
        if (!c.id().isEmpty()) {
            tags.add(c.id());
        }
        if (!c.name().isEmpty()) {
            tags.add(c.name());
        }
        return tags;
    }
}
