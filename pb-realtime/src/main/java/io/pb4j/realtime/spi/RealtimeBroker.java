package io.pb4j.realtime.spi;

import java.util.function.Consumer;

/**
 * Carries realtime events between the nodes that serve one application. A node publishes each record event after
 * its transaction commits; every node (the publisher included) receives it through its listener and delivers it
 * to its own SSE clients after checking their rules. The broker never sees clients or rules.
 *
 * <p>Delivery is at most once and in publish order per publishing node; there is no order across nodes and no
 * replay for a node that was down, as with PocketBase's single-node realtime. Thread-safe.
 */
public interface RealtimeBroker extends AutoCloseable {
    /** A unit of fan-out: {@code topic} such as {@code posts/RECORD_ID}, {@code payload} the event as JSON text. */
    record Event(String topic, String payload) {
        /** Refuses a blank topic. */
        public Event {
            if (topic.isBlank()) {
                throw new IllegalArgumentException("topic is blank");
            }
        }
    }

    /** Sends an event to every node. Returns without waiting for delivery. */
    void publish(Event event);

    /**
     * Sets the one listener of this node, replacing any previous one. The broker calls it from its own thread, one
     * event at a time; a listener that throws loses that event only.
     */
    void listen(Consumer<Event> listener);

    /** Stops listening and releases the connection. */
    @Override
    void close();
}
