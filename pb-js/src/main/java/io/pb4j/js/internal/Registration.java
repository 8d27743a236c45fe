package io.pb4j.js.internal;

import io.pb4j.core.router.Middleware;
import java.util.List;

/** What one call of a script's {@code routerAdd}, {@code routerUse}, {@code on*} or {@code cronAdd} asked for. */
sealed interface Registration {
    /** A middleware: one of {@code $apis}' (Java) or a script function (by its index in the context). */
    sealed interface Mw {
    }

    record JavaMw(Middleware middleware) implements Mw {
    }

    record ScriptMw(int index, String id, int priority) implements Mw {
    }

    record Route(String method, String path, int index, List<Mw> middlewares) implements Registration {
    }

    record Use(List<Mw> middlewares) implements Registration {
    }

    /** A hook handler; {@code style} 0: as written, 1: old "before" (next after it), 2: old "after" (next before it). */
    record HookHandler(String hook, int index, List<String> tags, int style) implements Registration {
    }

    record CronAdd(String id, String expression, int index) implements Registration {
    }

    record CronRemove(String id) implements Registration {
    }
}
