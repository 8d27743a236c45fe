package io.pb4j.core;

import io.pb4j.core.hook.Tagged;
import io.pb4j.core.router.RequestEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request hook about one record of a collection: {@code onRecordViewRequest}, {@code onRecordCreateRequest},
 * {@code onRecordUpdateRequest}, {@code onRecordDeleteRequest} and the auth flows ({@code onRecordAuthRefreshRequest},
 * {@code onRecordAuthWithPasswordRequest}, {@code onRecordRequestVerificationRequest} …). Tagged with the
 * collection's id and name. {@link #record()} is the record the default action works on (for a create: the new
 * record with the request's data loaded; handlers may change its fields); it is empty where PocketBase's is nil (a
 * request for an unknown email). Per request, not thread-safe.
 */
public final class RecordRequestEvent extends RequestHookEvent implements Tagged {
    private final Collection collection;
    private final Record record;

    /** Creates the event; the endpoint that fires the hook does this, apps receive it. */
    public RecordRequestEvent(RequestEvent request, Collection collection, Optional<Record> record) {
        super(request);
        this.collection = Objects.requireNonNull(collection, "collection");
        this.record = record.orElse(null);
    }

    /** The collection the event is about. */
    public Collection collection() {
        return collection;
    }

    /** The record the event is about; empty before it is known. */
    public Optional<Record> record() {
        return Optional.ofNullable(record);
    }

    @Override
    public List<String> tags() {
        return List.of(collection.id(), collection.name());
    }
}
