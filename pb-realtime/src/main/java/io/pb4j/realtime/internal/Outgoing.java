package io.pb4j.realtime.internal;

import io.pb4j.core.realtime.RealtimeMessage;
import java.nio.charset.StandardCharsets;

/**
 * A message waiting in a client's queue, with the part of its SSE framing that is the same for every client
 * ({@code event:…\ndata:…\n\n}) encoded once: one record event reaches thousands of clients as one shared instance.
 */
record Outgoing(RealtimeMessage message, byte[] frameTail) {
    /** The SSE keep-alive comment, queued like a message so that it takes the same write path; no hook sees it. */
    static final Outgoing PING = new Outgoing(new RealtimeMessage("keep-alive", ""), ":\n\n".getBytes(StandardCharsets.UTF_8));

    static Outgoing of(RealtimeMessage message) {
        return new Outgoing(message, tail(message));
    }

    /** Everything of PocketBase's framing after the client's own {@code id:} line. */
    static byte[] tail(RealtimeMessage m) {
        return ("event:" + m.name() + "\ndata:" + m.data() + "\n\n").getBytes(StandardCharsets.UTF_8);
    }
}
