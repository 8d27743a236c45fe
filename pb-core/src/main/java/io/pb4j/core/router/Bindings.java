package io.pb4j.core.router;

import io.pb4j.core.hook.Hook;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The middlewares bound on one route or group and the ids unbound there; the router compiles them into each route's
 * {@link Hook}, which does the ordering. Guarded by the router's lock.
 */
final class Bindings {
    final List<Hook.Handler<RequestEvent>> middlewares = new ArrayList<>();
    final Set<String> excluded = new LinkedHashSet<>();

    void bind(Hook.Handler<RequestEvent> middleware) {
        middlewares.add(middleware);
        excluded.remove(middleware.id());
    }

    /** Drops the id here and leaves it out of the chains below; false for the empty id, which names nothing. */
    boolean unbind(String id) {
        if (id.isEmpty()) {
            return false;
        }
        middlewares.removeIf(m -> m.id().equals(id));
        excluded.add(id);
        return true;
    }
}
