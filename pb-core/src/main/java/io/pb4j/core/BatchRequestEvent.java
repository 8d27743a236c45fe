package io.pb4j.core;

import io.pb4j.core.router.RequestEvent;
import jakarta.json.JsonObject;
import java.util.List;

/**
 * PocketBase's {@code OnBatchRequest} ({@code POST /api/batch}): fired once the batch form is read, with its
 * sub-requests as {@code {"method", "url", "body"}} objects (uploaded files left out); the default action runs them in
 * one transaction and answers their results. A handler may answer itself or wrap the transaction. Per request, not
 * thread-safe.
 */
public final class BatchRequestEvent extends RequestHookEvent {
    private final List<JsonObject> requests;

    /** Creates the event; the endpoint that fires the hook does this, apps receive it. */
    public BatchRequestEvent(RequestEvent request, List<JsonObject> requests) {
        super(request);
        this.requests = List.copyOf(requests);
    }

    /** The batch's requests as sent, in order. */
    public List<JsonObject> requests() {
        return requests;
    }
}
