package io.pb4j.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small TCP load balancer on 127.0.0.1:0, as an L4 balancer in front of pb4j nodes: each accepted connection goes
 * to the next node in turn (a node that refuses the connection is skipped, as a health-checking balancer would), and
 * bytes are copied both ways until either side closes. HTTP keep-alive keeps a connection on its node.
 */
final class RoundRobinProxy implements AutoCloseable {
    private final List<InetSocketAddress> nodes;
    private final ServerSocket server;
    private final AtomicInteger next = new AtomicInteger();
    final String base;

    RoundRobinProxy(List<Integer> ports) throws IOException {
        this.nodes = ports.stream().map(p -> new InetSocketAddress(InetAddress.getLoopbackAddress(), p)).toList();
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        this.base = "http://127.0.0.1:" + server.getLocalPort();
        Thread.ofPlatform().daemon().name("proxy-accept").start(this::accept);
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
    public void close() throws IOException {
        server.close();
    }
}
