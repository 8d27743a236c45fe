package io.pb4j.http.internal.realtime;

import io.helidon.webserver.websocket.WsRouting;
import io.pb4j.core.PocketBase;
import io.pb4j.core.router.Router;

/** Binds the WebSocket face of the realtime broker at {@code /api/updates}. */
public final class UpdatesEndpoint {
    public static final String PATH = "/api/updates";

    private UpdatesEndpoint() {
    }

    public static WsRouting.Builder routing(PocketBase app, Router router) {
        return WsRouting.builder().endpoint(PATH, () -> new UpdatesSocket(app, router));
    }
}
