package io.pb4j.core;

import java.util.List;

/** One page of a logs search; {@code totalItems} and {@code totalPages} are -1 when the total was skipped. */
public record LogPage(List<Log> items, int page, int perPage, long totalItems, long totalPages) {
    /** Creates the value from its components. */
    public LogPage {
        items = List.copyOf(items);
    }
}
