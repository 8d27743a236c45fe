/**
 * Realtime for pb4j: the contract of brokers that fan record events out across nodes. The SSE endpoint
 * ({@code /api/realtime}), subscriptions and per-client rule checks are not written yet (see README.md).
 */
module io.pb4j.realtime {
    requires io.pb4j.core;

    exports io.pb4j.realtime.spi;

    uses io.pb4j.realtime.spi.BrokerProvider;
}
