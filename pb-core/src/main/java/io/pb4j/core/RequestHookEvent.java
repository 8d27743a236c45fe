package io.pb4j.core;

import io.pb4j.core.hook.HookEvent;
import io.pb4j.core.router.RequestEvent;
import java.util.Objects;

/**
 * Base of PocketBase's request hook events ({@code onRecordCreateRequest}, {@code onCollectionsListRequest} …): the
 * HTTP request being answered, so a handler can read it, set headers, or answer itself ({@code e.request().json(…)})
 * without calling {@code next()}. The default action (the last link) does the endpoint's work and writes its answer;
 * a handler that runs {@code next()} inside {@code app.store().write(…)} and then throws rolls that work back and
 * answers its own error. Per request, not thread-safe.
 */
public abstract class RequestHookEvent extends HookEvent {
    private final RequestEvent request;

    /** An event of {@code request}. */
    protected RequestHookEvent(RequestEvent request) {
        this.request = Objects.requireNonNull(request, "request");
    }

    /** The HTTP request this event is part of. */
    public RequestEvent request() {
        return request;
    }

    /** The app the event belongs to. */
    public PocketBase app() {
        return request.app();
    }
}
