import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.SplittableRandom;

/**
 * The log writer's SQLite work alone, in CPU time of the writing thread (user and system, from /proc), which a loaded
 * machine does not distort: PocketBase's {@code _logs} table and indexes in a fresh auxiliary.db, pre-filled with
 * {@code --rows} request-shaped entries, then {@code --entries} more in transactions of {@code --batch} rows, inserted
 * as pb4j's writer does (50-row INSERTs). Options pick the connection's page cache ({@code --cacheKib}),
 * {@code --mmapMib}, {@code --checkpoint} pages. Run: {@code bench/logs/run [--rows=300000] [--cacheKib=32000] …}.
 */
public final class WriterCost {
    public static void main(String[] args) throws Exception {
        java.util.Map<String, String> opt = new java.util.HashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            opt.put(a.substring(2, eq), a.substring(eq + 1));
        }
        int rows = Integer.parseInt(opt.getOrDefault("rows", "300000"));
        int entries = Integer.parseInt(opt.getOrDefault("entries", "100000"));
        int batch = Integer.parseInt(opt.getOrDefault("batch", "20000"));
        int cacheKib = Integer.parseInt(opt.getOrDefault("cacheKib", "32000"));
        int mmapMib = Integer.parseInt(opt.getOrDefault("mmapMib", "0"));
        int checkpoint = Integer.parseInt(opt.getOrDefault("checkpoint", "10000"));
        boolean spill = !opt.getOrDefault("spill", "on").equals("off");
        int rowsPerInsert = Integer.parseInt(opt.getOrDefault("rowsPerInsert", "50"));
        Path dir = Files.createTempDirectory("pb4j-logcost");
        String url = "jdbc:sqlite:" + dir.resolve("auxiliary.db") + "?journal_mode=WAL&synchronous=NORMAL&busy_timeout=10000"
                + "&temp_store=MEMORY&journal_size_limit=200000000&cache_size=-" + cacheKib;
        try (Connection c = DriverManager.getConnection(url)) {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA wal_autocheckpoint = " + checkpoint);
                if (!spill) {
                    st.execute("PRAGMA cache_spill = OFF");
                }
                if (mmapMib > 0) {
                    st.execute("PRAGMA mmap_size = " + (mmapMib * 1024L * 1024L));
                }
                st.execute("CREATE TABLE `_logs` (`id` TEXT PRIMARY KEY DEFAULT ('r'||lower(hex(randomblob(7)))) NOT NULL, "
                        + "`level` INTEGER DEFAULT 0 NOT NULL, `message` TEXT DEFAULT \"\" NOT NULL, `data` JSON DEFAULT \"{}\" NOT NULL, "
                        + "`created` TEXT DEFAULT (strftime('%Y-%m-%d %H:%M:%fZ')) NOT NULL)");
                st.execute("CREATE INDEX idx_logs_level on `_logs` (`level`)");
                st.execute("CREATE INDEX idx_logs_message on `_logs` (`message`)");
                st.execute("CREATE INDEX idx_logs_created_hour on `_logs` (strftime('%Y-%m-%d %H:00:00', `created`))");
            }
            c.setAutoCommit(false);
            SplittableRandom random = new SplittableRandom(42);
            long[] clock = {1_765_000_000_000L};
            insert(c, random, clock, rows, batch, rowsPerInsert);
            CPU[0] = 0;
            CPU[1] = 0;
            long w0 = System.nanoTime();
            insert(c, random, clock, entries, batch, rowsPerInsert);
            System.out.printf("rows %d, batch %d, cache %d KiB, spill %s, mmap %d MiB, checkpoint %d, %d-row INSERTs: "
                    + "%.2f µs CPU per entry (user %.2f, system %.2f), wall %.2f µs, db %.1f MB%n", rows, batch, cacheKib,
                    spill ? "on" : "off", mmapMib, checkpoint, rowsPerInsert, CPU[0] / 1e3 / entries, CPU[1] / 1e3 / entries,
                    (CPU[0] - CPU[1]) / 1e3 / entries,
                    (System.nanoTime() - w0) / 1e3 / entries, (Files.size(dir.resolve("auxiliary.db")) + Files.size(dir.resolve("auxiliary.db-wal"))) / 1e6);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    private static void insert(Connection c, SplittableRandom random, long[] clock, int n, int batch, int per)
            throws Exception {
        StringBuilder sql = new StringBuilder("INSERT INTO `_logs` (`id`, `level`, `message`, `data`, `created`) VALUES ");
        for (int i = 0; i < per; i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?)");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int done = 0;
            while (done < n) {
                int inBatch = Math.min(batch, n - done);
                for (int r = 0; r < inBatch; r += per) {
                    Object[] v = new Object[per * 5];
                    for (int k = 0; k < per; k++) {
                        clock[0] += 1;
                        String url = "/api/collections/posts/records/" + id(random.nextLong(1L << 40, 1L << 41), random);
                        int p = k * 5;
                        v[p] = id(clock[0], random);
                        v[p + 1] = 0;
                        v[p + 2] = "GET " + url;
                        v[p + 3] = "{\"auth\":\"\",\"execTime\":" + (random.nextInt(100, 5000) / 1000.0)
                                + ",\"method\":\"GET\",\"referer\":\"\",\"remoteIP\":\"127.0.0.1\",\"status\":200,"
                                + "\"type\":\"request\",\"url\":\"" + url + "\",\"userAgent\":\"Java-http-client/25\","
                                + "\"userIP\":\"127.0.0.1\"}";
                        v[p + 4] = java.time.Instant.ofEpochMilli(clock[0]).toString().replace('T', ' ');
                    }
                    long t0 = MX.getCurrentThreadCpuTime();
                    long u0 = MX.getCurrentThreadUserTime();
                    for (int i = 0; i < v.length; i++) {
                        ps.setObject(i + 1, v[i]);
                    }
                    ps.executeUpdate();
                    CPU[0] += MX.getCurrentThreadCpuTime() - t0;
                    CPU[1] += MX.getCurrentThreadUserTime() - u0;
                }
                long t0 = MX.getCurrentThreadCpuTime();
                long u0 = MX.getCurrentThreadUserTime();
                c.commit();
                CPU[0] += MX.getCurrentThreadCpuTime() - t0;
                CPU[1] += MX.getCurrentThreadUserTime() - u0;
                done += inBatch;
            }
        }
    }

    private static final java.lang.management.ThreadMXBean MX = java.lang.management.ManagementFactory.getThreadMXBean();
    /** The writing thread's CPU and user time in the binds, steps and commits, in nanoseconds. */
    private static final long[] CPU = new long[2];

    private static String id(long millis, SplittableRandom random) {
        String chars = "0123456789abcdefghijklmnopqrstuvwxyz";
        char[] id = new char[15];
        long t = millis;
        for (int i = 7; i >= 0; i--) {
            id[i] = chars.charAt((int) (t % 36));
            t /= 36;
        }
        for (int i = 8; i < 15; i++) {
            id[i] = chars.charAt(random.nextInt(36));
        }
        return new String(id);
    }
}
