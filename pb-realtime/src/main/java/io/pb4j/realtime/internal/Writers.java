package io.pb4j.realtime.internal;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes queued messages to the clients' connections from a few short-lived virtual threads, so that one event
 * reaching N clients costs N socket writes and not N connection-thread wake-ups. The writers of one batch take its
 * clients from a shared cursor, so a client whose socket blocks holds only the writer that is at it; when a batch has
 * made no progress for {@link #STALL} (every writer blocked), a watcher adds a writer, and {@link Deadlines} drops a
 * client whose write stays blocked. A blocked client is in no later batch meanwhile (its writer is still at work).
 * Thread-safe.
 */
final class Writers {
    /** Clients per writer thread; a batch gets one more writer for each so many clients, up to {@link #MAX_WRITERS}. */
    private static final int PER_WRITER = 512;
    /** Two per core of the target machine: enough for the cores. */
    private static final int MAX_WRITERS = 4;
    /** A batch whose writers took no client for this long gets one more writer. */
    static final long STALL = TimeUnit.MILLISECONDS.toNanos(50);
    private static final ThreadFactory THREADS = Thread.ofVirtual().name("pb4j-realtime-writer").factory();
    /** Batches with clients not taken yet, for the watcher. */
    private static final Set<Batch> ACTIVE = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean WATCHING = new AtomicBoolean();

    private Writers() {
    }

    /** Drains the queues of {@code ready} (clients whose {@link Client#offer} asked for a writer) on writer threads. */
    static void start(List<Client> ready) {
        if (ready.isEmpty()) {
            return;
        }
        Batch batch = new Batch(ready);
        int writers = Math.min(MAX_WRITERS, (ready.size() + PER_WRITER - 1) / PER_WRITER);
        for (int i = 0; i < writers; i++) {
            THREADS.newThread(batch).start();
        }
        ACTIVE.add(batch);
        if (WATCHING.compareAndSet(false, true)) {
            THREADS.newThread(Writers::watch).start();
        }
    }

    /** One client that asked for a writer. */
    static void start(Client client) {
        start(List.of(client));
    }

    /** Adds a writer to every batch that is stuck; ends when no batch is left. */
    private static void watch() {
        while (true) {
            try {
                Thread.sleep(TimeUnit.NANOSECONDS.toMillis(STALL));
            } catch (InterruptedException e) {
                WATCHING.set(false);
                return;
            }
            long now = System.nanoTime();
            for (Batch b : ACTIVE) {
                if (b.exhausted()) {
                    ACTIVE.remove(b);
                } else if (now - b.progress > STALL) {
                    b.progress = now;
                    THREADS.newThread(b).start();
                }
            }
            if (ACTIVE.isEmpty()) {
                WATCHING.set(false);
                // a batch added meanwhile may have seen the watcher still running: watch on for it
                if (ACTIVE.isEmpty() || !WATCHING.compareAndSet(false, true)) {
                    return;
                }
            }
        }
    }

    /** The clients of one event and the cursor its writers share. */
    private static final class Batch implements Runnable {
        private final List<Client> clients;
        private final AtomicInteger cursor = new AtomicInteger();
        /** When a writer last took a client (nanoTime). */
        private volatile long progress = System.nanoTime();

        Batch(List<Client> clients) {
            this.clients = clients;
        }

        boolean exhausted() {
            return cursor.get() >= clients.size();
        }

        @Override
        public void run() {
            for (int i; (i = cursor.getAndIncrement()) < clients.size(); ) {
                progress = System.nanoTime();
                clients.get(i).drain();
            }
        }
    }
}
