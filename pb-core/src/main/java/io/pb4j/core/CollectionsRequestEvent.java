package io.pb4j.core;

import io.pb4j.core.router.RequestEvent;
import jakarta.json.JsonValue;
import java.util.Objects;

/**
 * PocketBase's {@code onCollectionsListRequest} and {@code onCollectionsImportRequest}: {@link #data()} is the
 * default action's input (the list's answer, or the submitted import), which a handler may replace before
 * {@code next()}. Per request, not thread-safe.
 */
public final class CollectionsRequestEvent extends RequestHookEvent {
    private JsonValue data;

    /** Creates the event; the endpoint that fires the hook does this, apps receive it. */
    public CollectionsRequestEvent(RequestEvent request, JsonValue data) {
        super(request);
        this.data = Objects.requireNonNull(data, "data");
    }

    /** The response data the default action will write. */
    public JsonValue data() {
        return data;
    }

    /** Replaces the response data the default action will write. */
    public void data(JsonValue replacement) {
        this.data = Objects.requireNonNull(replacement, "data");
    }
}
