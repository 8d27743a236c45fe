package io.pb4j.core.hook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * PocketBase's hook chain ({@code tools/hook}): handlers bound with an id and a priority (lower runs first; equal
 * priorities keep binding order), each deciding whether to continue with {@code e.next()}. A handler that returns
 * without calling {@code next()} stops the chain: the later handlers and the caller's default action (the last
 * link given to {@link #trigger}) do not run. A handler that throws stops the chain too, and the exception reaches
 * the caller of {@code trigger} (a write that the trigger is part of then rolls back).
 *
 * <p>Binding is thread-safe; a trigger runs the handlers bound when it starts. Router middlewares are handlers of a
 * {@code Hook<RequestEvent>}, so this is the only place that orders handlers by id and priority.
 */
public final class Hook<E extends HookEvent> {

    /**
     * One handler: {@code id} (empty: a generated one on binding), {@code priority} (lower runs first) and the function.
     */
    public record Handler<E>(String id, int priority, Consumer<E> func) {
        /** Creates the value from its components. */
        public Handler {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(func, "func");
        }

        /** A handler with no id (one is generated on binding) and priority 0. */
        public static <E> Handler<E> of(Consumer<E> func) {
            return new Handler<>("", 0, func);
        }
    }

    private volatile List<Handler<E>> handlers = List.of();
    /** The handlers as chain links, made when the handlers change instead of on every trigger. */
    private volatile List<Consumer<? super HookEvent>> links = List.of();

    /**
     * Binds a handler and returns its id. An empty id gets a generated one; a handler with an id already bound
     * replaces that one in its place (PocketBase's {@code Bind}).
     */
    public synchronized String bind(Handler<E> handler) {
        Objects.requireNonNull(handler, "handler");
        List<Handler<E>> next = new ArrayList<>(handlers);
        Handler<E> h = handler;
        if (h.id().isEmpty()) {
            String id;
            do {
                id = io.pb4j.core.security.RandomStrings.pseudorandom(20, io.pb4j.core.security.RandomStrings.ALPHANUMERIC);
            } while (indexOf(next, id) >= 0);
            h = new Handler<>(id, h.priority(), h.func());
            next.add(h);
        } else {
            int existing = indexOf(next, h.id());
            if (existing >= 0) {
                next.set(existing, h);
            } else {
                next.add(h);
            }
        }
        // List.sort is stable: equal priorities keep their binding order
        next.sort(Comparator.comparingInt(Handler::priority));
        setHandlers(next);
        return h.id();
    }

    /** Binds a function with a generated id and priority 0 (PocketBase's {@code BindFunc}); returns the id. */
    public String bindFunc(Consumer<E> func) {
        return bind(Handler.of(func));
    }

    /** Same as {@link #bindFunc}. */
    public String bind(Consumer<E> func) {
        return bindFunc(func);
    }

    /** Same as {@code bind(new Handler<>(id, priority, func))}. */
    public String bind(String id, int priority, Consumer<E> func) {
        return bind(new Handler<>(id, priority, func));
    }

    /** Removes the handlers with these ids; unknown ids are ignored. */
    public synchronized void unbind(String... ids) {
        List<Handler<E>> next = new ArrayList<>(handlers);
        next.removeIf(h -> Arrays.asList(ids).contains(h.id()));
        setHandlers(next);
    }

    /** Removes every handler. */
    public synchronized void unbindAll() {
        setHandlers(List.of());
    }

    /** How many handlers are bound. */
    public int length() {
        return handlers.size();
    }

    /** The bound handlers in the order a trigger runs them. */
    public List<Handler<E>> handlers() {
        return handlers;
    }

    /**
     * Runs the bound handlers in order, then the {@code finalizers} (PocketBase's one-off handlers: usually one, the
     * default action), each reached only when the link before it called {@code next()}.
     */
    @SafeVarargs
    public final void trigger(E event, Consumer<E>... finalizers) {
        List<Consumer<? super HookEvent>> bound = links;
        if (finalizers.length == 0) {
            event.start(bound);
            return;
        }
        @SuppressWarnings("unchecked")
        Consumer<? super HookEvent>[] tail = new Consumer[finalizers.length];
        for (int i = 0; i < finalizers.length; i++) {
            tail[i] = link(finalizers[i]);
        }
        event.start(new Chain(bound, tail));
    }

    private void setHandlers(List<Handler<E>> next) {
        List<Handler<E>> copy = List.copyOf(next);
        List<Consumer<? super HookEvent>> made = new ArrayList<>(copy.size());
        for (Handler<E> h : copy) {
            made.add(link(h.func()));
        }
        handlers = copy;
        links = List.copyOf(made);
    }

    /** The bound links followed by a trigger's finalizers, without copying them into a new list. */
    private static final class Chain extends java.util.AbstractList<Consumer<? super HookEvent>>
            implements java.util.RandomAccess {
        private final List<Consumer<? super HookEvent>> bound;
        private final Consumer<? super HookEvent>[] tail;

        Chain(List<Consumer<? super HookEvent>> bound, Consumer<? super HookEvent>[] tail) {
            this.bound = bound;
            this.tail = tail;
        }

        @Override
        public int size() {
            return bound.size() + tail.length;
        }

        @Override
        public Consumer<? super HookEvent> get(int i) {
            return i < bound.size() ? bound.get(i) : tail[i - bound.size()];
        }
    }

    @SuppressWarnings("unchecked")
    private static <E> Consumer<? super HookEvent> link(Consumer<E> f) {
        return e -> f.accept((E) e);
    }

    private static <E> int indexOf(List<Handler<E>> list, String id) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
