package io.pb4j.http;

import static io.pb4j.http.PocketBaseScenarios.s;

import io.pb4j.http.PbScenario.Skipped;
import java.util.List;

/**
 * PocketBase's {@code apis/realtime_test.go} scenarios, ported as data where a plain request can express them. The
 * others register an in-process Go client with a known id before the request (ours get random ids from a live SSE
 * connection) or read the client afterwards; each is covered over real sockets by the {@link RealtimeApiTest} method
 * its reason names.
 */
final class PocketBaseRealtimeScenarios {
    private PocketBaseRealtimeScenarios() {
    }

    private static final String FILE = "realtime_test.go";
    private static final String LIVE = "needs a registered realtime client with a known id (BeforeTestFunc registers an in-process Go client; "
            + "pb4j clients come from a live SSE connection with a random id); covered by RealtimeApiTest.";

    static final List<PbScenario> PORTED = List.of(
            s(FILE, "TestRealtimeSubscribe", 132, "missing client", "POST", "/api/realtime", null,
                    "{\"clientId\":\"missing\",\"subscriptions\":[\"test1\", \"test2\"]}", 404)
                    .expect("\"data\":{}"),
            s(FILE, "TestRealtimeSubscribe", 141, "empty data", "POST", "/api/realtime", null, "{}", 400)
                    .expect("\"data\":{", "\"clientId\":{\"code\":\"validation_required")
                    .notExpect("\"subscriptions\""));

    static final List<Skipped> SKIPPED = List.of(
            new Skipped(FILE, "TestRealtimeConnect", 25, "", "a streamed response read until a client-side timeout, and the OnRealtimeConnectRequest/OnRealtimeMessageSend counts; "
                    + "covered by RealtimeApiTest.theStreamOpensWithPbConnectCarryingTheClientIdAsEventId"),
            new Skipped(FILE, "TestRealtimeConnect", 59, "PB_CONNECT interrupt", "hooks (BeforeTestFunc binds an OnRealtimeMessageSend hook that interrupts PB_CONNECT); "
                    + "covered by RealtimeApiTest.serverCodeSendsAndBroadcastsThroughTheJavaApiAndHooksSeeEveryMessage"),
            new Skipped(FILE, "TestRealtimeConnect", 84, "Skipping/ignoring messages", "hooks (BeforeTestFunc sends messages to an in-process client and skips some in OnRealtimeMessageSend); "
                    + "covered by RealtimeApiTest.serverCodeSendsAndBroadcastsThroughTheJavaApiAndHooksSeeEveryMessage"),
            new Skipped(FILE, "TestRealtimeSubscribe", 156, "existing client with invalid subscriptions limit", LIVE + "subscribeRejectsBadInputWithPocketBasesEnvelope"),
            new Skipped(FILE, "TestRealtimeSubscribe", 177, "existing client with valid subscriptions limit", LIVE + "subscribeRejectsBadInputWithPocketBasesEnvelope"),
            new Skipped(FILE, "TestRealtimeSubscribe", 204, "existing client with invalid topic length", LIVE + "subscribeRejectsBadInputWithPocketBasesEnvelope"),
            new Skipped(FILE, "TestRealtimeSubscribe", 225, "existing client with different IP", LIVE + "(none: the test server has one IP, 127.0.0.1; the check is SseApi.subscribe)"),
            new Skipped(FILE, "TestRealtimeSubscribe", 245, "existing client with valid topic length", LIVE + "subscribeRejectsBadInputWithPocketBasesEnvelope"),
            new Skipped(FILE, "TestRealtimeSubscribe", 272, "existing client - empty subscriptions", LIVE + "subscribeRejectsBadInputWithPocketBasesEnvelope"),
            new Skipped(FILE, "TestRealtimeSubscribe", 293, "existing client - 2 new subscriptions", LIVE + "subscribeRejectsBadInputWithPocketBasesEnvelope"),
            new Skipped(FILE, "TestRealtimeSubscribe", 321, "existing client - guest -> authorized superuser", LIVE + "theListRuleIsCheckedWithEachSubscribersAuth"),
            new Skipped(FILE, "TestRealtimeSubscribe", 345, "existing client - guest -> authorized regular auth record", LIVE + "onlyAGuestToAuthUpgradeOrTheSameAuthMayResubscribe"),
            new Skipped(FILE, "TestRealtimeSubscribe", 369, "existing client - same auth", LIVE + "onlyAGuestToAuthUpgradeOrTheSameAuthMayResubscribe"),
            new Skipped(FILE, "TestRealtimeSubscribe", 401, "existing client - mismatched auth", LIVE + "onlyAGuestToAuthUpgradeOrTheSameAuthMayResubscribe"),
            new Skipped(FILE, "TestRealtimeSubscribe", 429, "existing client - unauthorized client", LIVE + "onlyAGuestToAuthUpgradeOrTheSameAuthMayResubscribe"));
}
