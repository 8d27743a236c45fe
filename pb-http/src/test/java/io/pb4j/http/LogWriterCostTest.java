package io.pb4j.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.pb4j.core.Logger;
import io.pb4j.core.PocketBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What one request's log entry costs the log writer thread ({@code pb4j-logs-writer}), in CPU time from /proc (which
 * a loaded machine does not distort as it distorts wall time): request-shaped entries, as the activity logger
 * queues them, stored in auxiliary.db. Prints the figure; fails when it grows past a bound far above it.
 */
class LogWriterCostTest {
    private static final int ENTRIES = Integer.getInteger("pb4j.logCost.entries", 60_000);

    @Test
    void aRequestEntryCostsTheWriterAFewMicrosecondsOfCpu() throws Exception {
        try (TestServer server = new TestServer()) {
            Random random = new Random(1);
            queue(server.app, 20_000, random); // the JIT first
            long before = writerCpuMillis();
            queue(server.app, ENTRIES, random);
            double micros = (writerCpuMillis() - before) * 1000.0 / ENTRIES;
            System.out.printf("[log writer] %.1f µs CPU per entry (%d entries)%n", micros, ENTRIES);
            assertThat(server.app.logs().list("", "", 1, 1, false).totalItems()).isEqualTo(20_000 + ENTRIES);
            assertThat(micros).isLessThan(60.0);
        }
    }

    private static void queue(PocketBase app, int n, Random random) {
        for (int i = 0; i < n; i++) {
            String id = Long.toString((random.nextLong() >>> 2) | (1L << 62), 36).substring(0, 12);
            Map<String, Object> data = new LinkedHashMap<>(24);
            data.put("type", "request");
            data.put("execTime", (1 + random.nextInt(5000)) / 1000.0);
            data.put("url", "/api/collections/posts/records/" + id);
            data.put("method", "GET");
            data.put("status", 200);
            data.put("referer", "");
            data.put("userAgent", "wrk");
            data.put("auth", "");
            data.put("userIP", "127.0.0.1");
            data.put("remoteIP", "127.0.0.1");
            app.logger().log(Logger.INFO, "GET /api/collections/posts/records/" + id, data);
            if (i % 8_000 == 7_999) {
                app.logs().flush(); // below the queue's capacity: nothing is dropped
            }
        }
        app.logs().flush();
    }

    /** CPU time of the log writer thread so far (its name is cut to 15 characters in /proc), in ms. */
    private static long writerCpuMillis() throws Exception {
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    if (Files.readString(task.resolve("comm")).strip().equals("pb4j-logs-write")) {
                        String stat = Files.readString(task.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
                    }
                } catch (java.nio.file.NoSuchFileException e) {
                    // a thread that ended after the listing
                }
            }
        }
        throw new IllegalStateException("no log writer thread");
    }
}
