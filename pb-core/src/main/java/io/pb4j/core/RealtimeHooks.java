package io.pb4j.core;

import io.pb4j.core.hook.Hook;
import io.pb4j.core.realtime.RealtimeConnectRequestEvent;
import io.pb4j.core.realtime.RealtimeMessageEvent;
import io.pb4j.core.realtime.RealtimeSubscribeRequestEvent;

/** The app's realtime hooks, held together so {@link PocketBase} stays a list of accessors. */
record RealtimeHooks(Hook<RealtimeConnectRequestEvent> connect, Hook<RealtimeSubscribeRequestEvent> subscribe,
                     Hook<RealtimeMessageEvent> message) {
    RealtimeHooks() {
        this(new Hook<>(), new Hook<>(), new Hook<>());
    }
}
