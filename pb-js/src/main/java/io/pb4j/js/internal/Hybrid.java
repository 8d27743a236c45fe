package io.pb4j.js.internal;

import org.graalvm.polyglot.Value;

/**
 * A request event that is also callable, so one value serves both styles of handler: a v0.23+ handler reads it as
 * {@code e} ({@code e.next()}, {@code e.request.header}); a pre-v0.23 middleware {@code (next) => (c) => next(c)}
 * gets it as {@code next} and calls it, which continues the chain, and its inner function gets it as {@code c}
 * ({@code c.request().header}, {@code c.pathParam}). {@code request} and {@code response} are callable in the same way.
 */
final class Hybrid extends CallableView {
    private final JsRequestEvent event;

    private Hybrid(JsRequestEvent event) {
        super(event);
        this.event = event;
    }

    static Hybrid of(JsRequestEvent event) {
        return new Hybrid(event);
    }

    JsRequestEvent event() {
        return event;
    }

    /** Calling the event continues the chain: the old {@code next(c)}. */
    @Override
    public Object execute(Value... arguments) {
        event.next();
        return null;
    }

    @Override
    public Object getMember(String key) {
        return switch (key) {
            case "request" -> new CallableView(event.request);
            case "response" -> new CallableView(event.response()); // e.response.header() and the old c.response().header()
            default -> super.getMember(key);
        };
    }
}
