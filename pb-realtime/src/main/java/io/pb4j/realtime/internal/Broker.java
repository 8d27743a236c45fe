package io.pb4j.realtime.internal;

import io.pb4j.core.PocketBase;
import io.pb4j.core.realtime.Realtime;
import io.pb4j.core.realtime.RealtimeConnectRequestEvent;
import io.pb4j.core.realtime.RealtimeMessageEvent;
import io.pb4j.core.realtime.RealtimeClient;
import io.pb4j.core.realtime.RealtimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * PocketBase's subscriptions broker: the registered clients by id and by subscribed topic (so that an event looks at
 * its subscribers only, not at every client), and one dispatcher thread that fans record events out in commit order
 * (the thread exits when idle, so an idle app holds none). Thread-safe.
 */
final class Broker implements Realtime {
    private static final jakarta.json.spi.JsonProvider JSON = io.pb4j.core.StrictJson.PROVIDER;
    private static final System.Logger LOG = System.getLogger(Broker.class.getName());

    private final PocketBase app;
    private final ConcurrentHashMap<String, Client> clients = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Set<Client>> byTopic = new ConcurrentHashMap<>();
    private final Deadlines deadlines = new Deadlines(this);
    private final ExecutorService dispatcher = new ThreadPoolExecutor(0, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
            Thread.ofPlatform().daemon().name("pb4j-realtime-dispatch").factory());

    Broker(PocketBase app) {
        this.app = app;
    }

    /** A new client, not registered yet. */
    Client newClient(String transport, String ip) {
        return new Client(this, transport, ip);
    }

    void register(Client client) {
        clients.put(client.id(), client);
    }

    void unregister(Client client) {
        clients.remove(client.id(), client);
    }

    void index(String topic, Client client) {
        byTopic.computeIfAbsent(topic, t -> ConcurrentHashMap.newKeySet()).add(client);
    }

    void unindex(String topic, Client client) {
        byTopic.computeIfPresent(topic, (t, set) -> {
            set.remove(client);
            return set.isEmpty() ? null : set;
        });
    }

    /** The live clients with a subscription to any of {@code topics}, each once. */
    Set<Client> subscribers(Set<String> topics) {
        Set<Client> out = new LinkedHashSet<>();
        for (String t : topics) {
            Set<Client> set = byTopic.get(t);
            if (set != null) {
                out.addAll(set);
            }
        }
        out.removeIf(Client::isDiscarded);
        return out;
    }

    /** The clients with a subscription on {@code topic}: the live index set, to be read only (discarded ones may be in it). */
    Set<Client> subscribersOn(String topic) {
        return byTopic.getOrDefault(topic, Set.of());
    }

    Deadlines deadlines() {
        return deadlines;
    }

    /** Runs {@code work} on the dispatcher, after the work queued before it. */
    void dispatch(Runnable work) {
        dispatcher.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "realtime dispatch failed", e);
            }
        });
    }

    /** The registered clients, as the concrete type the fan-out needs. */
    Iterable<Client> registered() {
        return clients.values();
    }

    Optional<Client> registeredClient(String id) {
        return Optional.ofNullable(clients.get(id));
    }

    int size() {
        return clients.size();
    }

    @Override
    public List<RealtimeClient> clients() {
        return List.copyOf(clients.values());
    }

    @Override
    public Optional<RealtimeClient> client(String id) {
        return Optional.ofNullable(clients.get(id));
    }

    @Override
    public Optional<RealtimeClient> connect(String transport, String ip, Consumer<RealtimeMessage> sink) {
        Client client = newClient(transport, ip);
        boolean[] accepted = {false};
        RealtimeConnectRequestEvent ce = new RealtimeConnectRequestEvent(app, Optional.empty(), client);
        app.onRealtimeConnectRequest().trigger(ce, e -> accepted[0] = true);
        if (!accepted[0]) {
            return Optional.empty();
        }
        register(client);
        Sink transportSink = new Sink() {
            @Override
            public boolean write(Client c, Outgoing message) {
                boolean[] written = {false};
                app.onRealtimeMessageSend().trigger(new RealtimeMessageEvent(app, c, message.message()), me -> {
                    sink.accept(me.message());
                    written[0] = true;
                });
                return written[0];
            }

            @Override
            public void flush() {
                // the transport sends each message whole
            }
        };
        Outgoing first = Outgoing.of(new RealtimeMessage("PB_CONNECT", "{\"clientId\":\"" + client.id() + "\"}"));
        // the thread only waits for the client's deadlines; writers deliver its messages
        Thread.ofVirtual().name("pb4j-realtime-" + transport)
                .start(() -> client.serve(transportSink, first, ce.maxTimeout(), ce.idleTimeout(), Duration.ZERO));
        return Optional.of(client);
    }

    /** The topic of {@link #broadcast}s made on other nodes of the app's cluster. */
    private static final String CLUSTER_BROADCAST = "pb4j.realtime.broadcast";

    private volatile ClusterSubscriptions remote;

    /** Subscriptions for a client this node does not hold, applied by the node that does. */
    ClusterSubscriptions remote() {
        return remote;
    }

    /**
     * Delivers the other nodes' {@link #broadcast}s to this node's clients too, and takes their subscribe requests. When
     * this node's cluster channel was cut and is back ({@link io.pb4j.core.spi.ClusterBus#RESYNC}), the record events
     * sent meanwhile are lost for its clients: it ends their streams, as PocketBase's restart does, so that they
     * reconnect (the SDK does so by itself), subscribe again and, told by a new {@code PB_CONNECT}, refetch.
     */
    void joinCluster() {
        app.cluster().subscribe(io.pb4j.core.spi.ClusterBus.RESYNC, payload -> {
            LOG.log(System.Logger.Level.WARNING, "the cluster channel had a gap: ending " + clients.size()
                    + " realtime connections so that their clients reconnect");
            clients.values().forEach(Client::discard);
        });
        remote = new ClusterSubscriptions(app, this);
        app.cluster().subscribe(CLUSTER_BROADCAST, payload -> {
            jakarta.json.JsonObject m = JSON.createReader(new java.io.StringReader(payload)).readObject();
            broadcastHere(m.getString("topic"), m.getString("data"));
        });
    }

    /** Sends to the subscribers on every node of the cluster; the count is of this node's messages. */
    @Override
    public int broadcast(String topic, String data) {
        if (app.cluster().active()) {
            app.cluster().publish(CLUSTER_BROADCAST, GoJson.write(JSON.createObjectBuilder()
                    .add("topic", topic).add("data", data).build()));
        }
        return broadcastHere(topic, data);
    }

    private int broadcastHere(String topic, String data) {
        int sent = 0;
        Set<String> topics = Set.of(topic);
        List<Client> ready = new ArrayList<>();
        for (Client c : subscribers(topics)) {
            for (Subscription s : c.subscriptionsFor(topics)) {
                if (c.offer(Outgoing.of(new RealtimeMessage(s.name(), data)))) {
                    ready.add(c);
                }
                sent++;
            }
        }
        Writers.start(ready);
        return sent;
    }
}
