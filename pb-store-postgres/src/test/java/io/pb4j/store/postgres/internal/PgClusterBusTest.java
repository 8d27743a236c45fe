package io.pb4j.store.postgres.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pb4j.core.spi.ClusterBus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The cluster channel between two stores open on one database, as two nodes have them. */
class PgClusterBusTest {
    PostgresStore a;
    PostgresStore b;
    final LinkedBlockingQueue<String> atB = new LinkedBlockingQueue<>();

    @BeforeEach
    void open() {
        PostgresUrl url = PostgresUrl.parse(TestPostgres.newDatabase());
        a = PostgresStore.open(url, Duration.ofSeconds(5));
        b = PostgresStore.open(url, Duration.ofSeconds(5));
        b.cluster().orElseThrow().subscribe("t", atB::add);
    }

    @AfterEach
    void close() {
        a.close();
        b.close();
    }

    private String next() throws InterruptedException {
        return atB.poll(10, TimeUnit.SECONDS);
    }

    @Test
    void aMessageSentInsideAWriteArrivesWhenItCommitsAndNeverWhenItRollsBack() throws Exception {
        ClusterBus bus = a.cluster().orElseThrow();
        assertThatThrownBy(() -> a.write(s -> {
            bus.publish("t", "rolled back");
            throw new IllegalStateException("undo");
        })).hasMessage("undo");
        a.write(s -> {
            bus.publish("t", "committed");
            return null;
        });
        bus.publish("t", "outside a write");
        assertThat(next()).isEqualTo("committed");
        assertThat(next()).isEqualTo("outside a write");
        assertThat(atB.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aPayloadPastNotifysLimitIsSplitAndJoinedAndANodeSkipsItsOwn() throws Exception {
        a.cluster().orElseThrow().subscribe("t", own -> atB.add("a heard itself: " + own));
        String big = "ä€😀x".repeat(5000); // 50 000 bytes of UTF-8, with 2-, 3- and 4-byte characters
        assertThat(PgClusterBus.chunks(big)).hasSizeGreaterThan(7)
                .allSatisfy(c -> assertThat(c.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(7000));
        a.cluster().orElseThrow().publish("t", big);
        assertThat(next()).isEqualTo(big);
        assertThat(atB.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aClaimIsGrantedOnceAcrossTheNodesAndPeersAreCounted() {
        assertThat(a.cluster().orElseThrow().claim("job@1")).isTrue();
        assertThat(b.cluster().orElseThrow().claim("job@1")).isFalse();
        assertThat(a.cluster().orElseThrow().claim("job@1")).isFalse();
        assertThat(b.cluster().orElseThrow().claim("job@2")).isTrue();
        assertThat(a.cluster().orElseThrow().peers()).isEqualTo(1);
        assertThat(List.of(a.cluster().orElseThrow().nodeId())).doesNotContain(b.cluster().orElseThrow().nodeId());
    }

    @Test
    void aSchemaChangeOnOneNodeRefreshesTheOthersStatementPlans() throws Exception {
        a.write(s -> s.execute("CREATE TABLE t1 (id TEXT PRIMARY KEY, x TEXT)", List.of()));
        a.write(s -> s.execute("INSERT INTO t1 (id, x) VALUES ('1', 'one')", List.of()));
        assertThat(b.write(s -> s.query("SELECT * FROM t1", List.of())).getFirst()).containsEntry("x", "one");
        a.write(s -> s.execute("ALTER TABLE t1 ADD COLUMN y TEXT DEFAULT 'why'", List.of()));
        Thread.sleep(300); // the DDL message reaches b
        // b's writer ran the same SELECT before the column was added; a stale plan would fail here
        assertThat(b.write(s -> s.query("SELECT * FROM t1", List.of())).getFirst()).containsEntry("y", "why");
    }
}
