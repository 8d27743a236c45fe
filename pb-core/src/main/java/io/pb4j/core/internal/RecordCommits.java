package io.pb4j.core.internal;

import io.pb4j.core.Record;
import io.pb4j.core.spi.SqlSession;

/**
 * Runs every record write inside a transaction (cascaded ones too) through the app's model and record hooks, which
 * fire their after-success hooks once that transaction commits (through {@link TransactionEffects#afterCommit}).
 */
public interface RecordCommits {
    /** Ignores every write: for saves that must not fire record hooks. */
    RecordCommits NONE = new RecordCommits() {
    };

    /**
     * Runs the save of {@code record} inside {@code s}'s transaction: {@code validation} (throws when the record is
     * invalid) and then {@code execution} (the write). The app runs them through its record hooks; by default they
     * just run. Without {@code validate} (a saveNoValidate) the validation still runs, but no validate hook fires.
     */
    default void save(SqlSession s, Record record, boolean isNew, boolean validate, Runnable validation, Runnable execution) {
        validation.run();
        execution.run();
    }

    /** Runs the delete of {@code record} ({@code execution}) inside {@code s}'s transaction; by default it just runs. */
    default void delete(SqlSession s, Record record, Runnable execution) {
        execution.run();
    }
}
