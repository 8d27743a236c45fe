package io.pb4j.core.spi;

import java.util.function.Consumer;

/**
 * The channel between the nodes that serve one application from one shared store, provided by a store that several
 * nodes can open at once ({@link Store#cluster()}; PostgreSQL's {@code LISTEN/NOTIFY}). A store that only one process
 * opens (SQLite) has none, and a single node behaves as it always did.
 *
 * <p>Delivery is at most once, to every other node that listens, in publish order per publishing node; a node never
 * receives its own messages, and a node that was down gets no replay (after it reconnects, {@link #RESYNC} tells its
 * listeners to reload what they cache). Thread-safe.
 */
public interface ClusterBus {
    /** The topic delivered (with an empty payload) after the bus lost and regained its connection: messages may be lost. */
    String RESYNC = "pb4j.resync";

    /** This node's id among the nodes, random per open store. */
    String nodeId();

    /**
     * Sends {@code payload} to the listeners of {@code topic} on every other node. Inside a {@link Store#write} on the
     * calling thread the message is part of that transaction: sent when it commits, never when it rolls back;
     * elsewhere it is sent at once. Payloads of any size are carried (split and joined again by the bus).
     *
     * @param topic letters, digits, {@code . _ - /}
     */
    void publish(String topic, String payload);

    /**
     * Adds a listener for the messages other nodes publish on {@code topic}. The bus calls its listeners on one thread
     * of its own, one message at a time; a listener that throws loses that message only.
     */
    void subscribe(String topic, Consumer<String> listener);

    /** How many other nodes listen on the bus now (0 for a node alone). */
    int peers();

    /**
     * Claims {@code key} for this node, once for the whole cluster: true for exactly one caller of all the nodes'
     * calls with an equal key (the first), false for every other. Claims are forgotten after a day.
     */
    boolean claim(String key);
}
