package io.pb4j.core.hook;

import java.util.List;
import java.util.function.Consumer;

/**
 * Base of every hook event: carries the chain position so a handler continues with {@link #next()}. A handler
 * that does not call {@code next()} stops the chain, and the default action (the last link) does not run.
 * Events are per call and not thread-safe.
 */
public abstract class HookEvent {
    private List<? extends Consumer<? super HookEvent>> chain = List.of();
    private int position;

    /** Runs the rest of the chain (the next handler, or the default action). */
    public void next() {
        if (position < chain.size()) {
            chain.get(position++).accept(this);
        }
    }

    final void start(List<? extends Consumer<? super HookEvent>> links) {
        List<? extends Consumer<? super HookEvent>> savedChain = chain;
        int savedPosition = position;
        chain = links;
        position = 0;
        try {
            next();
        } finally {
            chain = savedChain;
            position = savedPosition;
        }
    }
}
