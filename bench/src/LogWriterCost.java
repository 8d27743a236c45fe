import io.pb4j.core.Logger;
import io.pb4j.core.PocketBase;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Inside the server (BenchServer's {@code POST /bench/log-writer-cost/N}): queues N request-shaped log entries (the
 * keys and value types the activity logger writes) from a platform thread and reports the CPU time, per entry, of
 * the submitting thread and of the log writer thread ({@code pb4j-logs-writer}) that stores them in auxiliary.db.
 * Entries are queued in chunks below the queue's capacity and flushed after each, so none is dropped.
 */
final class LogWriterCost {
    private LogWriterCost() {
    }

    static Map<String, Object> measure(PocketBase app, int n) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Thread writer = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("pb4j-logs-writer"))
                .findFirst().orElseThrow();
        Map<String, Object> out = new LinkedHashMap<>();
        Thread caller = Thread.ofPlatform().start(() -> {
            run(app, 5_000); // warm-up
            long writer0 = mx.getThreadCpuTime(writer.threadId());
            long caller0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            run(app, n);
            out.put("entries", n);
            out.put("wallMs", (System.nanoTime() - t0) / 1_000_000);
            out.put("submitMicrosPerEntry", (mx.getCurrentThreadCpuTime() - caller0) / 1000.0 / n);
            out.put("writerMicrosPerEntry", (mx.getThreadCpuTime(writer.threadId()) - writer0) / 1000.0 / n);
        });
        try {
            caller.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }

    private static void run(PocketBase app, int n) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < n; i++) {
            String id = Long.toString(random.nextLong(1L << 62, Long.MAX_VALUE), 36).substring(0, 12);
            Map<String, Object> data = new LinkedHashMap<>(24);
            data.put("type", "request");
            data.put("execTime", random.nextInt(1, 5000) / 1000.0);
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
                app.logs().flush();
            }
        }
        app.logs().flush();
    }
}
