package io.pb4j.core.hook;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A view of a {@link Hook} whose handlers run only for events with one of its tags (PocketBase's
 * {@code TaggedHook}): {@code app.onRecordCreateRequest("posts")} binds on the shared hook, and the handler passes
 * other collections' events on with {@code next()}. No tags: every event. Thread-safe as the hook it wraps.
 */
public final class TaggedHook<E extends HookEvent & Tagged> {
    private final Hook<E> hook;
    private final List<String> tags;

    /** A view of {@code hook} whose handlers run only for events with one of {@code tags} (none: all). */
    public TaggedHook(Hook<E> hook, List<String> tags) {
        this.hook = Objects.requireNonNull(hook, "hook");
        this.tags = List.copyOf(tags);
    }

    /** Whether a handler of this view runs for an event with {@code eventTags}. */
    public boolean canTriggerOn(List<String> eventTags) {
        return tags.isEmpty() || eventTags.stream().anyMatch(tags::contains);
    }

    /** Binds on the shared hook a handler that runs for this view's tags only; returns its id. */
    public String bind(Hook.Handler<E> handler) {
        Consumer<E> func = handler.func();
        return hook.bind(new Hook.Handler<>(handler.id(), handler.priority(), e -> {
            if (canTriggerOn(e.tags())) {
                func.accept(e);
            } else {
                e.next();
            }
        }));
    }

    /** Binds {@code func} for the tags under a generated id; returns the id. */
    public String bindFunc(Consumer<E> func) {
        return bind(Hook.Handler.of(func));
    }

    /** Same as {@link #bindFunc}. */
    public String bind(Consumer<E> func) {
        return bindFunc(func);
    }

    /** Binds {@code func} for the tags under {@code id} with {@code priority}; returns the id. */
    public String bind(String id, int priority, Consumer<E> func) {
        return bind(new Hook.Handler<>(id, priority, func));
    }

    /** Removes handlers by id from the shared hook. */
    public void unbind(String... ids) {
        hook.unbind(ids);
    }

    /** How many handlers are bound. */
    public int length() {
        return hook.length();
    }
}
