package io.pb4j.realtime.internal;

import io.pb4j.core.PocketBase;
import io.pb4j.core.realtime.Realtime;
import io.pb4j.core.realtime.RealtimeConnectRequestEvent;
import io.pb4j.core.realtime.RealtimeMessageEvent;
import io.pb4j.core.realtime.RealtimeClient;
import io.pb4j.core.realtime.RealtimeMessage;
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
        Thread.ofVirtual().name("pb4j-realtime-" + transport).start(() -> pump(client, ce, sink));
        return Optional.of(client);
    }

    /** Hands a non-SSE client's messages to its sink until it is discarded, idle or past its lifetime. */
    private void pump(Client client, RealtimeConnectRequestEvent ce, Consumer<RealtimeMessage> sink) {
        try {
            deliver(client, new RealtimeMessage("PB_CONNECT", "{\"clientId\":\"" + client.id() + "\"}"), sink);
            long maxDeadline = System.nanoTime() + ce.maxTimeout().toNanos();
            long idleDeadline = System.nanoTime() + ce.idleTimeout().toNanos();
            while (!client.isDiscarded()) {
                long deadline = Math.min(maxDeadline, idleDeadline);
                if (deadline - System.nanoTime() <= 0) {
                    return;
                }
                Optional<Outgoing> next = client.poll();
                if (next.isEmpty()) {
                    client.await(deadline);
                    continue;
                }
                deliver(client, next.get().message(), sink);
                idleDeadline = System.nanoTime() + ce.idleTimeout().toNanos();
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "realtime " + client.transport() + " client gone: " + e);
        } finally {
            client.discard();
        }
    }

    private void deliver(Client client, RealtimeMessage message, Consumer<RealtimeMessage> sink) {
        app.onRealtimeMessageSend().trigger(new RealtimeMessageEvent(app, client, message), me -> sink.accept(me.message()));
    }

    @Override
    public int broadcast(String topic, String data) {
        int sent = 0;
        Set<String> topics = Set.of(topic);
        for (Client c : subscribers(topics)) {
            for (Subscription s : c.subscriptionsFor(topics)) {
                c.send(new RealtimeMessage(s.name(), data));
                sent++;
            }
        }
        return sent;
    }
}
