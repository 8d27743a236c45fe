package io.pb4j.core;

import io.pb4j.core.hook.Tagged;
import io.pb4j.core.router.RequestEvent;
import java.util.List;
import java.util.Objects;

/**
 * PocketBase's {@code onCollectionViewRequest}, {@code onCollectionCreateRequest}, {@code onCollectionUpdateRequest}
 * and {@code onCollectionDeleteRequest}: {@link #collection()} is what the default action answers, saves or
 * deletes (for a create or update: the request's data applied); a handler may replace it before {@code next()}.
 * Tagged with the collection's id and name. Per request, not thread-safe.
 */
public final class CollectionRequestEvent extends RequestHookEvent implements Tagged {
    private Collection collection;

    /** Creates the event; the endpoint that fires the hook does this, apps receive it. */
    public CollectionRequestEvent(RequestEvent request, Collection collection) {
        super(request);
        this.collection = Objects.requireNonNull(collection, "collection");
    }

    /** The collection the event is about. */
    public Collection collection() {
        return collection;
    }

    /** Replaces the collection the default action will use. */
    public void collection(Collection replacement) {
        this.collection = Objects.requireNonNull(replacement, "collection");
    }

    @Override
    public List<String> tags() {
        return List.of(collection.id(), collection.name());
    }
}
