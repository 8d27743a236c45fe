package io.pb4j.js.internal;

import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;

/** A {@link GoView} that calling returns itself: {@code e.request.header} and {@code c.request().header} alike. */
class CallableView implements ProxyObject, ProxyExecutable {
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
