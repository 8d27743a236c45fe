package io.pb4j.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small TCP load balancer on 127.0.0.1:0 in front of pb4j nodes, as an L4 balancer without sticky sessions: each
 * accepted connection goes to the next node in turn (a node that refuses the connection is skipped, as a
 * health-checking balancer would), and bytes are copied both ways until either side closes. HTTP keep-alive keeps a
 * connection on its node, so a client with several connections (a browser, the SDK with a realtime stream open) talks
 * to several nodes. Thread-safe; {@link #close()} stops accepting (open connections run on until either side closes).
 */
public final class RoundRobinProxy implements AutoCloseable {
    private final List<InetSocketAddress> nodes;
    private final ServerSocket server;
    private final AtomicInteger next = new AtomicInteger();
    private final String baseUrl;

    /** A proxy in front of the nodes listening on 127.0.0.1 at {@code ports}. */
    public RoundRobinProxy(List<Integer> ports) {
        this.nodes = ports.stream().map(p -> new InetSocketAddress(InetAddress.getLoopbackAddress(), p)).toList();
        try {
            this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1", e);
        }
        this.baseUrl = "http://127.0.0.1:" + server.getLocalPort();
        Thread.ofPlatform().daemon().name("pb4j-test-proxy").start(this::accept);
    }

    /** {@code http://127.0.0.1:<port>} of the proxy. */
    public String baseUrl() {
        return baseUrl;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread.ofVirtual().start(() -> route(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void route(Socket client) {
        int first = Math.floorMod(next.getAndIncrement(), nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            Socket upstream = new Socket();
            try {
                upstream.connect(nodes.get((first + i) % nodes.size()), 1000);
            } catch (IOException down) {
                close(upstream);
                continue;
            }
            Thread.ofVirtual().start(() -> pipe(client, upstream));
            pipe(upstream, client);
            return;
        }
        close(client);
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buf = new byte[16384];
            for (int n; (n = in.read(buf)) >= 0; ) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException gone) {
            // one side closed: close both
        } finally {
            close(from);
            close(to);
        }
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // gone
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closed either way
        }
    }
}
