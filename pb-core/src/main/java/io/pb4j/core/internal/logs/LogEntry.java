package io.pb4j.core.internal.logs;

import java.time.Instant;
import java.util.Map;

/**
 * A log entry on its way to {@code _logs}: taken on the caller's thread with as little work as possible; the writer
 * thread serializes the data, cuts it and gives it an id.
 */
public record LogEntry(Instant time, int level, String message, Map<String, Object> data) {
}
