import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Runs one operation from N threads: a warm-up whose results are discarded, then a measured phase bounded by both
 * time and request count. Used for the HTTP scenarios and the raw SQLite baseline alike, so both get the same
 * clock, the same percentiles and the same bounds.
 */
final class Load {
    /** One request or query; failure is an exception. Each worker has its own instance. */
    interface Op {
        void call() throws Exception;
    }

    /** The figures of one measured phase; latencies in milliseconds. */
    record Stats(long ok, long errors, double seconds, double p50, double p99, String firstError) {
        double perSecond() {
            return ok / seconds;
        }
    }

    private Load() {
    }

    /** Runs {@code workers} threads, each with {@code opFactory.apply(workerIndex)} created on its own thread. */
    static Stats run(int workers, Duration warmup, Duration measure, long maxRequests, IntFunction<Op> opFactory)
            throws InterruptedException {
        long bound = maxRequests > 0 ? maxRequests : Long.MAX_VALUE; // 0: the measured window alone bounds the phase
        long warmEnd = System.nanoTime() + warmup.toNanos();
        long end = warmEnd + measure.toNanos();
        AtomicLong issued = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>("");
        AtomicLong lastFinish = new AtomicLong(warmEnd);
        long[][] latencies = new long[workers][];
        int[] counts = new int[workers];
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            threads.add(Thread.ofVirtual().start(() -> {
                Op op = opFactory.apply(worker);
                long[] lat = new long[1024];
                int n = 0;
                while (System.nanoTime() < warmEnd) {
                    attempt(op, firstError);
                }
                while (System.nanoTime() < end && issued.getAndIncrement() < bound) {
                    long t0 = System.nanoTime();
                    boolean ok = attempt(op, firstError);
                    long t1 = System.nanoTime();
                    if (!ok) {
                        errors.incrementAndGet();
                        continue;
                    }
                    if (n == lat.length) {
                        lat = Arrays.copyOf(lat, n * 2);
                    }
                    lat[n++] = t1 - t0;
                }
                lastFinish.accumulateAndGet(System.nanoTime(), Math::max);
                latencies[worker] = lat;
                counts[worker] = n;
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        long total = Arrays.stream(counts).asLongStream().sum();
        long[] all = new long[(int) total];
        int at = 0;
        for (int w = 0; w < workers; w++) {
            if (latencies[w] == null) {
                continue; // the worker's Op could not be created
            }
            System.arraycopy(latencies[w], 0, all, at, counts[w]);
            at += counts[w];
        }
        Arrays.sort(all);
        double seconds = (lastFinish.get() - warmEnd) / 1e9;
        return new Stats(total, errors.get(), seconds, percentile(all, 0.50), percentile(all, 0.99), firstError.get());
    }

    private static boolean attempt(Op op, AtomicReference<String> firstError) {
        try {
            op.call();
            return true;
        } catch (Exception e) {
            firstError.compareAndSet("", String.valueOf(e));
            return false;
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, i)] / 1e6;
    }
}
