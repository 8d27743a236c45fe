package io.pb4j.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A raw SSE client of {@code GET /api/realtime} over java.net.http: parses PocketBase's framing ({@code id:},
 * {@code event:}, {@code data:}, blank line) into {@link Event}s, counts comment lines, and notices the end of the
 * stream. {@link #close()} drops the connection as a browser tab would.
 */
final class SseClient implements AutoCloseable {
    record Event(String id, String name, String data) {
    }

    /** Marks the end of the stream in the queue. */
    private static final Event END = new Event("", "", "");

    final HttpResponse<InputStream> response;
    final String clientId;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;
    private final HttpClient http;
    volatile int comments;
    volatile boolean ended;

    SseClient(TestServer server) {
        this(server, java.util.Map.of());
    }

    /** With these request headers on the {@code GET} (e.g. a proxy's {@code X-Forwarded-For}). */
    SseClient(TestServer server, java.util.Map<String, String> headers) {
        this(server.base, headers);
    }

    /** Connected to the server at {@code base} ({@code http://host:port}), e.g. through a proxy. */
    SseClient(String base, java.util.Map<String, String> headers) {
        http = HttpClient.newHttpClient();
        try {
            HttpRequest.Builder get = HttpRequest.newBuilder(URI.create(base + "/api/realtime")).GET();
            headers.forEach(get::header);
            response = http.send(get.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        reader = Thread.ofVirtual().start(this::read);
        Event connect = next();
        if (!"PB_CONNECT".equals(connect.name())) {
            throw new IllegalStateException("first event is not PB_CONNECT: " + connect);
        }
        clientId = connect.id();
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = "";
            String name = "";
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    if (!name.isEmpty() || data.length() > 0) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    name = "";
                    data.setLength(0);
                } else if (line.startsWith(":")) {
                    comments++;
                } else if (line.startsWith("id:")) {
                    id = line.substring(3);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6);
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                }
            }
        } catch (IOException e) {
            // closed by close() or by the server
        } finally {
            ended = true;
            events.add(END);
        }
    }

    /** The next event within 10 s; fails on a time-out or at the end of the stream. */
    Event next() {
        return next(Duration.ofSeconds(10)).orElseThrow(() -> new AssertionError("no SSE event within 10 s"));
    }

    /** The next event within {@code wait}; empty on a time-out or at the end of the stream. */
    java.util.Optional<Event> next(Duration wait) {
        try {
            Event e = events.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (e == END) {
                events.add(END);
                return java.util.Optional.empty();
            }
            return java.util.Optional.ofNullable(e);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** Waits until the server ends the stream; whether it did within {@code wait}. */
    boolean awaitEnd(Duration wait) throws InterruptedException {
        reader.join(wait);
        return ended;
    }

    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // already gone
        }
        http.shutdownNow();
    }
}
