package io.pb4j.files.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code Range} header read as Go's {@code http.ServeContent} reads it: a list of byte ranges, or one of its two
 * failures, both answered 416 ({@code "invalid range"} for a malformed header, {@code "invalid range: failed to
 * overlap"} with {@code Content-Range: bytes *}{@code /size} when every range starts past the end).
 *
 * @param ranges  the satisfiable ranges in the order asked (empty when none was asked or on failure)
 * @param failure {@code ""}, or the 416 body text without its newline
 */
record ByteRanges(List<Range> ranges, String failure) {
    static final String INVALID = "invalid range";
    static final String NO_OVERLAP = "invalid range: failed to overlap";

    /** One range: {@code length} bytes from {@code start}. */
    record Range(long start, long length) {
        String contentRange(long size) {
            return "bytes " + start + "-" + (start + length - 1) + "/" + size;
        }
    }

    ByteRanges {
        ranges = List.copyOf(ranges);
    }

    boolean failed() {
        return !failure.isEmpty();
    }

    /**
     * Parses {@code header} for a file of {@code size} bytes. An empty header asks for nothing; ranges whose total
     * exceeds the file are ignored (Go treats them as an attack or a confused client and sends the whole file); an
     * empty file ignores a range that does not overlap rather than answer 416.
     */
    static ByteRanges parse(String header, long size) {
        if (header.isEmpty()) {
            return new ByteRanges(List.of(), "");
        }
        if (!header.startsWith("bytes=")) {
            return new ByteRanges(List.of(), INVALID);
        }
        List<Range> out = new ArrayList<>();
        boolean noOverlap = false;
        for (String raw : header.substring(6).split(",", -1)) {
            String spec = raw.strip();
            if (spec.isEmpty()) {
                continue;
            }
            int dash = spec.indexOf('-');
            if (dash < 0) {
                return new ByteRanges(List.of(), INVALID);
            }
            String a = spec.substring(0, dash).strip();
            String b = spec.substring(dash + 1).strip();
            try {
                if (a.isEmpty()) {
                    if (b.isEmpty() || b.charAt(0) == '-') {
                        return new ByteRanges(List.of(), INVALID);
                    }
                    long suffix = Math.min(Long.parseLong(b), size);
                    if (suffix < 0) {
                        return new ByteRanges(List.of(), INVALID);
                    }
                    out.add(new Range(size - suffix, suffix));
                    continue;
                }
                long start = Long.parseLong(a);
                if (start < 0) {
                    return new ByteRanges(List.of(), INVALID);
                }
                if (start >= size) {
                    noOverlap = true;
                    continue;
                }
                if (b.isEmpty()) {
                    out.add(new Range(start, size - start));
                    continue;
                }
                long end = Long.parseLong(b);
                if (start > end) {
                    return new ByteRanges(List.of(), INVALID);
                }
                out.add(new Range(start, Math.min(end, size - 1) - start + 1));
            } catch (NumberFormatException e) {
                return new ByteRanges(List.of(), INVALID);
            }
        }
        if (noOverlap && out.isEmpty()) {
            return size == 0 ? new ByteRanges(List.of(), "") : new ByteRanges(List.of(), NO_OVERLAP);
        }
        long total = out.stream().mapToLong(Range::length).sum();
        return total > size ? new ByteRanges(List.of(), "") : new ByteRanges(out, "");
    }
}
