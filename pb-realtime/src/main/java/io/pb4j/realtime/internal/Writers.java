package io.pb4j.realtime.internal;

import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes queued messages to the clients' connections from a few short-lived virtual threads, so that one event
 * reaching N clients costs N socket writes and not N connection-thread wake-ups. The writers of one batch take its
 * clients from a shared cursor: a client whose socket blocks holds only the writer that is at it, the others go on
 * (and {@link Deadlines} drops a client whose write stays blocked). Stateless; thread-safe.
 */
final class Writers {
    /** Clients per writer thread; a batch gets one more writer for each so many clients, up to {@link #MAX_WRITERS}. */
    private static final int PER_WRITER = 512;
    /** Two per core of the target machine: enough for the cores, and one blocked socket leaves others writing. */
    private static final int MAX_WRITERS = 4;
    private static final ThreadFactory THREADS = Thread.ofVirtual().name("pb4j-realtime-writer").factory();

    private Writers() {
    }

    /** Drains the queues of {@code ready} (clients whose {@link Client#offer} asked for a writer) on writer threads. */
    static void start(List<Client> ready) {
        if (ready.isEmpty()) {
            return;
        }
        AtomicInteger cursor = new AtomicInteger();
        Runnable work = () -> {
            for (int i; (i = cursor.getAndIncrement()) < ready.size(); ) {
                ready.get(i).drain();
            }
        };
        int writers = Math.min(MAX_WRITERS, (ready.size() + PER_WRITER - 1) / PER_WRITER);
        for (int i = 0; i < writers; i++) {
            THREADS.newThread(work).start();
        }
    }

    /** One client that asked for a writer. */
    static void start(Client client) {
        THREADS.newThread(client::drain).start();
    }
}
