package io.pb4j.realtime.internal;

import io.pb4j.core.Record;
import io.pb4j.core.realtime.RealtimeClient;
import io.pb4j.core.realtime.RealtimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A realtime client: its subscriptions, bound auth and a bounded queue of messages that its connection thread
 * drains. Thread-safe: the broker's dispatcher sends, the connection thread takes, requests change subscriptions.
 *
 * <p>The connection thread parks without a timeout while it waits: a send unparks it, and {@link Deadlines} wakes it
 * when its {@link #wakeAt()} has come (keep-alive, idle and total timeouts).
 */
final class Client implements RealtimeClient {
    /** Messages waiting for the connection; a client this far behind is discarded rather than buffered without end. */
    static final int QUEUE_CAPACITY = 512;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String id = randomId();
    private final String transport;
    private final String ip;
    private final Broker broker;
    /** Unbounded by type, bounded by {@link #queued}; an idle client holds no array. */
    private final ConcurrentLinkedQueue<Outgoing> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private volatile Record auth;
    private volatile boolean discarded;
    /** The connection thread that drains the queue, once it serves. */
    private volatile Thread owner;
    private volatile long wakeAt = Long.MAX_VALUE;
    private volatile boolean waiting;

    Client(Broker broker, String transport, String ip) {
        this.broker = broker;
        this.transport = transport;
        this.ip = ip;
    }

    private static String randomId() {
        char[] out = new char[40];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(out);
    }

    @Override
    public String id() {
        return id;
    }

    /** The SSE {@code id:} line of this client's messages. */
    byte[] idLine() {
        return ("id:" + id + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String transport() {
        return transport;
    }

    @Override
    public String ip() {
        return ip;
    }

    @Override
    public Optional<Record> auth() {
        return Optional.ofNullable(auth);
    }

    @Override
    public void auth(Optional<Record> auth) {
        this.auth = auth.orElse(null);
    }

    @Override
    public synchronized List<String> subscriptions() {
        return List.copyOf(subscriptions.keySet());
    }

    @Override
    public synchronized boolean hasSubscription(String subscription) {
        return subscriptions.containsKey(subscription);
    }

    @Override
    public synchronized void subscribe(List<String> names) {
        Set<String> before = topics();
        for (String name : names) {
            if (!name.isEmpty()) {
                subscriptions.put(name, Subscription.parse(name));
            }
        }
        reindex(before);
    }

    @Override
    public synchronized void unsubscribe(List<String> names) {
        Set<String> before = topics();
        if (names.isEmpty()) {
            subscriptions.clear();
        } else {
            names.forEach(subscriptions::remove);
        }
        reindex(before);
    }

    /** The distinct topics ({@code posts/*}) of the subscriptions. Call with the lock held. */
    private Set<String> topics() {
        Set<String> out = new HashSet<>();
        for (Subscription s : subscriptions.values()) {
            out.add(s.topic());
        }
        return out;
    }

    /** Tells the broker's topic index what changed; a discarded client leaves it entirely. */
    private void reindex(Set<String> before) {
        Set<String> after = discarded ? Set.of() : topics();
        for (String t : before) {
            if (!after.contains(t)) {
                broker.unindex(t, this);
            }
        }
        for (String t : after) {
            if (!before.contains(t)) {
                broker.index(t, this);
            }
        }
    }

    /** The subscriptions whose topic is one of {@code topics} ({@code posts/*}, see {@link Subscription#topic}). */
    synchronized List<Subscription> subscriptionsFor(Set<String> topics) {
        List<Subscription> out = new ArrayList<>(1);
        for (Subscription s : subscriptions.values()) {
            if (topics.contains(s.topic())) {
                out.add(s);
            }
        }
        return out;
    }

    @Override
    public void send(RealtimeMessage message) {
        offer(Outgoing.of(message));
    }

    /** Queues a message and wakes the connection; a client whose queue is full is discarded. */
    void offer(Outgoing message) {
        if (discarded) {
            return;
        }
        if (queued.incrementAndGet() > QUEUE_CAPACITY) {
            discard();
            return;
        }
        queue.add(message);
        if (waiting) {
            Thread t = owner;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    /** A message already queued, without waiting; empty once discarded. */
    Optional<Outgoing> poll() {
        Outgoing m = queue.poll();
        if (m == null || discarded) {
            return Optional.empty();
        }
        queued.decrementAndGet();
        return Optional.of(m);
    }

    /**
     * Waits, on the connection thread, until a message is queued, the client is discarded or {@code deadline}
     * (nanoTime) has passed; spurious returns are possible, callers loop.
     */
    void await(long deadline) {
        owner = Thread.currentThread();
        wakeAt = deadline;
        waiting = true;
        try {
            broker.deadlines().watch(deadline);
            if (queue.isEmpty() && !discarded && deadline - System.nanoTime() > 0) {
                LockSupport.park(this);
            }
            // an interrupted thread (the server stopping) would return from park at once, for ever: end the client
            if (Thread.currentThread().isInterrupted()) {
                discard();
            }
        } finally {
            waiting = false;
            wakeAt = Long.MAX_VALUE;
        }
    }

    /** When {@link Deadlines} must wake the connection thread (nanoTime); {@code Long.MAX_VALUE} when it is busy. */
    long wakeAt() {
        return wakeAt;
    }

    void wake() {
        Thread t = owner;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    @Override
    public boolean isDiscarded() {
        return discarded;
    }

    @Override
    public void discard() {
        if (discarded) {
            return;
        }
        discarded = true;
        broker.unregister(this);
        synchronized (this) {
            for (String t : topics()) {
                broker.unindex(t, this);
            }
        }
        queue.clear();
        queued.set(0);
        wake();
    }

    /** Messages waiting, for tests and the bench. */
    int queued() {
        return queued.get();
    }
}
