package io.pb4j.core.router;

import java.io.IOException;
import java.io.OutputStream;

/** A response body written straight to the connection; see {@link RequestEvent#stream}. */
@FunctionalInterface
public interface ResponseStream {
    /** Writes the body; {@code out} is flushed and closed by the server afterwards. */
    void writeTo(OutputStream out) throws IOException;
}
