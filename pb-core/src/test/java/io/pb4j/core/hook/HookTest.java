package io.pb4j.core.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** PocketBase's {@code tools/hook/hook_test.go}, {@code tagged_test.go} and {@code event_test.go}, in Java. */
class HookTest {
    static final class Event extends HookEvent {
    }

    static final class TagsEvent extends HookEvent implements Tagged {
        private final List<String> tags;

        TagsEvent(String... tags) {
            this.tags = List.of(tags);
        }

        @Override
        public List<String> tags() {
            return tags;
        }
    }

    @Test
    void handlersRunByPriorityThenBindingOrderAndASameIdReplacesInPlace() {
        StringBuilder calls = new StringBuilder();
        Hook<Event> h = new Hook<>();
        h.bindFunc(e -> { calls.append("1"); e.next(); });
        h.bindFunc(e -> { calls.append("2"); e.next(); });
        String h3 = h.bindFunc(e -> { calls.append("3"); e.next(); });
        h.bind(new Hook.Handler<>(h3, 0, e -> { calls.append("3'"); e.next(); }));
        h.bind(new Hook.Handler<>("", -2, e -> { calls.append("4"); e.next(); }));
        h.bind(new Hook.Handler<>("", -1, e -> { calls.append("5"); e.next(); }));
        h.bind(Hook.Handler.<Event>of(e -> { calls.append("6"); e.next(); }));
        h.bind(Hook.Handler.<Event>of(e -> { calls.append("7"); e.next(); }));

        h.trigger(new Event(),
                e -> { calls.append("8"); e.next(); },
                e -> calls.append("9"), // stops: no next()
                e -> { calls.append("10"); e.next(); });

        assertThat(h.length()).isEqualTo(7);
        assertThat(calls).hasToString("45123'6789");
    }

    @Test
    void generatedIdsAreUniqueAndReturned() {
        Hook<Event> h = new Hook<>();
        String a = h.bindFunc(HookEvent::next);
        String b = h.bindFunc(HookEvent::next);
        assertThat(a).hasSize(20).isNotEqualTo(b);
        assertThat(h.handlers()).extracting(Hook.Handler::id).containsExactly(a, b);
    }

    @Test
    void lengthCountsTheBoundHandlers() {
        Hook<Event> h = new Hook<>();
        assertThat(h.length()).isZero();
        h.bindFunc(HookEvent::next);
        h.bindFunc(HookEvent::next);
        assertThat(h.length()).isEqualTo(2);
    }

    @Test
    void unbindRemovesByIdAndIgnoresUnknownIds() {
        StringBuilder calls = new StringBuilder();
        Hook<Event> h = new Hook<>();
        String id0 = h.bindFunc(e -> { calls.append("0"); e.next(); });
        String id1 = h.bindFunc(e -> { calls.append("1"); e.next(); });
        h.bindFunc(e -> { calls.append("2"); e.next(); });
        h.bind(Hook.Handler.<Event>of(e -> { calls.append("3"); e.next(); }));

        h.unbind("missing");
        assertThat(h.length()).isEqualTo(4);
        h.unbind(id1, id0);
        assertThat(h.length()).isEqualTo(2);

        h.trigger(new Event(), e -> { calls.append("4"); e.next(); });
        assertThat(calls).hasToString("234");
    }

    @Test
    void unbindAllEmptiesTheHook() {
        Hook<Event> h = new Hook<>();
        h.unbindAll();
        h.bindFunc(e -> { });
        h.bindFunc(e -> { });
        assertThat(h.length()).isEqualTo(2);
        h.unbindAll();
        assertThat(h.length()).isZero();
    }

    @Test
    void anErrorAfterNextReachesTheCallerOnceTheRestOfTheChainRan() {
        StringBuilder calls = new StringBuilder();
        Hook<Event> h = new Hook<>();
        h.bindFunc(e -> { calls.append("a"); e.next(); });
        h.bindFunc(e -> { calls.append("b"); e.next(); throw new IllegalStateException("test"); });
        h.bindFunc(e -> { calls.append("c"); e.next(); });
        assertThatThrownBy(() -> h.trigger(new Event(), e -> calls.append("d")))
                .isInstanceOf(IllegalStateException.class).hasMessage("test");
        assertThat(calls).hasToString("abcd");
    }

    @Test
    void withoutAnErrorTriggerReturnsNormally() {
        Hook<Event> h = new Hook<>();
        h.bindFunc(HookEvent::next);
        h.bindFunc(HookEvent::next);
        h.trigger(new Event());
    }

    @Test
    void anEventCanBeTriggeredAgainAndInsideAnotherTrigger() {
        StringBuilder calls = new StringBuilder();
        Hook<Event> inner = new Hook<>();
        inner.bindFunc(e -> { calls.append("i"); e.next(); });
        Hook<Event> outer = new Hook<>();
        outer.bindFunc(e -> {
            calls.append("o");
            inner.trigger(e, ev -> calls.append("I"));
            e.next();
        });
        Event ev = new Event();
        outer.trigger(ev, e -> calls.append("O"));
        outer.trigger(ev, e -> calls.append("O"));
        assertThat(calls).hasToString("oiIOoiIO");
    }

    @Test
    void nextAfterTheLastLinkDoesNothing() {
        Hook<Event> h = new Hook<>();
        h.bindFunc(e -> {
            e.next();
            e.next();
        });
        StringBuilder calls = new StringBuilder();
        h.trigger(new Event(), e -> calls.append("x"));
        assertThat(calls).hasToString("x");
    }

    @Test
    void taggedHooksRunOnlyForTheirTagsInTheSharedPriorityOrder() {
        StringBuilder calls = new StringBuilder();
        Hook<TagsEvent> base = new Hook<>();
        base.bindFunc(e -> { calls.append("f0"); e.next(); });

        TaggedHook<TagsEvent> hA = new TaggedHook<>(base, List.of());
        hA.bindFunc(e -> { calls.append("a1"); e.next(); });
        hA.bind(new Hook.Handler<>("", -1, e -> { calls.append("a2"); e.next(); }));

        TaggedHook<TagsEvent> hB = new TaggedHook<>(base, List.of("b1", "b2"));
        hB.bindFunc(e -> { calls.append("b1"); e.next(); });
        hB.bind(new Hook.Handler<>("", -2, e -> { calls.append("b2"); e.next(); }));

        TaggedHook<TagsEvent> hC = new TaggedHook<>(base, List.of("c1", "c2"));
        hC.bindFunc(e -> { calls.append("c1"); e.next(); });
        hC.bind(new Hook.Handler<>("", -3, e -> { calls.append("c2"); e.next(); }));

        record Case(TagsEvent event, String expected) {
        }
        for (Case c : List.of(
                new Case(new TagsEvent(), "a2f0a1"),
                new Case(new TagsEvent("missing"), "a2f0a1"),
                new Case(new TagsEvent("b2"), "b2a2f0a1b1"),
                new Case(new TagsEvent("c1"), "c2a2f0a1c1"),
                new Case(new TagsEvent("b1", "c2"), "c2b2a2f0a1b1c1"))) {
            calls.setLength(0);
            base.trigger(c.event());
            assertThat(calls).as(String.join("_", c.event().tags())).hasToString(c.expected());
        }
    }
}
