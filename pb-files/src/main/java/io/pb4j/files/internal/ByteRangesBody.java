package io.pb4j.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * The {@code multipart/byteranges} body Go's {@code http.ServeContent} sends for several ranges: one part per range,
 * in the order asked, each with {@code Content-Range} and {@code Content-Type} headers, framed as Go's
 * {@code mime/multipart} writer frames them (a random 60-hex-digit boundary). Its exact length is known before
 * anything is written, so the response carries a {@code Content-Length}.
 */
final class ByteRangesBody {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<ByteRanges.Range> ranges;
    private final String contentType;
    private final long size;
    private final String boundary;

    ByteRangesBody(List<ByteRanges.Range> ranges, String contentType, long size) {
        this.ranges = List.copyOf(ranges);
        this.contentType = contentType;
        this.size = size;
        byte[] random = new byte[30];
        RANDOM.nextBytes(random);
        this.boundary = HexFormat.of().formatHex(random);
    }

    String boundary() {
        return boundary;
    }

    /** The body's length in bytes. */
    long length() {
        long n = closing().length;
        for (int i = 0; i < ranges.size(); i++) {
            n += partHeader(i).length + ranges.get(i).length();
        }
        return n;
    }

    /**
     * Writes the parts from {@code in}, reading forward; a range that starts before the position reached (ranges may
     * come in any order) reads the file again from {@code reopen}. Closes every stream it reads.
     */
    void write(InputStream first, Supplier<InputStream> reopen, OutputStream out) throws IOException {
        InputStream in = first;
        long position = 0;
        try {
            byte[] buf = new byte[64 << 10];
            for (int i = 0; i < ranges.size(); i++) {
                ByteRanges.Range r = ranges.get(i);
                if (r.start() < position) {
                    in.close();
                    in = reopen.get();
                    position = 0;
                }
                in.skipNBytes(r.start() - position);
                out.write(partHeader(i));
                long left = r.length();
                while (left > 0) {
                    int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                    if (n < 0) {
                        throw new IOException("the file ended before its recorded size");
                    }
                    out.write(buf, 0, n);
                    left -= n;
                }
                position = r.start() + r.length();
            }
            out.write(closing());
        } finally {
            in.close();
        }
    }

    /** Go's multipart writer: a CRLF before every delimiter but the first, then the headers sorted by name. */
    private byte[] partHeader(int index) {
        String head = (index == 0 ? "" : "\r\n") + "--" + boundary + "\r\n"
                + "Content-Range: " + ranges.get(index).contentRange(size) + "\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n";
        return head.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] closing() {
        return ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
