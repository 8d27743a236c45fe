/**
 * Realtime for pb4j: PocketBase's SSE endpoint ({@code /api/realtime}), subscriptions with per-client rule checks,
 * record events after commit (the broker behind {@code app.realtime()}); and the contract of brokers that fan
 * record events out across nodes.
 */
module io.pb4j.realtime {
    requires io.pb4j.core;

    exports io.pb4j.realtime.spi;

    uses io.pb4j.realtime.spi.BrokerProvider;

    provides io.pb4j.core.spi.Plugin with io.pb4j.realtime.internal.RealtimePlugin;
}
