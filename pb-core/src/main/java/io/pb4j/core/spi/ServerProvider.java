package io.pb4j.core.spi;

import io.pb4j.core.PocketBase;
import io.pb4j.core.router.Router;

/** Starts an HTTP server over a {@link Router}; pb-http provides the Helidon WebServer one. */
public interface ServerProvider {
    /** The provider's name. */
    String name();

    /**
     * Starts listening on {@code host:port} (port 0 picks a free one) and returns at once; each request is
     * dispatched with {@link Router#dispatch(PocketBase, io.pb4j.core.router.HttpRequest)}.
     */
    RunningServer start(PocketBase app, String host, int port, Router router);

    /**
     * Called once the caller knows it will serve, before it opens the store: a provider may begin its own set-up
     * (class initialisation, service discovery) on another thread, so that it overlaps the store's. Returns at once;
     * does nothing by default.
     */
    default void prepare() {
    }

    /** A started server. */
    interface RunningServer extends AutoCloseable {
        /** The port the server listens on. */
        int port();

        /** Stops accepting requests and waits for in-flight ones. */
        @Override
        void close();
    }
}
