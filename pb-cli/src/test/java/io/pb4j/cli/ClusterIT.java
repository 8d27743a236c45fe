package io.pb4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code pb4j serve --db=postgres://…} processes serving one app from one (embedded) PostgreSQL database, with
 * clients spread over both: one node is killed with SIGKILL under write load; the other keeps serving, and every
 * create either node acknowledged is in the database.
 */
class ClusterIT {
    private static final Pattern ID = Pattern.compile("\"id\":\"([a-z0-9]{15})\"");
    private static final int WRITERS = 8;

    @TempDir
    Path tmp;

    @Test
    void killingOneNodeUnderWriteLoadLosesNoAcknowledgedWriteAndTheOtherServesOn() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE DATABASE cluster TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C'");
            }
            String db = "--db=postgres://postgres:postgres@127.0.0.1:" + pg.getPort() + "/cluster";
            CliRunner.Result upsert = CliRunner.run(tmp, "", CliRunner.command(CliRunner.postgresModules(), "superuser", "upsert",
                    "node@example.com", "1234567890", "--dir=a", db));
            assertThat(upsert.exitCode()).as(upsert.err()).isZero();

            List<String> bases = new ArrayList<>();
            List<Process> nodes = new ArrayList<>();
            try {
                for (String name : List.of("a", "b")) {
                    int port = CliRunner.freePort();
                    bases.add("http://127.0.0.1:" + port);
                    nodes.add(CliRunner.serve(tmp.resolve("run-" + name), CliRunner.command(CliRunner.postgresModules(), "serve",
                            "--http=127.0.0.1:" + port, "--dir=" + tmp.resolve(name), db), bases.getLast()));
                }
                String token = CliRunner.superuserToken(bases.get(0), "node@example.com", "1234567890");
                assertThat(CliRunner.request("POST", bases.get(0) + "/api/collections", token,
                        "{\"name\":\"items\",\"type\":\"base\",\"createRule\":\"\",\"listRule\":\"\",\"fields\":[{\"name\":\"n\",\"type\":\"number\"}]}")
                        .status()).isEqualTo(200);

                Set<String> acknowledged = ConcurrentHashMap.newKeySet();
                Set<String> answeredByA = ConcurrentHashMap.newKeySet();
                AtomicBoolean stop = new AtomicBoolean();
                AtomicBoolean bDown = new AtomicBoolean();
                List<Thread> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    writers.add(Thread.ofPlatform().start(() -> {
                        for (int i = 0; !stop.get(); i++) {
                            // round robin over the nodes, as a balancer would; a node that is gone is skipped
                            int node = bDown.get() ? 0 : (writer + i) % 2;
                            try {
                                CliRunner.Response r = CliRunner.request("POST", bases.get(node) + "/api/collections/items/records",
                                        null, "{\"n\":" + (writer * 1_000_000 + i) + "}");
                                Matcher id = ID.matcher(r.body());
                                if (r.status() == 200 && id.find()) {
                                    acknowledged.add(id.group(1));
                                    if (bDown.get()) {
                                        answeredByA.add(id.group(1));
                                    }
                                }
                            } catch (Exception gone) {
                                // node B died with this request: it was never acknowledged
                            }
                        }
                    }));
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (acknowledged.size() < 150 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                nodes.get(1).destroyForcibly(); // SIGKILL of node B's JVM
                assertThat(nodes.get(1).waitFor(20, TimeUnit.SECONDS)).isTrue();
                assertThat(nodes.get(1).exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
                bDown.set(true);
                while (answeredByA.size() < 100 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                stop.set(true);
                for (Thread t : writers) {
                    t.join(TimeUnit.SECONDS.toMillis(30));
                }
                assertThat(answeredByA).as("node A serves on alone").hasSizeGreaterThanOrEqualTo(100);

                // node A still changes the schema alone (it no longer waits for node B's reload)
                long started = System.nanoTime();
                assertThat(CliRunner.request("PATCH", bases.get(0) + "/api/collections/items", token, "{\"listRule\":null}")
                        .status()).isEqualTo(200);
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(2500);

                Set<String> stored = new HashSet<>();
                try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/cluster",
                        "postgres", "postgres"); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM items")) {
                    while (rs.next()) {
                        stored.add(rs.getString(1));
                    }
                }
                assertThat(stored).containsAll(acknowledged);
                CliRunner.Response count = CliRunner.request("GET", bases.get(0) + "/api/collections/items/records?perPage=1",
                        token, null);
                assertThat(count.body()).contains("\"totalItems\":" + stored.size());
            } finally {
                nodes.forEach(Process::destroyForcibly);
            }
        }
    }
}
