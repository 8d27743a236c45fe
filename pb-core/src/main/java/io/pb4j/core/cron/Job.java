package io.pb4j.core.cron;

import java.util.Objects;

/**
 * A registered cron job: its id, its schedule and what it runs. Serialized by the crons API as
 * {@code {"id", "expression"}}.
 */
public record Job(String id, Schedule schedule, Runnable task) {
    /** Creates the value from its components. */
    public Job {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(task, "task");
    }

    /** The schedule's expression (a macro as its 5 segments). */
    public String expression() {
        return schedule.expression();
    }

    /** Runs the task on the calling thread. */
    public void run() {
        task.run();
    }
}
