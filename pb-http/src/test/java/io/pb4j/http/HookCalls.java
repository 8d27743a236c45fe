package io.pb4j.http;

import io.pb4j.core.ApiException;
import io.pb4j.core.PocketBase;
import io.pb4j.core.hook.Hook;
import io.pb4j.core.hook.HookEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * PocketBase's {@code tests.TestApp} event counting: a counting handler on every hook of the app's catalogue
 * ({@link PocketBase#hooksByName()}), bound first, so each trigger counts whatever the other handlers do; and
 * {@code ApiScenario}'s {@code ExpectedEvents} check over the counts.
 */
final class HookCalls {
    private static final Map<PocketBase, Map<String, AtomicInteger>> COUNTS = Collections.synchronizedMap(new WeakHashMap<>());

    private HookCalls() {
    }

    /** Starts counting every hook of {@code app} (from zero). */
    static void countAll(PocketBase app) {
        Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
        app.hooksByName().forEach((name, hook) -> {
            AtomicInteger c = counts.computeIfAbsent(name, k -> new AtomicInteger());
            bindCounter(hook, c);
        });
        COUNTS.put(app, counts);
    }

    private static <E extends HookEvent> void bindCounter(Hook<E> hook, AtomicInteger count) {
        hook.bind(new Hook.Handler<>("__pb4jTestHookCounter", Integer.MIN_VALUE, e -> {
            count.incrementAndGet();
            e.next();
        }));
    }

    /**
     * What the counts show wrong against PocketBase's {@code ExpectedEvents}: each named hook must have fired exactly
     * that often; with {@code "*": 0}, no other hook may have fired at all. Unknown hook names are a problem too.
     */
    static List<String> problems(PocketBase app, Map<String, Integer> expected) {
        Map<String, AtomicInteger> counts = COUNTS.getOrDefault(app, Map.of());
        List<String> out = new ArrayList<>();
        expected.forEach((name, times) -> {
            if (name.equals("*")) {
                return;
            }
            AtomicInteger c = counts.get(name);
            if (c == null) {
                out.add("no hook named " + name + " in the catalogue");
            } else if (c.get() != times) {
                out.add(name + " fired " + c.get() + " times, expected " + times);
            }
        });
        if (Integer.valueOf(0).equals(expected.get("*"))) {
            new TreeMap<>(counts).forEach((name, c) -> {
                if (!expected.containsKey(name) && c.get() > 0) {
                    out.add(name + " fired " + c.get() + " times, expected none");
                }
            });
        }
        return out;
    }

    /**
     * The BeforeTestFunc of PocketBase's "tx body write check" scenarios: a handler on the named request hook runs
     * the rest of the chain (the endpoint's work) inside one transaction, then fails it with {@code TX_ERROR}, so the
     * work rolls back and the error is the answer.
     */
    static PbScenario.Step txError(String hookName) {
        return new PbScenario.Step("HookCalls.txError(" + hookName + ")", server -> {
            Hook<?> hook = server.app.hooksByName().get(hookName);
            if (hook == null) {
                throw new IllegalArgumentException("no hook named " + hookName);
            }
            bindTxError(server.app, hook);
        });
    }

    private static <E extends HookEvent> void bindTxError(PocketBase app, Hook<E> hook) {
        hook.bindFunc(e -> app.store().write(s -> {
            e.next();
            throw ApiException.badRequest("TX_ERROR");
        }));
    }
}
