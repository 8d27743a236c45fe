package io.pb4j.store.sqlite.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class NativeCallsTest {
    @Test
    void aTimedReadThatEndsInTimeLeavesNoAlarmBehind() throws Exception {
        try (NativeCalls calls = new NativeCalls()) {
            AtomicInteger interrupts = new AtomicInteger();
            for (int i = 0; i < 2000; i++) {
                int n = i;
                assertThat(calls.read(() -> n, Duration.ofMinutes(5), interrupts::incrementAndGet)).isEqualTo(n);
            }
            // each alarm was cancelled and removed at once, not kept for its five minutes
            assertThat(calls.pendingAlarms()).isZero();
            assertThat(interrupts.get()).isZero();
        }
    }
}
