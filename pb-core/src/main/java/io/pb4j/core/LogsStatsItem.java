package io.pb4j.core;

import java.util.Objects;

/** The number of log entries created within one hour; {@code date} is the hour as PocketBase's date text. */
public record LogsStatsItem(String date, long total) {
    /** Creates the value from its components. */
    public LogsStatsItem {
        Objects.requireNonNull(date, "date");
    }
}
