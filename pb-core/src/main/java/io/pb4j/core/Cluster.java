package io.pb4j.core;

import io.pb4j.core.internal.Json;
import io.pb4j.core.internal.RecordSaver;
import io.pb4j.core.spi.ClusterBus;
import io.pb4j.core.spi.Store;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The other nodes that serve this app from the same store ({@code app.cluster()}), when its store is shared
 * (PostgreSQL; see {@link Store#cluster()}). On such a store the app keeps its nodes in step by itself: a collection or
 * settings change committed on one node makes every other node reload its collections and settings (firing
 * {@code onSettingsReload} for a settings change), cron ticks run each due job on one node only, and the record writes
 * committed on one node reach the {@link #onRemoteRecord} listeners of the others (pb-realtime's, which send them to
 * their own clients). On a store of one process (SQLite) nothing is sent and nothing arrives. Thread-safe.
 */
public final class Cluster {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private static final System.Logger LOG = System.getLogger(Cluster.class.getName());
    /** Record writes: {@code {"action","collection","row"}}, the row as the store holds it. */
    static final String RECORDS = "pb4j.records";
    /** Collection or settings changes: {@code collections} or {@code settings}. */
    static final String SCHEMA = "pb4j.schema";
    /** A node reloaded after a {@link #SCHEMA} message: the message's id. */
    static final String RELOADED = "pb4j.reloaded";
    /** How long a node that changed collections or settings waits for the others to reload them. */
    private static final long RELOAD_WAIT_MS = 3000;

    private final PocketBase app;
    private final List<BiConsumer<String, Record>> recordListeners = new CopyOnWriteArrayList<>();
    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    private volatile Optional<ClusterBus> bus = Optional.empty();
    private final java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();
    /** This node's schema messages whose reloads it waits for: the count of nodes that reloaded. */
    private final Map<String, int[]> reloads = new ConcurrentHashMap<>();
    /** {@link #peers()} as last counted, and when (nanoTime): record writes ask it, at most once a second. */
    private volatile int peersSeen = -1;
    private volatile long peersCounted;

    Cluster(PocketBase app) {
        this.app = app;
        subscribe(SCHEMA, this::schemaReceived);
        subscribe(RELOADED, this::reloadedElsewhere);
        subscribe(ClusterBus.RESYNC, payload -> app.reloadFromCluster("settings"));
        subscribe(RECORDS, this::received);
    }

    /** Whether other nodes may serve this app from its store (the store is shared). */
    public boolean active() {
        return bus.isPresent();
    }

    /** This node's id in the cluster; empty when the store is not shared. */
    public String nodeId() {
        return bus.map(ClusterBus::nodeId).orElse("");
    }

    /** How many other nodes listen now (0 when the store is not shared). */
    public int peers() {
        return bus.map(ClusterBus::peers).orElse(0);
    }

    /**
     * Sends {@code payload} to the {@link #subscribe} listeners of {@code topic} on the other nodes; inside a
     * transaction, when it commits (see {@link ClusterBus#publish}). Does nothing when the store is not shared.
     */
    public void publish(String topic, String payload) {
        bus.ifPresent(b -> b.publish(topic, payload));
    }

    /**
     * Adds a listener for what other nodes {@link #publish} on {@code topic}, called on the cluster's own thread, one
     * message at a time. May be called before the app is bootstrapped.
     */
    public void subscribe(String topic, Consumer<String> listener) {
        synchronized (listeners) {
            List<Consumer<String>> list = listeners.get(topic);
            if (list == null) {
                list = new CopyOnWriteArrayList<>();
                listeners.put(topic, list);
                bus.ifPresent(b -> b.subscribe(topic, payload -> deliver(topic, payload)));
            }
            list.add(listener);
        }
    }

    /**
     * Adds a listener for the record writes committed on other nodes: the action ({@code create}, {@code update},
     * {@code delete}) and the record as written, read only. Called on the cluster's thread, in commit order per node.
     * While no listener is registered, this node sends none of its record writes.
     */
    public void onRemoteRecord(BiConsumer<String, Record> listener) {
        recordListeners.add(listener);
    }

    /** Joins the cluster of a freshly opened store: its bus, and cron ticks claimed cluster-wide. */
    void attach(Store store) {
        Optional<ClusterBus> shared = store.cluster();
        synchronized (listeners) {
            bus = shared;
            shared.ifPresent(b -> listeners.keySet().forEach(t -> b.subscribe(t, payload -> deliver(t, payload))));
        }
        shared.ifPresent(b -> app.cron().claims(b::claim));
    }

    private void deliver(String topic, String payload) {
        for (Consumer<String> l : listeners.getOrDefault(topic, List.of())) {
            try {
                l.accept(payload);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a cluster listener of " + topic + " failed", e);
            }
        }
    }

    /**
     * A collection ({@code collections}) or settings ({@code settings}) change this node made, inside its transaction.
     * Once that commits, this node waits (at most {@value #RELOAD_WAIT_MS} ms) until every other node has reloaded,
     * so a client whose next request reaches another node finds the change there.
     */
    void schemaChanged(String kind) {
        if (bus.isEmpty()) {
            return;
        }
        String id = nodeId() + "-" + sequence.incrementAndGet();
        reloads.put(id, new int[1]);
        publish(SCHEMA, kind + " " + id);
        io.pb4j.core.internal.TransactionEffects.afterRollback(() -> reloads.remove(id));
        io.pb4j.core.internal.TransactionEffects.afterCommit(() -> awaitReloads(id));
    }

    private void awaitReloads(String id) {
        int[] count = reloads.get(id);
        try {
            int peers = bus.map(ClusterBus::peers).orElse(0);
            long deadline = System.currentTimeMillis() + RELOAD_WAIT_MS;
            synchronized (count) {
                while (count[0] < peers && System.currentTimeMillis() < deadline) {
                    count.wait(Math.max(1, deadline - System.currentTimeMillis()));
                }
                if (count[0] < peers) {
                    LOG.log(System.Logger.Level.WARNING, (peers - count[0]) + " of " + peers
                            + " other nodes did not confirm their reload within " + RELOAD_WAIT_MS + " ms");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            reloads.remove(id);
        }
    }

    private void schemaReceived(String payload) {
        String[] kindAndId = payload.split(" ", 2);
        app.reloadFromCluster(kindAndId[0]);
        if (kindAndId.length == 2) {
            publish(RELOADED, kindAndId[1]);
        }
    }

    private void reloadedElsewhere(String id) {
        int[] count = reloads.get(id);
        if (count != null) {
            synchronized (count) {
                count[0]++;
                count.notifyAll();
            }
        }
    }

    /** A record write inside the current transaction: the other nodes hear of it when it commits. */
    void written(String action, Record record) {
        if (bus.isEmpty() || recordListeners.isEmpty() || recentPeers() == 0) {
            return;
        }
        JsonObject message = JSON.createObjectBuilder()
                .add("action", action)
                .add("collection", record.collection().id())
                .add("row", Json.toJson(RecordSaver.columnValues(record)))
                .build();
        publish(RECORDS, Json.write(message));
    }

    /**
     * The number of other nodes, counted at most once a second: a node alone sends no record writes (a node that
     * starts meanwhile has no realtime clients yet in that second).
     */
    private int recentPeers() {
        long now = System.nanoTime();
        if (peersSeen < 0 || now - peersCounted > 1_000_000_000L) {
            peersSeen = peers();
            peersCounted = now;
        }
        return peersSeen;
    }

    private void received(String payload) {
        if (recordListeners.isEmpty()) {
            return;
        }
        JsonObject message = Json.parse(payload).map(JsonValue::asJsonObject).orElseThrow();
        String collectionId = message.getString("collection");
        Optional<Collection> collection = app.findCollection(collectionId);
        if (collection.isEmpty()) {
            // created on the other node an instant ago, its schema message still on the way
            app.reloadFromCluster("collections");
            collection = app.findCollection(collectionId);
        }
        if (collection.isEmpty()) {
            return;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        message.getJsonObject("row").forEach((k, v) -> row.put(k, plain(v)));
        Record record = Record.fromRow(collection.get(), row);
        String action = message.getString("action");
        recordListeners.forEach(l -> l.accept(action, record));
    }

    /** A column value back from JSON, as a store row holds it. */
    private static Object plain(JsonValue v) {
        return switch (v.getValueType()) {
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> ((JsonNumber) v).isIntegral() ? (Object) ((JsonNumber) v).longValue() : ((JsonNumber) v).doubleValue();
            case TRUE -> 1L;
            case FALSE -> 0L;
            case NULL -> null;
            default -> Json.write(v);
        };
    }
}
