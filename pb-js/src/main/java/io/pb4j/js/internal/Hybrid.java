package io.pb4j.js.internal;

import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/**
 * A request event that is also callable, so one value serves both styles of handler: a v0.23+ handler reads it as
 * {@code e} ({@code e.next()}, {@code e.request.header}); a pre-v0.23 middleware {@code (next) => (c) => next(c)}
 * gets it as {@code next} and calls it, which continues the chain, and its inner function gets it as {@code c}
 * ({@code c.request().header}, {@code c.pathParam}). {@code request} is callable in the same way.
 */
final class Hybrid implements ProxyObject, ProxyExecutable {
    private final GoView view;
    private final JsRequestEvent event;

    Hybrid(JsRequestEvent event, GoView view) {
        this.event = event;
        this.view = view;
    }

    static Hybrid of(JsRequestEvent event) {
        return new Hybrid(event, new GoView(event));
    }

    JsRequestEvent event() {
        return event;
    }

    @Override
    public Object execute(Value... arguments) {
        event.next();
        return null;
    }

    @Override
    public Object getMember(String key) {
        if (key.equals("request")) {
            return new CallableView(event.request);
        }
        return view.getMember(key);
    }

    @Override
    public Object getMemberKeys() {
        return view.getMemberKeys();
    }

    @Override
    public boolean hasMember(String key) {
        return view.hasMember(key);
    }

    @Override
    public void putMember(String key, Value value) {
        view.putMember(key, value);
    }

    /** An object that calling returns itself: {@code e.request.header} and {@code c.request().header} alike. */
    static final class CallableView implements ProxyObject, ProxyExecutable {
        private final GoView view;

        CallableView(Object target) {
            this.view = new GoView(target);
        }

        @Override
        public Object execute(Value... arguments) {
            return this;
        }

        @Override
        public Object getMember(String key) {
            return view.getMember(key);
        }

        @Override
        public Object getMemberKeys() {
            return view.getMemberKeys();
        }

        @Override
        public boolean hasMember(String key) {
            return view.hasMember(key);
        }

        @Override
        public void putMember(String key, Value value) {
            view.putMember(key, value);
        }
    }
}
