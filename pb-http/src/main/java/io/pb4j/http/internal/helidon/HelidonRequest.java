package io.pb4j.http.internal.helidon;

import io.helidon.http.Header;
import io.helidon.webserver.http.ServerRequest;
import io.pb4j.core.ApiException;
import io.pb4j.core.router.HttpRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helidon's request as pb4j's {@link HttpRequest}. */
final class HelidonRequest implements HttpRequest {
    private static final System.Logger LOG = System.getLogger(HelidonRequest.class.getName());

    private final ServerRequest req;
    private final ReadDeadlines deadlines;
    private boolean broken;
    private boolean bodyTaken;
    /** Go's server reads up to this much of a body nobody read, to keep the connection (maxPostHandlerReadBytes). */
    private static final long DRAIN_LIMIT = 256 << 10;
    private Map<String, List<String>> headers;

    HelidonRequest(ServerRequest req, ReadDeadlines deadlines) {
        this.req = req;
        this.deadlines = deadlines;
    }

    @Override
    public String method() {
        return req.prologue().method().text();
    }

    @Override
    public String path() {
        return req.path().path();
    }

    @Override
    public String rawPath() {
        return req.path().rawPath();
    }

    @Override
    public String rawQuery() {
        return req.query().rawValue();
    }

    @Override
    public Map<String, List<String>> headers() {
        if (headers == null) {
            headers = new LinkedHashMap<>();
            for (Header h : req.headers()) {
                headers.put(h.name(), h.allValues());
            }
        }
        return headers;
    }

    /** From Helidon's parsed headers: most requests never need {@link #headers()}' copy of them all. */
    @Override
    public String header(String name) {
        io.helidon.http.HeaderName key = ResponseHeaders.name(name);
        io.helidon.http.ServerRequestHeaders all = req.headers();
        return all.contains(key) ? all.get(key).get() : "";
    }

    @Override
    public byte[] body(long limit) {
        if (!req.content().hasEntity()) {
            return new byte[0];
        }
        bodyTaken = true;
        byte[] bytes;
        ReadDeadlines.BodyAlarm alarm = deadlines.interruptBodyReadLater();
        try (InputStream in = req.content().inputStream()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        } catch (IOException | RuntimeException e) {
            // the client stopped sending (read timeout) or went away: its error, answered once, then the connection
            // closes (what is left of the body can no longer be told from a next request)
            broken = true;
            LOG.log(System.Logger.Level.DEBUG, "request body not read: " + e);
            throw ApiException.badRequest("");
        } finally {
            alarm.stop();
        }
        if (bytes.length > limit) {
            throw new ApiException(413, "");
        }
        return bytes;
    }

    /** Streams the body in 64 KiB chunks; the same deadlines and failures as {@link #body(long)}. */
    @Override
    public long copyBody(long limit, OutputStream out) throws IOException {
        if (!req.content().hasEntity()) {
            return 0;
        }
        bodyTaken = true;
        long total = 0;
        ReadDeadlines.BodyAlarm alarm = deadlines.interruptBodyReadLater();
        try (InputStream in = req.content().inputStream()) {
            byte[] buf = new byte[64 << 10];
            while (true) {
                int n;
                try {
                    n = in.read(buf);
                } catch (IOException | RuntimeException e) {
                    broken = true;
                    LOG.log(System.Logger.Level.DEBUG, "request body not read: " + e);
                    throw ApiException.badRequest("");
                }
                if (n < 0) {
                    return total;
                }
                total += n;
                if (total > limit) {
                    throw new ApiException(413, "");
                }
                out.write(buf, 0, n);
            }
        } finally {
            alarm.stop();
        }
    }

    /**
     * Reads and drops a body the handler did not read (a refused write to a view, a 404 …), before the answer is sent:
     * answered while its body is still on the way, a client may reuse the connection for its next request before the
     * rest of the body was sent (the likely cause of the fuzz's one dropped connection in 10⁶). A larger or chunked
     * body is left to Helidon, which reads it after the answer as before; one that stops arriving closes the
     * connection.
     */
    void drainUnreadBody() {
        if (bodyTaken || !req.content().hasEntity()) {
            return;
        }
        bodyTaken = true;
        long length = req.headers().contentLength().orElse(-1);
        if (length < 0 || length > DRAIN_LIMIT) {
            return;
        }
        ReadDeadlines.BodyAlarm alarm = deadlines.interruptBodyReadLater();
        try (InputStream in = req.content().inputStream()) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException e) {
            broken = true;
            LOG.log(System.Logger.Level.DEBUG, "unread request body not drained: " + e);
        } finally {
            alarm.stop();
        }
    }

    /** Whether reading the body failed, so the connection must not serve another request. */
    boolean broken() {
        return broken;
    }

    @Override
    public String remoteIp() {
        return req.remotePeer().host();
    }

    @Override
    public boolean isTls() {
        return req.isSecure();
    }

    /** Multipart and urlencoded bodies through pb-http's form parsers (the ones the record API reads with). */
    @Override
    public io.pb4j.core.router.RequestForm parseForm(String contentType, byte[] body) {
        String type = contentType.toLowerCase(java.util.Locale.ROOT);
        String failed = "An error occurred while loading the submitted data.";
        if (type.startsWith("multipart/form-data")) {
            io.pb4j.http.internal.forms.MultipartForm form = io.pb4j.http.internal.forms.MultipartForm.parse(contentType, body, failed);
            Map<String, List<io.pb4j.core.field.UploadedFile>> files = new java.util.LinkedHashMap<>();
            form.files().forEach((key, parts) -> files.put(key, parts.stream()
                    .map(p -> io.pb4j.core.field.UploadedFile.of(p.filename(), p.size(), p.source())).toList()));
            return new io.pb4j.core.router.RequestForm(form.values(), files);
        }
        if (type.startsWith("application/x-www-form-urlencoded")) {
            return new io.pb4j.core.router.RequestForm(io.pb4j.http.internal.forms.UrlEncodedForm.parse(body, failed), Map.of());
        }
        return io.pb4j.core.router.RequestForm.EMPTY;
    }
}
