package io.pb4j.core.internal;

import io.pb4j.core.Record;
import io.pb4j.core.spi.SqlSession;

/**
 * Told of every record write inside a transaction, so the app can fire its after-success hooks once that
 * transaction commits (through {@link SqlSession#afterCommit}).
 */
public interface RecordCommits {
    /** Ignores every write: for saves that must not fire record hooks. */
    RecordCommits NONE = (s, action, record) -> {
    };

    /** A write of {@code record} ({@code action} is {@code create}, {@code update} or {@code delete}) in {@code s}. */
    void written(SqlSession s, String action, Record record);
}
