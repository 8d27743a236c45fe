package io.pb4j.core.hook;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * PocketBase's hook chain: handlers bound with an id and a priority (lower runs first; equal priorities keep
 * binding order), each deciding whether to continue with {@code e.next()}. {@link #trigger} appends the default
 * action as the last link. Binding is thread-safe; a trigger sees the handlers bound when it starts.
 */
public final class Hook<E extends HookEvent> {
    private static final AtomicLong IDS = new AtomicLong();

    private record Binding<E>(String id, int priority, long seq, Consumer<E> handler) {
    }

    private volatile List<Binding<E>> bindings = List.of();

    /** Binds a handler with priority 0 and returns its generated id. */
    public String bind(Consumer<E> handler) {
        return bind("", 0, handler);
    }

    /** Binds a handler; an empty id gets a generated one, and a handler with the same id is replaced. */
    public synchronized String bind(String id, int priority, Consumer<E> handler) {
        Objects.requireNonNull(handler, "handler");
        long seq = IDS.incrementAndGet();
        String key = id.isEmpty() ? "__pb4j_" + seq : id;
        List<Binding<E>> next = new ArrayList<>(bindings);
        next.removeIf(b -> b.id().equals(key));
        next.add(new Binding<>(key, priority, seq, handler));
        next.sort(Comparator.comparingInt((Binding<E> b) -> b.priority()).thenComparingLong(Binding::seq));
        bindings = List.copyOf(next);
        return key;
    }

    public synchronized void unbind(String id) {
        List<Binding<E>> next = new ArrayList<>(bindings);
        next.removeIf(b -> b.id().equals(id));
        bindings = List.copyOf(next);
    }

    public int length() {
        return bindings.size();
    }

    /** Runs the handlers in order, then {@code defaultAction} if every handler called {@code next()}. */
    @SuppressWarnings("unchecked")
    public void trigger(E event, Consumer<E> defaultAction) {
        List<Binding<E>> current = bindings;
        List<Consumer<? super HookEvent>> links = new ArrayList<>(current.size() + 1);
        for (Binding<E> b : current) {
            links.add(e -> b.handler().accept((E) e));
        }
        links.add(e -> defaultAction.accept((E) e));
        event.start(links);
    }
}
