package io.pb4j.realtime.internal;

import java.io.IOException;

/**
 * Where a client's messages go (the SSE stream, or another transport's session). Called by one writer thread at a
 * time, never after the client's connection has ended.
 */
interface Sink {
    /** Writes one message, or the keep-alive {@link Outgoing#PING}; whether a message reached the client. */
    boolean write(Client client, Outgoing message) throws IOException;

    /** Pushes what was written to the network. */
    void flush() throws IOException;
}
