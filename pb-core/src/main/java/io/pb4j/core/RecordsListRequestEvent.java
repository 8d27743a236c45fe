package io.pb4j.core;

import io.pb4j.core.hook.Tagged;
import io.pb4j.core.router.RequestEvent;
import java.util.List;
import java.util.Objects;

/**
 * PocketBase's {@code onRecordsListRequest}: fired once the page is fetched; a handler may replace
 * {@link #page()} (e.g. drop or add records) before {@code next()}, whose default action expands and answers it.
 * Tagged with the collection's id and name. Per request, not thread-safe.
 */
public final class RecordsListRequestEvent extends RequestHookEvent implements Tagged {
    private final Collection collection;
    private RecordPage page;

    /** Creates the event; the endpoint that fires the hook does this, apps receive it. */
    public RecordsListRequestEvent(RequestEvent request, Collection collection, RecordPage page) {
        super(request);
        this.collection = Objects.requireNonNull(collection, "collection");
        this.page = Objects.requireNonNull(page, "page");
    }

    /** The collection the event is about. */
    public Collection collection() {
        return collection;
    }

    /** The page of records the default action will answer with. */
    public RecordPage page() {
        return page;
    }

    /** Replaces the page of records the default action will answer with. */
    public void page(RecordPage replacement) {
        this.page = Objects.requireNonNull(replacement, "page");
    }

    @Override
    public List<String> tags() {
        return List.of(collection.id(), collection.name());
    }
}
