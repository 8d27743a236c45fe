package io.pb4j.cli;

import io.pb4j.core.PocketBase;
import io.pb4j.core.router.Cors;
import sun.misc.Signal;

/** What {@code serve}'s flags add to the app: CORS origins, automigrate, and a clean stop on SIGTERM and SIGINT. */
final class ServeOptions {
    private ServeOptions() {
    }

    static void apply(PocketBase app, Invocation.Serve cmd) {
        if (!cmd.origins().equals(java.util.List.of("*"))) {
            app.onServe().bind("pbServeOrigins", 0, se -> {
                se.router().bind(Cors.middleware(cmd.origins()));
                se.next();
            });
        }
        if (cmd.automigrate()) {
            Automigrate.register(app, cmd.migrationsDir());
        }
    }

    /**
     * As PocketBase on SIGINT/SIGTERM: the server stops accepting, in-flight requests finish (within the server's
     * grace period), the databases close with their WAL checkpointed, and the process exits 0 (the JVM's own
     * handling would exit 143 or 130).
     */
    static void closeOnSignals(PocketBase app) {
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> app.close());
        }
    }
}
