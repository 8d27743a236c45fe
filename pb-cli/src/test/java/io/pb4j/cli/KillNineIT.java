package io.pb4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability: the image's server is killed with SIGKILL in the middle of concurrent creates; after a restart on the
 * same data dir every record whose create was answered 200 is there.
 */
class KillNineIT {
    private static final String LAUNCHER = CliRunner.IMAGE.resolve("bin/pb4j").toString();
    private static final Pattern ID = Pattern.compile("\"id\":\"([a-z0-9]{15})\"");
    private static final int WRITERS = 8;

    @TempDir
    Path tmp;

    @Test
    void everyAcknowledgedCreateSurvivesKillNine() throws Exception {
        assertThat(CliRunner.run(tmp, "", List.of(LAUNCHER, "superuser", "upsert", "kill@example.com", "1234567890",
                "--dir=pb_data")).exitCode()).isZero();
        int port = CliRunner.freePort();
        String base = "http://127.0.0.1:" + port;
        List<String> serve = List.of(LAUNCHER, "serve", "--http=127.0.0.1:" + port, "--dir=pb_data");
        Process server = CliRunner.serve(tmp, serve, base);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger failed = new AtomicInteger();
        try {
            String token = CliRunner.superuserToken(base, "kill@example.com", "1234567890");
            assertThat(CliRunner.request("POST", base + "/api/collections", token,
                    "{\"name\":\"items\",\"type\":\"base\",\"createRule\":\"\",\"fields\":[{\"name\":\"n\",\"type\":\"number\"}]}")
                    .status()).isEqualTo(200);

            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(Thread.ofPlatform().start(() -> {
                    for (int i = 0; ; i++) {
                        try {
                            CliRunner.Response r = CliRunner.request("POST", base + "/api/collections/items/records",
                                    null, "{\"n\":" + (writer * 1_000_000 + i) + "}");
                            Matcher id = ID.matcher(r.body());
                            if (r.status() == 200 && id.find()) {
                                acknowledged.add(id.group(1));
                            }
                        } catch (Exception killed) {
                            failed.incrementAndGet();
                            return; // the server is gone: what was not answered was never acknowledged
                        }
                    }
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acknowledged.size() < 300 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            server.destroyForcibly(); // SIGKILL: the launcher execs java, so this is the server's JVM
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
            assertThat(server.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
            for (Thread t : writers) {
                t.join(TimeUnit.SECONDS.toMillis(30));
            }
        } finally {
            server.destroyForcibly();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(300);
        assertThat(failed.get()).as("every writer saw the server go").isEqualTo(WRITERS);

        Process again = CliRunner.serve(tmp, serve, base);
        try {
            String token = CliRunner.superuserToken(base, "kill@example.com", "1234567890");
            Set<String> stored = new HashSet<>();
            for (int page = 1; ; page++) {
                String body = CliRunner.request("GET", base + "/api/collections/items/records?fields=id&skipTotal=1"
                        + "&perPage=1000&page=" + page, token, null).body();
                Matcher m = ID.matcher(body);
                int before = stored.size();
                while (m.find()) {
                    stored.add(m.group(1));
                }
                if (stored.size() - before < 1000) {
                    break;
                }
            }
            System.out.printf("acknowledged %d creates before SIGKILL; %d records after the restart%n",
                    acknowledged.size(), stored.size());
            assertThat(stored).containsAll(acknowledged);
        } finally {
            again.destroy();
            again.waitFor(20, TimeUnit.SECONDS);
            again.destroyForcibly();
        }
    }
}
