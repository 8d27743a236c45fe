package io.pb4j.http;

import io.pb4j.core.ApiException;
import io.pb4j.core.PocketBase;
import io.pb4j.core.hook.Hook;
import io.pb4j.core.hook.HookEvent;

/**
 * Hook handlers that stand in for the BeforeTestFuncs of PocketBase's scenarios (the counting itself is the test kit's:
 * {@link io.pb4j.test.TestApp#eventCalls()}).
 */
final class HookCalls {
    private HookCalls() {
    }

    /**
     * The BeforeTestFunc of PocketBase's "tx body write check" scenarios: a handler on the named request hook runs
     * the rest of the chain (the endpoint's work) inside one transaction, then fails it with {@code TX_ERROR}, so the
     * work rolls back and the error is the answer.
     */
    static PbScenario.Step txError(String hookName) {
        return new PbScenario.Step("HookCalls.txError(" + hookName + ")", server -> {
            for (PocketBase node : server.nodes()) {
                Hook<?> hook = node.hooksByName().get(hookName);
                if (hook == null) {
                    throw new IllegalArgumentException("no hook named " + hookName);
                }
                bindTxError(node, hook);
            }
        });
    }

    private static <E extends HookEvent> void bindTxError(PocketBase app, Hook<E> hook) {
        hook.bindFunc(e -> app.store().write(s -> {
            e.next();
            throw ApiException.badRequest("TX_ERROR");
        }));
    }
}
