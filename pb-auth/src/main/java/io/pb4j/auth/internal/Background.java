package io.pb4j.auth.internal;

/** PocketBase's {@code routine.FireAndForget}: work whose result the client never sees, on a virtual thread. */
final class Background {
    private static final System.Logger LOG = System.getLogger(Background.class.getName());

    private Background() {
    }

    /** Runs {@code work}; a failure is logged as {@code what}. */
    static void run(String what, Runnable work) {
        Thread.ofVirtual().name("pb4j-" + what).start(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "Failed to " + what + ": " + e.getMessage(), e);
            }
        });
    }
}
