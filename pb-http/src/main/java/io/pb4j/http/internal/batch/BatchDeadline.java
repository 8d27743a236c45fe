package io.pb4j.http.internal.batch;

import io.pb4j.core.ApiException;
import io.pb4j.core.router.RequestEvent;

/**
 * The batch's transaction deadline as its sub-requests see it: PocketBase abandons a batch at its timeout, so a
 * sub-request whose request hook is still running then never writes. A record write's default action checks it
 * before it starts, and the batch answers its plain timeout error.
 */
public final class BatchDeadline {
    private static final String KEY = "pb4jBatchDeadline";

    private BatchDeadline() {
    }

    static void set(RequestEvent sub, long deadlineNanos) {
        sub.store().put(KEY, deadlineNanos);
    }

    static boolean passed(long deadlineNanos) {
        return System.nanoTime() > deadlineNanos;
    }

    /** Throws when {@code e} is a batch sub-request whose batch is past its deadline. */
    public static void check(RequestEvent e) {
        if (e.store().get(KEY) instanceof Long deadline && passed(deadline)) {
            throw ApiException.badRequest("Batch transaction failed.");
        }
    }
}
