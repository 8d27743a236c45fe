package io.pb4j.http.internal.helidon;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataWriter;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * A streamed response body that, once Helidon has sent the head and the first chunk, writes each further chunk
 * itself: the bytes written since the last flush framed as one HTTP/1.1 chunk in one array, handed to the
 * connection's socket in one write. Helidon's own stream would copy every write into its buffer, every flush into a
 * new chunk buffer and pass it through its listeners; a realtime event fanned out to thousands of streams pays that
 * per stream. The end of the body (the last chunk) stays Helidon's, which also keeps a body that never flushes as one
 * response with a length. Not thread-safe: one writer at a time, as for any {@link OutputStream}.
 */
final class DirectChunks extends OutputStream {
    /** Room before the data for the chunk size line: up to 8 hex digits and CRLF. */
    private static final int HEAD = 10;
    /** A chunk is sent without a flush once this much is buffered. */
    private static final int MAX_CHUNK = 16 * 1024;
    /** A buffer grown past this is dropped after its chunk, so that an idle stream holds little. */
    private static final int KEEP = 1024;
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final OutputStream helidon;
    private final ServerResponse response;
    private final DataWriter socket;
    private byte[] buf = new byte[HEAD + 256 + 2];
    private int len;
    /** Whether Helidon has sent the head and chunks are ours now. */
    private boolean direct;

    DirectChunks(OutputStream helidon, ServerResponse response, DataWriter socket) {
        this.helidon = helidon;
        this.response = response;
        this.socket = socket;
    }

    @Override
    public void write(int b) throws IOException {
        ensure(1);
        buf[HEAD + len++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int n) throws IOException {
        java.util.Objects.checkFromIndexSize(off, n, b.length);
        if (len + n > MAX_CHUNK && len > 0) {
            send();
        }
        ensure(n);
        System.arraycopy(b, off, buf, HEAD + len, n);
        len += n;
        if (len >= MAX_CHUNK) {
            send();
        }
    }

    private void ensure(int n) {
        int need = HEAD + len + n + 2;
        if (need > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(need, buf.length * 2));
        }
    }

    @Override
    public void flush() throws IOException {
        if (len > 0) {
            send();
        }
    }

    /** Sends what is buffered: through Helidon until it has sent the head, then as one chunk of ours. */
    private void send() throws IOException {
        if (!direct) {
            helidon.write(buf, HEAD, len);
            helidon.flush();
            len = 0;
            // chunks of ours only when Helidon has begun a chunked body (not e.g. for a fixed length)
            direct = response.headers().contains(HeaderValues.TRANSFER_ENCODING_CHUNKED);
            return;
        }
        int start = HEAD - 2;
        buf[start] = '\r';
        buf[start + 1] = '\n';
        for (int v = len; ; v >>>= 4) {
            buf[--start] = HEX[v & 0xf];
            if (v >>> 4 == 0) {
                break;
            }
        }
        int end = HEAD + len;
        buf[end] = '\r';
        buf[end + 1] = '\n';
        try {
            socket.writeNow(BufferData.create(buf, start, end + 2 - start));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException e) {
            throw new IOException(e);
        } finally {
            len = 0;
            if (buf.length > KEEP) {
                buf = new byte[HEAD + 256 + 2];
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (direct) {
            flush();
        } else if (len > 0) {
            helidon.write(buf, HEAD, len);
            len = 0;
        }
        helidon.close();
    }
}
