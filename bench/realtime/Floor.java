import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The floor of realtime fan-out on this machine (bench/realtime/README.md): plain Java NIO, no pb4j, no Helidon. This
 * process holds N loopback TCP connections and, per event, writes one ~300-byte HTTP/1.1 chunk holding an SSE message
 * (the client's own {@code id:} line and a tail shared by all) to each, from {@code --writers} threads, non-blocking;
 * a child process reads them all on one selector thread, as the realtime bench's clients do. Printed: server CPU per
 * client per event (the writers' thread CPU clock, and the whole process from /proc as the bench counts pb4j's), the
 * writers' span per event, and fan-out start → last client latency (System.nanoTime is CLOCK_MONOTONIC, one clock for
 * both processes). What pb4j's figures can be compared with: the same syscalls and the same loopback TCP work, nothing
 * else.
 *
 * <pre>
 * java bench/realtime/Floor.java [--clients=2000,10000] [--events=30] [--warmup=5] [--interval=500] [--writers=1]
 * </pre>
 */
public final class Floor {
    /** The line with one run's figures, parsed by RealtimeBench. */
    static final String RESULT = "FLOOR ";

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            opt.put(a.substring(2, eq < 0 ? a.length() : eq), eq < 0 ? "true" : a.substring(eq + 1));
        }
        if (opt.containsKey("client")) {
            client(Integer.parseInt(opt.get("port")), Integer.parseInt(opt.get("clients")));
            return;
        }
        int events = Integer.parseInt(opt.getOrDefault("events", "30"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "5"));
        int interval = Integer.parseInt(opt.getOrDefault("interval", "500"));
        int writers = Integer.parseInt(opt.getOrDefault("writers", "1"));
        StringBuilder report = new StringBuilder("### Floor: plain NIO fan-out of one ~300-byte SSE chunk per client per event ("
                + writers + " writer thread" + (writers == 1 ? "" : "s") + ", " + events + " events " + interval + " ms apart)\n\n"
                + "Machine: " + Runtime.getRuntime().availableProcessors() + " cores, load average at start "
                + Files.readString(Path.of("/proc/loadavg")).trim() + "\n\n"
                + "| clients | server CPU per client per event: writers' clock (user) / process | writers' span per event p50 / p99 | "
                + "start → last client p50 / p99 / max | deliveries | client CPU per client per event |\n|---|---|---|---|---|---|\n");
        for (String n : opt.getOrDefault("clients", "2000,10000").split(",")) {
            report.append(run(Integer.parseInt(n.trim()), events, warmup, interval, writers)).append('\n');
        }
        System.out.println(report);
        if (opt.containsKey("out")) {
            Files.writeString(Path.of(opt.get("out")), report.toString());
        }
    }

    /** One fan-out run with {@code n} connections; returns its table row and prints the {@link #RESULT} line. */
    static String run(int n, int events, int warmup, int interval, int writers) throws Exception {
        ServerSocketChannel server = ServerSocketChannel.open();
        server.bind(new InetSocketAddress("127.0.0.1", 0), 4096);
        int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
        // run from the repository root, as bench/run does
        Path self = Path.of("bench/realtime/Floor.java");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                self.toString(), "--client", "--port=" + port, "--clients=" + n).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Runtime.getRuntime().addShutdownHook(new Thread(child::destroyForcibly));
        BufferedReader fromClient = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.US_ASCII));
        SocketChannel[] conns = new SocketChannel[n];
        byte[][] idLines = new byte[n][];
        for (int i = 0; i < n; i++) {
            SocketChannel c = server.accept();
            c.setOption(StandardSocketOptions.TCP_NODELAY, true);
            c.configureBlocking(false);
            conns[i] = c;
            // a 40-character client id per connection, as PocketBase's
            idLines[i] = String.format(Locale.ROOT, "id:%040d\n", i).getBytes(StandardCharsets.US_ASCII);
        }
        server.close();
        // the client says it has registered every connection
        if (!"READY".equals(fromClient.readLine())) {
            throw new IllegalStateException("client did not start");
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        List<Long> spans = new ArrayList<>();
        List<Long> lasts = new ArrayList<>();
        long delivered = 0;
        long writersCpu = 0;
        long writersUser = 0;
        long process0 = 0;
        long client0 = 0;
        int partial = 0;
        for (int e = -warmup; e < events; e++) {
            if (e == 0) {
                process0 = procCpuMs(ProcessHandle.current().pid());
                client0 = procCpuMs(child.pid());
            }
            long t0 = System.nanoTime();
            // an SSE message of a create event as pb4j sends it, framed as one HTTP/1.1 chunk; the sequence number and
            // the fan-out's start are what the client reads
            String data = "{\"action\":\"create\",\"record\":{\"collectionId\":\"pbc_0000000000\",\"collectionName\":\"rt_bench\","
                    + "\"created\":\"2026-12-07 21:00:00.000Z\",\"id\":\"abcdefghijklmno\",\"title\":\"s" + (e + warmup) + "t" + t0
                    + "\",\"updated\":\"2026-12-07 21:00:00.000Z\"}}";
            byte[] tail = ("event:rt_bench/*\ndata:" + data + "\n\n").getBytes(StandardCharsets.US_ASCII);
            int size = idLines[0].length + tail.length;
            byte[] head = (Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            long[] cpu = new long[2];
            AtomicInteger partials = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(writers);
            for (int w = 0; w < writers; w++) {
                int from = (int) ((long) n * w / writers);
                int to = (int) ((long) n * (w + 1) / writers);
                Runnable write = () -> {
                    long c0 = mx.getCurrentThreadCpuTime();
                    long u0 = mx.getCurrentThreadUserTime();
                    ByteBuffer buf = ByteBuffer.allocateDirect(head.length + size + 2);
                    for (int i = from; i < to; i++) {
                        buf.clear();
                        buf.put(head).put(idLines[i]).put(tail).put((byte) '\r').put((byte) '\n').flip();
                        try {
                            conns[i].write(buf);
                            while (buf.hasRemaining()) {
                                // the client's buffers are full: not expected at one event per interval
                                partials.incrementAndGet();
                                Thread.onSpinWait();
                                conns[i].write(buf);
                            }
                        } catch (IOException ex) {
                            throw new IllegalStateException(ex);
                        }
                    }
                    synchronized (cpu) {
                        cpu[0] += mx.getCurrentThreadCpuTime() - c0;
                        cpu[1] += mx.getCurrentThreadUserTime() - u0;
                    }
                    done.countDown();
                };
                if (writers == 1) {
                    write.run();
                } else {
                    Thread.ofPlatform().start(write);
                }
            }
            done.await();
            long span = System.nanoTime() - t0;
            // the client answers "seq count lastArrival-t0" once every connection has the event (or after 5 s)
            String[] answer = fromClient.readLine().split(" ");
            if (e >= 0) {
                spans.add(span);
                lasts.add(Long.parseLong(answer[2]));
                delivered += Long.parseLong(answer[1]);
                writersCpu += cpu[0];
                writersUser += cpu[1];
                partial += partials.get();
            }
            long wait = t0 + TimeUnit.MILLISECONDS.toNanos(interval) - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        long process = procCpuMs(ProcessHandle.current().pid()) - process0;
        long clientCpu = procCpuMs(child.pid()) - client0;
        for (SocketChannel c : conns) {
            c.close();
        }
        child.waitFor(10, TimeUnit.SECONDS);
        child.destroyForcibly();
        double perClientClock = writersCpu / 1000.0 / events / n;
        double perClientUser = writersUser / 1000.0 / events / n;
        double perClientProcess = process * 1000.0 / events / n;
        System.out.printf(Locale.ROOT, "%sclients=%d cpuPerClientUs=%.2f userPerClientUs=%.2f processPerClientUs=%.2f "
                        + "lastP50Ms=%.2f lastP99Ms=%.2f lastMaxMs=%.2f spanP50Ms=%.2f clientPerClientUs=%.2f%n", RESULT, n, perClientClock,
                perClientUser, perClientProcess, pct(lasts, 50) / 1e6, pct(lasts, 99) / 1e6, pct(lasts, 100) / 1e6, pct(spans, 50) / 1e6,
                clientCpu * 1000.0 / events / n);
        return String.format(Locale.ROOT, "| %d | %.2f (%.2f) / %.2f µs | %.1f / %.1f ms | %.1f / %.1f / %.1f ms | %d of %d%s | %.2f µs |",
                n, perClientClock, perClientUser, perClientProcess, pct(spans, 50) / 1e6, pct(spans, 99) / 1e6,
                pct(lasts, 50) / 1e6, pct(lasts, 99) / 1e6, pct(lasts, 100) / 1e6, delivered, (long) n * events,
                partial > 0 ? " (" + partial + " partial writes)" : "", clientCpu * 1000.0 / events / n);
    }

    /**
     * The client process: {@code n} connections read by one selector thread. For each event (its sequence number in the
     * title) it prints, once every connection has it or 5 s after its first arrival: the sequence, the count of
     * connections that got it and the latest arrival minus the fan-out's start (ns).
     */
    static void client(int port, int n) throws Exception {
        Selector selector = Selector.open();
        for (int i = 0; i < n; i++) {
            SocketChannel c = SocketChannel.open();
            c.setOption(StandardSocketOptions.TCP_NODELAY, true);
            // as the realtime bench's clients
            c.setOption(StandardSocketOptions.SO_RCVBUF, 16 * 1024);
            c.connect(new InetSocketAddress("127.0.0.1", port));
            c.configureBlocking(false);
            c.register(selector, SelectionKey.OP_READ, new byte[0]);
        }
        System.out.println("READY");
        System.out.flush();
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 16);
        byte[] marker = "\"title\":\"s".getBytes(StandardCharsets.US_ASCII);
        int seq = -1;
        int count = 0;
        long last = 0;
        long first = 0;
        while (true) {
            selector.select(100);
            long now = System.nanoTime();
            for (SelectionKey key : selector.selectedKeys()) {
                SocketChannel c = (SocketChannel) key.channel();
                buffer.clear();
                int read = c.read(buffer);
                if (read < 0) {
                    return; // the server closed: the run is over
                }
                buffer.flip();
                byte[] bytes = new byte[buffer.remaining()];
                buffer.get(bytes);
                byte[] pending = (byte[]) key.attachment();
                byte[] data = pending.length == 0 ? bytes : concat(pending, bytes);
                int from = 0;
                for (int end; (end = indexOf(data, "\n\n\r\n".getBytes(StandardCharsets.US_ASCII), from)) >= 0; from = end + 4) {
                    int at = indexOf(data, marker, from);
                    if (at < 0 || at > end) {
                        continue;
                    }
                    int p = at + marker.length;
                    int s = 0;
                    while (data[p] != 't') {
                        s = s * 10 + (data[p++] - '0');
                    }
                    p++;
                    long t0 = 0;
                    while (data[p] != '"') {
                        t0 = t0 * 10 + (data[p++] - '0');
                    }
                    if (s != seq) {
                        seq = s;
                        count = 0;
                        last = 0;
                        first = now;
                    }
                    count++;
                    last = Math.max(last, now - t0);
                    if (count == n) {
                        System.out.println(seq + " " + count + " " + last);
                        System.out.flush();
                    }
                }
                key.attach(from == data.length ? new byte[0] : Arrays.copyOfRange(data, from, data.length));
            }
            selector.selectedKeys().clear();
            if (seq >= 0 && count < n && count > 0 && now - first > TimeUnit.SECONDS.toNanos(5)) {
                System.out.println(seq + " " + count + " " + last);
                System.out.flush();
                count = -n; // answered
            }
        }
    }

    static int indexOf(byte[] data, byte[] what, int from) {
        outer:
        for (int i = from; i + what.length <= data.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (data[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** User + system CPU of a process in ms (clock ticks of 10 ms), from /proc. */
    static long procCpuMs(long pid) throws IOException {
        String[] f = Files.readString(Path.of("/proc/" + pid + "/stat")).split("\\) ")[1].split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
    }

    static long pct(List<Long> values, int p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
