package io.pb4j.core.internal.logs;

import java.time.Instant;

/**
 * A log entry on its way to {@code _logs}, its data already the JSON text that is stored ({@code dataJson}): the
 * caller's map is garbage at once instead of living in the queue until the writer's next batch (a few thousand maps
 * of a dozen entries each under load, which young collections would copy), and the writer thread only binds and
 * inserts. The writer cuts the message and gives the entry its id.
 */
public record LogEntry(Instant time, int level, String message, String dataJson) {
}
