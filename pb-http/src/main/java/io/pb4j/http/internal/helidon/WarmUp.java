package io.pb4j.http.internal.helidon;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;
import java.time.Duration;

/**
 * Helidon's one-time set-up, begun on its own thread while the store opens. Building the first WebServer of a JVM
 * makes Helidon discover its service registry (every module's service descriptors), initialise its routing, mapper
 * and config classes: about half of the main thread's CPU from process start to the first response on a seeded
 * data dir. None of it depends on the app, so it can run beside the store's opening instead of after it.
 *
 * <p>{@link #await} is called before the server is built, so Helidon's classes are never initialised by two threads
 * at once (their static initialisers call each other). Once per JVM; thread-safe.
 */
final class WarmUp {
    private static final System.Logger LOG = System.getLogger(WarmUp.class.getName());
    /** Far longer than the set-up takes; past it the server is built anyway, as without a warm-up. */
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static Thread thread;

    private WarmUp() {
    }

    /** Starts the set-up on a daemon thread, unless it started before. */
    static synchronized void begin() {
        if (thread == null) {
            thread = Thread.ofPlatform().daemon().name("pb4j-http-warm-up").start(WarmUp::run);
        }
    }

    /** Waits for a begun set-up to end; returns at once when none was begun. */
    static void await() {
        Thread t;
        synchronized (WarmUp.class) {
            t = thread;
        }
        if (t == null) {
            return;
        }
        try {
            t.join(LIMIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run() {
        try {
            // the routing's first use discovers the service registry (through its mappers)
            HttpRouting.builder();
            Http1Config.builder().build();
            // the listener's defaults: the config system, protocol and feature discovery
            WebServer.builder().buildPrototype();
        } catch (RuntimeException | LinkageError e) {
            // the server's own start meets the same failure and reports it
            LOG.log(System.Logger.Level.DEBUG, "Helidon warm-up failed: " + e);
        }
    }
}
