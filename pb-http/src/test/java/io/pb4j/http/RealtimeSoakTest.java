package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The short version of the realtime soak (bench/realtime has the 5-minute one): SSE clients connect, subscribe and
 * drop their connection for 12 s while records are written; afterwards no client is left and the server's platform
 * threads and open files are back at their baseline.
 */
class RealtimeSoakTest {
    private static final Pattern ID = Pattern.compile("id:(\\w{40})");
    private static final int CLIENTS = 60;
    private static final Duration RUN = Duration.ofSeconds(12);

    @Test
    void clientsComingAndGoingUnderWritesLeaveNoThreadsFilesOrClientsBehind() throws Exception {
        try (TestServer server = new TestServer()) {
            String superuser = server.superuserToken();
            server.expect("POST", "/api/collections", superuser, """
                    {"name":"soak","listRule":"","viewRule":"","fields":[{"name":"title","type":"text"}]}""", 200);
            // a dropped stream is noticed at the next write to it: keep-alives make that quick
            server.app.onRealtimeConnectRequest().bind(e -> {
                e.keepAlive(Duration.ofMillis(200));
                e.next();
            });
            // warm up everything that starts lazily once (client pools, the dispatcher, the SQL threads)
            for (int i = 0; i < 3; i++) {
                cycle(server, 0);
                server.expect("POST", "/api/collections/soak/records", superuser, "{\"title\":\"warm\"}", 200);
            }
            awaitNoClients(server);
            int threads0 = threads();
            long files0 = openFiles();

            long end = System.nanoTime() + RUN.toNanos();
            AtomicInteger cycles = new AtomicInteger();
            AtomicInteger failures = new AtomicInteger();
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                workers.add(Thread.ofVirtual().start(() -> {
                    while (System.nanoTime() < end) {
                        try {
                            cycle(server, ThreadLocalRandom.current().nextInt(50, 400));
                            cycles.incrementAndGet();
                        } catch (Exception | AssertionError e) {
                            failures.incrementAndGet();
                        }
                    }
                }));
            }
            int writes = 0;
            while (System.nanoTime() < end) {
                server.expect("POST", "/api/collections/soak/records", superuser, "{\"title\":\"w" + writes++ + "\"}", 200);
                Thread.sleep(50);
            }
            for (Thread t : workers) {
                t.join();
            }
            assertThat(failures.get()).as("failed cycles of %d", cycles.get()).isZero();
            assertThat(cycles.get()).isGreaterThan(CLIENTS);

            awaitNoClients(server);
            long deadline = System.nanoTime() + Duration.ofSeconds(8).toNanos();
            // the JDK's virtual-thread scheduler may keep a compensating carrier thread for a while: 2 of slack
            while ((threads() > threads0 + 2 || openFiles() > files0 + 2) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(threads()).as("platform threads, baseline %d: %s", threads0, threadNames()).isLessThanOrEqualTo(threads0 + 2);
            assertThat(openFiles()).as("open files, baseline %d", files0).isLessThanOrEqualTo(files0 + 2);
        }
    }

    /** One client: connect, read PB_CONNECT, subscribe, stay {@code stayMillis}, drop the connection. */
    private static void cycle(TestServer server, int stayMillis) throws Exception {
        URI uri = URI.create(server.base);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("GET /api/realtime HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String clientId = readClientId(s.getInputStream());
            assertThat(subscribe(uri, clientId)).startsWith("HTTP/1.1 204");
            if (stayMillis > 0) {
                Thread.sleep(stayMillis);
            }
        }
    }

    /**
     * The subscribe request over its own socket, so that the test's client side starts no threads of its own (an
     * HttpClient's worker pool would grow with the concurrent cycles and blur the server's thread count).
     */
    private static String subscribe(URI uri, String clientId) throws IOException {
        byte[] body = ("{\"clientId\":\"" + clientId + "\",\"subscriptions\":[\"soak/*\"]}").getBytes(StandardCharsets.UTF_8);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5000);
            s.setSoTimeout(10_000);
            s.getOutputStream().write(("POST /api/realtime HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().write(body);
            // the status line is enough; the socket is closed right after
            StringBuilder status = new StringBuilder();
            InputStream in = s.getInputStream();
            for (int c; (c = in.read()) >= 0 && c != '\n'; ) {
                status.append((char) c);
            }
            return status.toString().strip();
        }
    }

    private static String readClientId(InputStream in) throws IOException {
        StringBuilder seen = new StringBuilder();
        byte[] buf = new byte[1024];
        while (true) {
            int n = in.read(buf);
            if (n < 0) {
                throw new IOException("stream ended before PB_CONNECT: " + seen);
            }
            seen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            Matcher m = ID.matcher(seen);
            if (m.find()) {
                return m.group(1);
            }
        }
    }

    private static void awaitNoClients(TestServer server) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!server.app.realtime().clients().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(server.app.realtime().clients()).as("clients left registered").isEmpty();
    }

    /**
     * The process's OS threads, as /proc counts them, but for those the JVM adds and retires by its own load
     * heuristics (JIT compiler and GC workers) and the test's HttpClient workers.
     */
    private static int threads() throws IOException {
        return threadNames().size();
    }

    private static List<String> threadNames() throws IOException {
        List<String> names = new ArrayList<>();
        try (var s = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : s.toList()) {
                String name;
                try {
                    name = Files.readString(task.resolve("comm")).strip();
                } catch (IOException gone) {
                    continue;
                }
                if (!(name.startsWith("C1 ") || name.startsWith("C2 ") || name.startsWith("GC ") || name.startsWith("G1 ")
                        || name.startsWith("HttpClient"))) {
                    names.add(name);
                }
            }
        }
        return names;
    }

    private static long openFiles() throws IOException {
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }
}
