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

    public RecordsListRequestEvent(RequestEvent request, Collection collection, RecordPage page) {
        super(request);
        this.collection = Objects.requireNonNull(collection, "collection");
        this.page = Objects.requireNonNull(page, "page");
    }

    public Collection collection() {
        return collection;
    }

    public RecordPage page() {
        return page;
    }

    public void page(RecordPage replacement) {
        this.page = Objects.requireNonNull(replacement, "page");
    }

    @Override
    public List<String> tags() {
        return List.of(collection.id(), collection.name());
    }
}
