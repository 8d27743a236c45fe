package io.pb4j.core.realtime;

import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import io.pb4j.core.hook.HookEvent;
import io.pb4j.core.router.RequestEvent;
import java.util.List;
import java.util.Optional;

/**
 * PocketBase's {@code RealtimeSubscribeRequestEvent}: a client submits its subscriptions (a {@code POST /api/realtime},
 * or a WebSocket {@code subscribe}/{@code unsubscribe}/{@code auth} message). Handlers may change
 * {@link #subscriptions(List)}; the default action binds {@link #auth()} to the client and replaces its subscriptions
 * with {@link #subscriptions()}. Not thread-safe.
 */
public final class RealtimeSubscribeRequestEvent extends HookEvent {
    private final PocketBase app;
    private final RequestEvent request;
    private final RealtimeClient client;
    private final Record auth;
    private List<String> subscriptions;

    /** Creates the event; the endpoint that fires the hook does this, apps receive it. */
    public RealtimeSubscribeRequestEvent(PocketBase app, Optional<RequestEvent> request, RealtimeClient client,
                                         Optional<Record> auth, List<String> subscriptions) {
        this.app = app;
        this.request = request.orElse(null);
        this.client = client;
        this.auth = auth.orElse(null);
        this.subscriptions = List.copyOf(subscriptions);
    }

    /** The app the event belongs to. */
    public PocketBase app() {
        return app;
    }

    /** The HTTP request of a {@code POST /api/realtime}; empty for a WebSocket message. */
    public Optional<RequestEvent> request() {
        return Optional.ofNullable(request);
    }

    /** The realtime client of the connection. */
    public RealtimeClient client() {
        return client;
    }

    /** The auth of the request, which the default action binds to the client. */
    public Optional<Record> auth() {
        return Optional.ofNullable(auth);
    }

    /** The client's whole new subscription list. */
    public List<String> subscriptions() {
        return subscriptions;
    }

    /** Replaces the subscriptions the default action will set. */
    public void subscriptions(List<String> subscriptions) {
        this.subscriptions = List.copyOf(subscriptions);
    }
}
