package io.pb4j.http.internal.forms;

import io.pb4j.core.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed {@code multipart/form-data} body (RFC 7578): text parts by name (repeated names keep every value, in
 * order) and file parts (parts with a {@code filename}) kept aside. Parts without a name are skipped, as Go does.
 * The parser works on the already size-limited body (in memory, or spooled to a file and mapped, whose file parts
 * are then read from the file) and bounds what it accepts: at most {@link #MAX_PARTS} parts
 * and {@link #MAX_HEADER_BYTES} of headers per part; anything malformed is a 400 with {@code errorMessage}.
 */
public record MultipartForm(Map<String, List<String>> values, Map<String, List<UploadedFile>> files) {
    /** Go's default {@code multipartmaxparts}. */
    public static final int MAX_PARTS = 1000;
    public static final int MAX_HEADER_BYTES = 16 << 10;

    public MultipartForm {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** The boundary parameter of a {@code multipart/form-data} content type, {@code ""} when missing. */
    public static String boundary(String contentType) {
        for (String param : contentType.split(";")) {
            String p = param.trim();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).trim().equalsIgnoreCase("boundary")) {
                String v = p.substring(eq + 1).trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                return v;
            }
        }
        return "";
    }

    /** Parses {@code body} sent with {@code contentType}; a malformed body is a 400 with {@code errorMessage}. */
    public static MultipartForm parse(String contentType, byte[] body, String errorMessage) {
        return parse(contentType, ByteBuffer.wrap(body),
                (start, length) -> () -> new java.io.ByteArrayInputStream(body, (int) start, (int) length), errorMessage);
    }

    /**
     * Parses a body spooled to {@code file} (read through a memory mapping, so not into the heap); each file part
     * reads its bytes from the file when opened, so the file must outlive the form's use.
     */
    public static MultipartForm parse(String contentType, Path file, String errorMessage) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                throw new ApiException(413, "");
            }
            ByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            return parse(contentType, mapped, (start, length) -> () -> slice(file, start, length), errorMessage);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream slice(Path file, long start, long length) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(start);
        InputStream in = Channels.newInputStream(channel);
        return new java.io.FilterInputStream(in) {
            private long left = length;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int b = super.read();
                if (b >= 0) {
                    left--;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    return -1;
                }
                int n = super.read(b, off, (int) Math.min(len, left));
                if (n > 0) {
                    left -= n;
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                long skipped = super.skip(Math.min(n, left));
                left -= skipped;
                return skipped;
            }

            @Override
            public int available() throws IOException {
                return (int) Math.min(super.available(), left);
            }
        };
    }

    /** Where a file part's bytes ({@code length} from {@code start} of the body) are read from. */
    private interface Parts {
        io.pb4j.core.field.UploadedFile.Source source(long start, long length);
    }

    private static MultipartForm parse(String contentType, ByteBuffer body, Parts parts, String errorMessage) {
        String boundary = boundary(contentType);
        if (boundary.isEmpty() || boundary.length() > 70) {
            throw ApiException.badRequest(errorMessage);
        }
        try {
            return new Parser(body, ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1), parts).parse();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(errorMessage);
        }
    }

    private static final class Parser {
        private final ByteBuffer in;
        private final int length;
        private final byte[] dash; // "--boundary"
        private final Parts sources;
        private final Map<String, List<String>> values = new LinkedHashMap<>();
        private final Map<String, List<UploadedFile>> files = new LinkedHashMap<>();

        Parser(ByteBuffer in, byte[] dash, Parts sources) {
            this.in = in;
            this.length = in.limit();
            this.dash = dash;
            this.sources = sources;
        }

        MultipartForm parse() {
            // the first delimiter may start the body or follow a preamble
            int pos = startsWith(0, dash) ? 0 : indexOf(crlf(dash), 0);
            if (pos < 0) {
                throw new IllegalArgumentException("no opening boundary");
            }
            pos += startsWith(pos, dash) ? dash.length : dash.length + 2;
            int parts = 0;
            while (true) {
                if (startsWith(pos, new byte[] {'-', '-'})) {
                    return new MultipartForm(values, files); // closing delimiter; the epilogue is ignored
                }
                pos = skipLineEnd(pos);
                if (++parts > MAX_PARTS) {
                    throw new IllegalArgumentException("too many parts");
                }
                int headersEnd = indexOf(new byte[] {'\r', '\n', '\r', '\n'}, pos);
                boolean noHeaders = startsWith(pos, new byte[] {'\r', '\n'});
                if (!noHeaders && (headersEnd < 0 || headersEnd - pos > MAX_HEADER_BYTES)) {
                    throw new IllegalArgumentException("part headers missing or too long");
                }
                Map<String, String> headers = noHeaders ? Map.of() : headers(text(pos, headersEnd - pos));
                int contentStart = noHeaders ? pos + 2 : headersEnd + 4;
                int next = indexOf(crlf(dash), contentStart);
                if (next < 0) {
                    throw new IllegalArgumentException("unterminated part");
                }
                add(headers, contentStart, next - contentStart);
                pos = next + 2 + dash.length;
            }
        }

        private void add(Map<String, String> headers, int start, int size) {
            String disposition = headers.getOrDefault("content-disposition", "");
            Map<String, String> params = dispositionParams(disposition);
            String name = params.get("name");
            if (name == null || name.isEmpty()) {
                return;
            }
            String filename = params.get("filename");
            if (filename != null && !filename.isEmpty()) {
                String type = headers.getOrDefault("content-type", "application/octet-stream");
                files.computeIfAbsent(name, k -> new ArrayList<>()).add(new UploadedFile(name, filename, type, size, sources.source(start, size)));
            } else {
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(text(start, size));
            }
        }

        private String text(int start, int size) {
            byte[] bytes = new byte[size];
            in.get(start, bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }

        private int skipLineEnd(int pos) {
            int p = pos;
            while (p < length && (in.get(p) == ' ' || in.get(p) == '\t')) {
                p++;
            }
            if (!startsWith(p, new byte[] {'\r', '\n'})) {
                throw new IllegalArgumentException("bad delimiter line");
            }
            return p + 2;
        }

        private static Map<String, String> headers(String block) {
            Map<String, String> out = new LinkedHashMap<>();
            for (String line : block.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("bad part header");
                }
                out.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            return out;
        }

        private static byte[] crlf(byte[] dash) {
            byte[] out = new byte[dash.length + 2];
            out[0] = '\r';
            out[1] = '\n';
            System.arraycopy(dash, 0, out, 2, dash.length);
            return out;
        }

        private boolean startsWith(int pos, byte[] what) {
            if (pos < 0 || pos + what.length > length) {
                return false;
            }
            for (int i = 0; i < what.length; i++) {
                if (in.get(pos + i) != what[i]) {
                    return false;
                }
            }
            return true;
        }

        private int indexOf(byte[] what, int from) {
            byte first = what[0];
            outer:
            for (int i = from; i <= length - what.length; i++) {
                if (in.get(i) != first) {
                    continue;
                }
                for (int j = 1; j < what.length; j++) {
                    if (in.get(i + j) != what[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }

    /** {@code form-data; name="a"; filename="b.txt"} → {name: a, filename: b.txt}; quoted strings unescaped. */
    static Map<String, String> dispositionParams(String disposition) {
        Map<String, String> out = new LinkedHashMap<>();
        int i = disposition.indexOf(';');
        if (i < 0 || !disposition.substring(0, i).trim().equalsIgnoreCase("form-data")) {
            return out;
        }
        i++;
        int n = disposition.length();
        while (i < n) {
            while (i < n && (disposition.charAt(i) == ' ' || disposition.charAt(i) == ';' || disposition.charAt(i) == '\t')) {
                i++;
            }
            int eq = disposition.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = disposition.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            i = eq + 1;
            StringBuilder v = new StringBuilder();
            if (i < n && disposition.charAt(i) == '"') {
                i++;
                while (i < n && disposition.charAt(i) != '"') {
                    char c = disposition.charAt(i++);
                    if (c == '\\' && i < n) {
                        c = disposition.charAt(i++);
                    }
                    v.append(c);
                }
                i++; // closing quote
            } else {
                while (i < n && disposition.charAt(i) != ';') {
                    v.append(disposition.charAt(i++));
                }
            }
            out.putIfAbsent(key, v.toString().trim());
        }
        return out;
    }
}
