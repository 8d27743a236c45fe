package io.pb4j.store.postgres.internal;

import io.pb4j.core.spi.ClusterBus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * The cluster channel through the database itself: every node {@code LISTEN}s on one channel with a connection of its
 * own and a thread that waits for notifications; {@code pg_notify} sends on the writer connection inside the current
 * write (PostgreSQL delivers a transaction's notifications when it commits, and drops them when it rolls back) or, outside
 * a write, on a reader connection at once. NOTIFY payloads are limited to 8000 bytes, so a message is sent as chunks of
 * at most {@value #CHUNK_BYTES} bytes, each headed {@code node seq index count topic}, and joined again by the receivers;
 * a node skips its own messages. Claims are rows of {@code _pb4j_claims}, whose primary key grants each key once.
 */
final class PgClusterBus implements ClusterBus, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PgClusterBus.class.getName());
    static final String CHANNEL = "pb4j_cluster";
    /** Store-internal: a node changed the schema (DDL), so the others' cached statement plans are stale. */
    static final String DDL = "pb4j.ddl";
    private static final int CHUNK_BYTES = 7000;
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._/-]+");
    private static final int MAX_PARTIAL = 1000;

    /** The connections the bus borrows: the writer's when the calling thread is inside a write, else a reader. */
    interface Connections {
        <T> T withConnection(SqlWork<T> work);

        Connection listen() throws SQLException;
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private final Connections connections;
    private final String nodeId = HexFormat.of().formatHex(longBytes(ThreadLocalRandom.current().nextLong())).substring(0, 12);
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();
    /** Messages whose chunks have not all arrived, by sender and sequence (bounded: a sender that died mid-way). */
    private final Map<String, String[]> partial = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String[]> eldest) {
            return size() > MAX_PARTIAL;
        }
    };
    private final Thread listener;
    private final java.util.concurrent.CountDownLatch listening = new java.util.concurrent.CountDownLatch(1);
    private volatile boolean closed;
    private volatile Connection listenConnection;
    private final AtomicLong received = new AtomicLong();

    PgClusterBus(Connections connections) {
        this.connections = connections;
        this.listener = Thread.ofPlatform().daemon().name("pb4j-cluster-listen").start(this::listenLoop);
        try {
            // a node serves once it hears the others: a change made right after start-up is not missed
            listening.await(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] longBytes(long v) {
        return java.nio.ByteBuffer.allocate(8).putLong(v).array();
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public void publish(String topic, String payload) {
        if (!TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("a cluster topic is letters, digits and . _ - /: " + topic);
        }
        List<String> chunks = chunks(payload);
        long seq = sequence.incrementAndGet();
        connections.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                for (int i = 0; i < chunks.size(); i++) {
                    ps.setString(1, CHANNEL);
                    ps.setString(2, nodeId + " " + seq + " " + i + " " + chunks.size() + " " + topic + "\n" + chunks.get(i));
                    ps.executeQuery().close();
                }
            }
            return null;
        });
    }

    /** {@code payload} cut into pieces of at most {@link #CHUNK_BYTES} UTF-8 bytes, never inside a character. */
    static List<String> chunks(String payload) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int bytes = 0;
        for (int i = 0; i < payload.length(); ) {
            int cp = payload.codePointAt(i);
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + n > CHUNK_BYTES) {
                out.add(payload.substring(start, i));
                start = i;
                bytes = 0;
            }
            bytes += n;
            i += Character.charCount(cp);
        }
        out.add(payload.substring(start));
        return out;
    }

    @Override
    public void subscribe(String topic, Consumer<String> listener) {
        listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
    }

    /** The listening connections name themselves, so the nodes of one database can be counted. */
    static final String LISTENER_NAME = "pb4j-cluster";

    @Override
    public int peers() {
        return connections.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                    + "WHERE application_name = ? AND datname = current_database()")) {
                ps.setString(1, LISTENER_NAME);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return Math.max(0, rs.getInt(1) - 1);
                }
            }
        });
    }

    @Override
    public boolean claim(String key) {
        return connections.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO _pb4j_claims (key) VALUES (?) ON CONFLICT (key) DO NOTHING")) {
                ps.setString(1, key);
                boolean won = ps.executeUpdate() == 1;
                if (won) {
                    try (Statement st = c.createStatement()) {
                        st.execute("DELETE FROM _pb4j_claims WHERE at < now() - interval '1 day'");
                    }
                }
                return won;
            }
        });
    }

    /** How many notifications from other nodes arrived (for the tests and the bench). */
    long received() {
        return received.get();
    }

    private void listenLoop() {
        boolean reconnected = false;
        long backoff = 100;
        while (!closed) {
            try {
                if (listenConnection == null) {
                    Connection c = connections.listen();
                    try (Statement st = c.createStatement()) {
                        st.execute("SET application_name = '" + LISTENER_NAME + "'");
                        st.execute("LISTEN " + CHANNEL);
                    }
                    listenConnection = c;
                    listening.countDown();
                    backoff = 100;
                    if (reconnected) {
                        // notifications sent while this node was not listening are lost: caches must be reloaded
                        dispatch(RESYNC, "");
                        dispatch(DDL, "");
                    }
                }
                PGNotification[] notes = listenConnection.unwrap(PGConnection.class).getNotifications(500);
                if (notes != null) {
                    for (PGNotification n : notes) {
                        handle(n.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    break;
                }
                LOG.log(System.Logger.Level.WARNING, "the cluster listener lost its connection; reconnecting: " + e.getMessage());
                closeQuietly(listenConnection);
                listenConnection = null;
                reconnected = true;
                listening.countDown();
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException stop) {
                    break;
                }
                backoff = Math.min(5000, backoff * 2);
            }
        }
        closeQuietly(listenConnection);
    }

    private void handle(String note) {
        int newline = note.indexOf('\n');
        String[] head = note.substring(0, Math.max(0, newline)).split(" ");
        if (newline < 0 || head.length != 5 || head[0].equals(nodeId)) {
            return;
        }
        received.incrementAndGet();
        String body = note.substring(newline + 1);
        int index = Integer.parseInt(head[2]);
        int count = Integer.parseInt(head[3]);
        if (count == 1) {
            dispatch(head[4], body);
            return;
        }
        String key = head[0] + " " + head[1];
        String[] parts = partial.computeIfAbsent(key, k -> new String[count]);
        parts[index] = body;
        for (String p : parts) {
            if (p == null) {
                return;
            }
        }
        partial.remove(key);
        dispatch(head[4], String.join("", parts));
    }

    private void dispatch(String topic, String payload) {
        for (Consumer<String> l : listeners.getOrDefault(topic, List.of())) {
            try {
                l.accept(payload);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a cluster listener of " + topic + " failed", e);
            }
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // gone either way
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(listenConnection);
    }
}
