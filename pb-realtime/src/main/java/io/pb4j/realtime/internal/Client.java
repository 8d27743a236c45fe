package io.pb4j.realtime.internal;

import io.pb4j.core.Record;
import io.pb4j.core.realtime.RealtimeClient;
import io.pb4j.core.realtime.RealtimeMessage;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A realtime client: its subscriptions, bound auth and a bounded queue of messages that its connection thread
 * drains. Thread-safe: the broker's dispatcher sends, the connection thread takes, requests change subscriptions.
 */
final class Client implements RealtimeClient {
    /** Messages waiting for the connection; a client this far behind is discarded rather than buffered without end. */
    static final int QUEUE_CAPACITY = 512;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Wakes the connection thread when the client is discarded. */
    private static final RealtimeMessage WAKE_UP = new RealtimeMessage("__pb4j_wake_up__", "");

    private final String id = randomId();
    private final String transport;
    private final String ip;
    private final Broker broker;
    /** Linked, not array-backed: an idle client (the usual case) then holds no 512-slot array. */
    private final BlockingQueue<RealtimeMessage> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private volatile Record auth;
    private volatile boolean discarded;

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
        for (String name : names) {
            if (!name.isEmpty()) {
                subscriptions.put(name, Subscription.parse(name));
            }
        }
    }

    @Override
    public synchronized void unsubscribe(List<String> names) {
        if (names.isEmpty()) {
            subscriptions.clear();
        } else {
            names.forEach(subscriptions::remove);
        }
    }

    /** The subscriptions for any of these prefixes ({@code posts/*?}, see {@link Subscription#matches}). */
    synchronized List<Subscription> subscriptionsFor(List<String> prefixes) {
        List<Subscription> out = new ArrayList<>(0);
        for (Subscription s : subscriptions.values()) {
            for (String prefix : prefixes) {
                if (s.matches(prefix)) {
                    out.add(s);
                    break;
                }
            }
        }
        return out;
    }

    @Override
    public void send(RealtimeMessage message) {
        if (discarded) {
            return;
        }
        if (!queue.offer(message)) {
            discard();
        }
    }

    /** The next message, waiting at most {@code nanos}; empty on time-out or once discarded. */
    Optional<RealtimeMessage> next(long nanos) throws InterruptedException {
        RealtimeMessage m = queue.poll(nanos, TimeUnit.NANOSECONDS);
        return m == null || m == WAKE_UP || discarded ? Optional.empty() : Optional.of(m);
    }

    /** A message already queued, without waiting. */
    Optional<RealtimeMessage> poll() {
        RealtimeMessage m = queue.poll();
        return m == null || m == WAKE_UP || discarded ? Optional.empty() : Optional.of(m);
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
        queue.clear();
        queue.offer(WAKE_UP);
    }

    /** Messages waiting, for tests and the bench. */
    int queued() {
        return queue.size();
    }
}
