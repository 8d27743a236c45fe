package io.pb4j.core.router;

/**
 * A route handler or a middleware. A middleware continues with {@code e.next()}; a handler that returns without
 * writing a response leaves the response empty (status 200 with no body is never sent implicitly: see
 * {@link Router#dispatch}).
 */
@FunctionalInterface
public interface Handler {
    /** Handles {@code e}: writes a response, or (a middleware) calls {@code e.next()}. */
    void handle(RequestEvent e);
}
