package io.pb4j.js.internal;

import java.util.ArrayList;
import java.util.List;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Value;

/**
 * One GraalJS context with the hook files run in it: the functions its scripts registered, by registration order.
 * Every context of a generation runs the same files, so the n-th function is the same handler in each; a context
 * is used by one thread at a time.
 */
final class JsContext implements AutoCloseable {
    final Context context;
    final List<Value> functions = new ArrayList<>();
    final List<Registration> registrations = new ArrayList<>();
    /** The generation whose pool holds this context (set once it is created). */
    Generation owner;

    JsContext(Context context) {
        this.context = context;
    }

    int add(Value fn) {
        functions.add(fn);
        return functions.size() - 1;
    }

    @Override
    public void close() {
        try {
            context.close(true);
        } catch (RuntimeException ex) {
            // already closed or in use by a thread that is being cancelled: nothing more to free
        }
    }
}
