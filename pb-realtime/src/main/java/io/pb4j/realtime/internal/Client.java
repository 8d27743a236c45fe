package io.pb4j.realtime.internal;

import io.pb4j.core.Record;
import io.pb4j.core.realtime.RealtimeClient;
import io.pb4j.core.realtime.RealtimeMessage;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A realtime client: its subscriptions, bound auth and a bounded queue of messages that {@link Writers} write to its
 * {@link Sink}. Thread-safe: the broker's dispatcher and the Java API send, writer threads write, requests change
 * subscriptions, and the connection thread only waits for the client's end.
 *
 * <p>The connection thread parks without a timeout while it waits, and is not woken by messages: {@link Deadlines}
 * wakes it when its {@link #wakeAt()} has come (keep-alive, idle and total timeouts) or the client is discarded.
 */
final class Client implements RealtimeClient {
    private static final System.Logger LOG = System.getLogger(Client.class.getName());
    /** Messages waiting for the connection; a client this far behind is discarded rather than buffered without end. */
    static final int QUEUE_CAPACITY = 512;
    /** A write blocked this long (the client reads nothing, its socket buffers are full) drops the client. */
    static final long WRITE_TIMEOUT = TimeUnit.SECONDS.toNanos(5);
    /** Messages written before one flush when several are waiting. */
    private static final int BATCH = 64;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** {@link #queued} and {@link #scheduled} as fields of the client itself: one object less to reach per message. */
    private static final VarHandle QUEUED;
    private static final VarHandle SCHEDULED;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            QUEUED = lookup.findVarHandle(Client.class, "queued", int.class);
            SCHEDULED = lookup.findVarHandle(Client.class, "scheduled", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String id = randomId();
    private final String transport;
    private final String ip;
    private final Broker broker;
    /** Unbounded by type, bounded by {@link #queued}; an idle client holds no array. */
    private final ConcurrentLinkedQueue<Outgoing> queue = new ConcurrentLinkedQueue<>();
    private volatile int queued;
    /** Set while a writer is asked for or at work: one writer at a time, so messages leave in order. */
    private volatile boolean scheduled;
    /** Held while writing; the connection takes it before it ends, so nothing is written to a closed stream. */
    private final ReentrantLock writing = new ReentrantLock();
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    /**
     * The subscriptions by topic, an immutable copy replaced on every change: the dispatcher reads it for each event
     * and client without a lock or an allocation.
     */
    private volatile Map<String, List<Subscription>> onTopic = Map.of();
    private volatile Record auth;
    private volatile boolean discarded;
    private volatile Sink sink;
    /** The writer thread at work and since when (nanoTime, 0 when none): {@link #dropIfBlocked} reads them. */
    private volatile Thread writer;
    private volatile long writingSince;
    /** When a message last reached the client and when anything (keep-alives too) was last written (nanoTime). */
    private volatile long lastDelivered = System.nanoTime();
    private volatile long lastWritten = lastDelivered;
    /** The keep-alive interval in nanoseconds (0: none), and when the next keep-alive is due at the earliest. */
    private volatile long keepAlive;
    private volatile long nextPing;
    /** The connection thread while it waits. */
    private volatile Thread owner;
    private volatile long wakeAt = Long.MAX_VALUE;

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

    /** The bound auth record, or null for a guest: the dispatcher's allocation-free read. */
    Record boundAuth() {
        return auth;
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

    /** Tells the broker's topic index what changed; a discarded client leaves it entirely. Call with the lock held. */
    private void reindex(Set<String> before) {
        Map<String, List<Subscription>> byTopic = new HashMap<>();
        for (Subscription s : subscriptions.values()) {
            byTopic.computeIfAbsent(s.topic(), t -> new ArrayList<>(1)).add(s);
        }
        byTopic.replaceAll((t, list) -> List.copyOf(list));
        onTopic = Map.copyOf(byTopic);
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

    /** The subscriptions whose topic is {@code topic}, from the latest snapshot: no lock, no copy. */
    List<Subscription> subscriptionsOn(String topic) {
        return onTopic.getOrDefault(topic, List.of());
    }

    @Override
    public void send(RealtimeMessage message) {
        if (offer(Outgoing.of(message))) {
            Writers.start(this);
        }
    }

    /**
     * Queues a message; whether the caller must have a writer drain this client ({@link Writers#start}), which is
     * so when no writer is asked for or at work yet. A client whose queue is full is dropped.
     */
    boolean offer(Outgoing message) {
        if (discarded) {
            return false;
        }
        if ((int) QUEUED.getAndAdd(this, 1) >= QUEUE_CAPACITY) {
            drop();
            return false;
        }
        queue.add(message);
        return !scheduled && SCHEDULED.compareAndSet(this, false, true);
    }

    /** On a writer thread: writes what is queued to the sink, until the queue stays empty. */
    void drain() {
        do {
            Sink s = sink;
            if (s != null && !discarded) {
                writing.lock();
                try {
                    writeQueued(s);
                } finally {
                    writing.unlock();
                }
            }
            scheduled = false;
            // a message queued after the last poll found the flag still set: take it, unless another writer did
        } while (sink != null && !discarded && !queue.isEmpty() && SCHEDULED.compareAndSet(this, false, true));
    }

    private void writeQueued(Sink s) {
        if (discarded) {
            return;
        }
        writer = Thread.currentThread();
        writingSince = System.nanoTime() | 1;
        try {
            boolean delivered = false;
            int n = 0;
            for (Outgoing m; !discarded && (m = poll()) != null; ) {
                delivered |= s.write(this, m);
                if (++n % BATCH == 0) {
                    s.flush();
                }
            }
            if (n > 0 && !discarded) {
                s.flush();
            }
            long now = System.nanoTime();
            lastWritten = now;
            if (delivered) {
                lastDelivered = now;
            }
        } catch (IOException e) {
            // the peer went away: as common as a closed browser tab
            LOG.log(System.Logger.Level.DEBUG, "realtime client " + id + " gone: " + e);
            discard();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "realtime client " + id + " gone: " + e, e);
            discard();
        } finally {
            synchronized (this) {
                writer = null;
                writingSince = 0;
                // an interrupt meant for this client's blocked write must not hit the next client's
                Thread.interrupted();
            }
        }
    }

    private Outgoing poll() {
        Outgoing m = queue.poll();
        if (m != null) {
            QUEUED.getAndAdd(this, -1);
        }
        return m;
    }

    /**
     * Serves the client on its connection thread: queues {@code first} (PB_CONNECT), lets writers write to
     * {@code sink}, has a {@link Outgoing#PING} written when nothing was written for {@code keepAlive} (zero for
     * none), and returns when the client is discarded, idle for {@code idle} or alive for {@code max}; the client is
     * then discarded and no writer writes to the sink any more.
     */
    void serve(Sink sink, Outgoing first, Duration max, Duration idle, Duration keepAlive) {
        long start = System.nanoTime();
        long maxDeadline = start + max.toNanos();
        this.keepAlive = keepAlive.toNanos();
        this.nextPing = start;
        this.sink = sink;
        try {
            if (offer(first)) {
                Writers.start(this);
            }
            if (this.keepAlive > 0) {
                broker.deadlines().watch(start + this.keepAlive - keepAliveSlack());
            }
            // keep-alives are the ticker's (Deadlines), in batches: this thread wakes only for its end
            while (!discarded) {
                long now = System.nanoTime();
                long end = Math.min(maxDeadline, lastDelivered + idle.toNanos());
                if (end - now <= 0) {
                    return;
                }
                await(end);
            }
        } finally {
            discard();
            awaitWriter();
        }
    }

    /** Waits for a writer at work to finish; one that stays blocked is interrupted, which closes its socket. */
    private void awaitWriter() {
        boolean locked = false;
        try {
            locked = writing.tryLock(WRITE_TIMEOUT, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!locked) {
            interruptWriter();
            writing.lock();
        }
        writing.unlock();
    }

    /**
     * Waits, on the connection thread, until the client is discarded or {@code deadline} (nanoTime) has passed;
     * spurious returns are possible, callers loop.
     */
    private void await(long deadline) {
        owner = Thread.currentThread();
        wakeAt = deadline;
        try {
            broker.deadlines().watch(deadline);
            if (!discarded && deadline - System.nanoTime() > 0) {
                LockSupport.park(this);
            }
            // an interrupted thread (the server stopping) would return from park at once, for ever: end the client
            if (Thread.currentThread().isInterrupted()) {
                discard();
            }
        } finally {
            wakeAt = Long.MAX_VALUE;
        }
    }

    /**
     * When a keep-alive is due (nanoTime): {@code keepAlive} after the last write and after the last keep-alive;
     * {@code Long.MAX_VALUE} without keep-alives or before the connection is served.
     */
    long pingAt() {
        long interval = keepAlive;
        if (interval <= 0 || sink == null) {
            return Long.MAX_VALUE;
        }
        return Math.max(lastWritten, nextPing) + interval;
    }

    /** How much earlier than {@link #pingAt} the ticker may send the keep-alive: an eighth of the interval. */
    long keepAliveSlack() {
        return keepAlive >> 3;
    }

    /** Queues a keep-alive at {@code now}; whether the caller must have a writer drain this client. */
    boolean ping(long now) {
        nextPing = now;
        return offer(Outgoing.PING);
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

    /** Drops the client when a write to it has been blocked for {@link #WRITE_TIMEOUT} at {@code now}. */
    void dropIfBlocked(long now) {
        long since = writingSince;
        if (since != 0 && now - since > WRITE_TIMEOUT) {
            drop();
        }
    }

    /** Discards a client that cannot keep up, and frees the writer that may be blocked on its socket. */
    private void drop() {
        LOG.log(System.Logger.Level.DEBUG, "realtime client " + id + " dropped: it does not read its messages");
        discard();
        interruptWriter();
    }

    /** Interrupts the writer blocked at this client: a virtual thread's blocking socket write closes the socket. */
    private synchronized void interruptWriter() {
        Thread w = writer;
        if (w != null) {
            w.interrupt();
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
        queued = 0;
        wake();
    }

    /** Messages waiting, for tests and the bench. */
    int queued() {
        return queued;
    }
}
