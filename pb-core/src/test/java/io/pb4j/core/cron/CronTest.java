package io.pb4j.core.cron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** PocketBase's {@code tools/cron/cron_test.go} and {@code job_test.go} ported. */
class CronTest {
    @Test
    void addReplacesAJobOfTheSameIdAndRemoveIgnoresUnknownIds() {
        Cron c = new Cron();
        assertThatThrownBy(() -> c.add("test0", "* * * * *", null)).hasMessage("failed to add new cron job: fn must be non-nil function");
        assertThatThrownBy(() -> c.add("test1", "invalid", () -> { }))
                .hasMessageStartingWith("failed to add new cron job: invalid cron expression");
        c.add("test2", "* * * * *", () -> { });
        c.add("test3", "* * * * *", () -> { });
        c.add("test4", "* * * * *", () -> { });
        c.add("test2", "1 2 3 4 5", () -> { });
        c.add("test5", "1 2 3 4 5", () -> { });
        c.remove("test4");
        c.remove("missing");
        assertThat(c.jobs()).extracting(Job::id).containsExactly("test3", "test2", "test5");
        assertThat(c.find("test2").orElseThrow().expression()).isEqualTo("1 2 3 4 5");
        assertThat(c.find("test2").orElseThrow().schedule().minutes()).containsExactly(1);
        assertThat(c.find("test3").orElseThrow().schedule().minutes()).hasSize(60);
    }

    @Test
    void removeAllEmptiesTheScheduler() {
        Cron c = new Cron();
        c.add("a", "* * * * *", () -> { });
        c.add("b", "* * * * *", () -> { });
        assertThat(c.jobs()).hasSize(2);
        c.removeAll();
        assertThat(c.jobs()).isEmpty();
    }

    @Test
    void jobsIsASnapshot() {
        Cron c = new Cron();
        c.add("a", "@hourly", () -> { });
        var snapshot = c.jobs();
        c.add("b", "@daily", () -> { });
        assertThat(snapshot).extracting(Job::id).containsExactly("a");
        assertThat(c.jobs()).extracting(Job::expression).containsExactly("0 * * * *", "0 0 * * *");
    }

    @Test
    void runDueStartsOnlyTheDueJobs() throws InterruptedException {
        Cron c = new Cron();
        CountDownLatch due = new CountDownLatch(1);
        AtomicInteger notDue = new AtomicInteger();
        c.add("due", "5 * * * *", due::countDown);
        c.add("other", "6 * * * *", notDue::incrementAndGet);
        c.runDue(new Moment(5, 1, 1, 1, 1));
        assertThat(due.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100);
        assertThat(notDue).hasValue(0);
    }

    @Test
    void aJobRunsItsTask() {
        AtomicInteger calls = new AtomicInteger();
        new Job("x", Schedule.parse("* * * * *"), calls::incrementAndGet).run();
        assertThat(calls).hasValue(1);
    }

    @Test
    void startTicksEveryIntervalAndStopEndsTheTicks() throws InterruptedException {
        Cron c = new Cron();
        AtomicInteger calls = new AtomicInteger();
        c.add("every", "* * * * *", calls::incrementAndGet);
        c.interval(Duration.ofMillis(200));
        c.start();
        c.start(); // a second start replaces the ticker
        assertThat(c.hasStarted()).isTrue();
        Thread.sleep(1_100);
        c.stop();
        c.stop(); // no-op
        assertThat(c.hasStarted()).isFalse();
        Thread.sleep(100); // let the last started job finish
        int afterStop = calls.get();
        assertThat(afterStop).isBetween(4, 6);
        Thread.sleep(500);
        assertThat(calls.get()).isEqualTo(afterStop);
    }
}
