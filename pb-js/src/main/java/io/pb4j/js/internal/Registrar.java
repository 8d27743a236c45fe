package io.pb4j.js.internal;

import io.pb4j.core.Collection;
import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import io.pb4j.core.router.Middleware;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.graalvm.polyglot.Value;

/**
 * The host side of the prelude's globals ({@code __pb}): records what a context's scripts register and hands out
 * {@code $app}, {@code $apis}, {@code $security}, {@code $http} and {@code $os}. One per context.
 */
public final class Registrar {
    public final Object app;
    public final Object apis;
    public final Object security;
    public final Object http;
    public final Object os;
    public final Object filesystem;
    public final Object template;
    public final Object mails;
    public final Object dbx;
    public final Object filepath;
    public final String hooksDir;
    private final PocketBase pocketBase;
    private final JsContext context;
    private Value up;
    private Value down;

    Registrar(PocketBase app, JsContext context, String hooksDir) {
        this.pocketBase = app;
        this.context = context;
        this.app = new GoView(app);
        this.apis = new GoView(new JsApis());
        this.security = new GoView(new JsSecurity());
        this.http = new GoView(new JsHttp());
        this.os = new GoView(new JsOs());
        this.filesystem = new GoView(new JsFilesystem());
        this.template = new GoView(new JsTemplate());
        this.mails = new GoView(new JsMails());
        this.dbx = new GoView(new Dbx());
        this.filepath = new GoView(new JsFilepath());
        this.hooksDir = hooksDir;
    }

    public void routerAdd(String method, String path, Value handler, Value middlewares) {
        if (!handler.canExecute()) {
            throw new IllegalArgumentException("routerAdd: the handler must be a function");
        }
        int index = context.add(handler);
        context.registrations.add(new Registration.Route(method.toUpperCase(java.util.Locale.ROOT), routePath(path), index,
                middlewares(middlewares)));
    }

    public void routerUse(Value middlewares) {
        context.registrations.add(new Registration.Use(middlewares(middlewares)));
    }

    public void hook(String name, Value handler, Value tags, int style) {
        if (!handler.canExecute()) {
            throw new IllegalArgumentException(name + ": the handler must be a function");
        }
        int index = context.add(handler);
        List<String> t = new ArrayList<>();
        for (long i = 0; i < tags.getArraySize(); i++) {
            t.add(tags.getArrayElement(i).asString());
        }
        context.registrations.add(new Registration.HookHandler(name, index, List.copyOf(t), style));
    }

    public void cronAdd(String id, String expression, Value handler) {
        int index = context.add(handler);
        context.registrations.add(new Registration.CronAdd(id, expression, index));
    }

    public void cronRemove(String id) {
        context.registrations.add(new Registration.CronRemove(id));
    }

    public void migrate(Value up, Value down) {
        this.up = up;
        this.down = down;
    }

    Optional<Value> up() {
        return Optional.ofNullable(up);
    }

    Optional<Value> down() {
        return Optional.ofNullable(down).filter(v -> !v.isNull());
    }

    /** The hook names to bind: every one the app offers. */
    public List<String> hookNames() {
        return new ArrayList<>(pocketBase.hooksByName().keySet());
    }

    public void sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    public Record newRecord(Collection collection, Value data) {
        Record r = Record.create(collection);
        if (data != null && data.hasMembers()) {
            for (String k : data.getMemberKeys()) {
                r.set(k, Convert.toJava(data.getMember(k)));
            }
        }
        return r;
    }

    public Object newCollection(Value data) {
        return new JsCollection(Collection.fromJson((JsonObject) Convert.toJson(data), Optional.empty()));
    }

    /** {@code new TextField({...})} and the other field constructors; {@code type} null for {@code new Field({type, ...})}. */
    public Object newField(String type, Value data) {
        return JsField.of(type, data);
    }

    /** {@code new FieldsList([{type, name, ...}, ...])}. */
    public Object newFieldsList(Value data) {
        JsFields list = new JsFields();
        for (long i = 0; data.hasArrayElements() && i < data.getArraySize(); i++) {
            list.add(-1, JsFields.field(data.getArrayElement(i)));
        }
        return list;
    }

    /** {@code new DateTime(date?, defaultParseInLocation?)}. */
    public Object newDateTime(String date, String location) {
        return new GoView(JsDateTime.parse(date, location));
    }

    /** Go's {@code unmarshal(data, dst)} into a collection or a field; false when {@code dst} is a plain script object. */
    public boolean unmarshal(Value data, Value dst) {
        if (dst.isProxyObject() && dst.asProxyObject() instanceof JsCollection c) {
            c.unmarshal(data);
            return true;
        }
        if (dst.isProxyObject() && dst.asProxyObject() instanceof JsField f) {
            for (String k : data.getMemberKeys()) {
                f.putMember(k, data.getMember(k));
            }
            return true;
        }
        return false;
    }

    /** Whether a value is Go bytes ({@code $os.readFile}, {@code cmd.output()} …) rather than a script's array. */
    public boolean isBytes(Value v) {
        return v != null && v.isProxyObject() && v.asProxyObject() instanceof Convert.Bytes;
    }

    public String bytesToString(Value bytes) {
        return new String(Convert.bytes(bytes), StandardCharsets.UTF_8);
    }

    /** A path of either style: {@code /a/{id}} as it is, the old {@code /a/:id} and {@code *} turned into it. */
    static String routePath(String path) {
        String[] parts = path.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].startsWith(":")) {
                parts[i] = "{" + parts[i].substring(1) + "}";
            } else if (parts[i].equals("*")) {
                parts[i] = "{path...}";
            }
        }
        String p = String.join("/", parts);
        // Go 1.22 patterns: a trailing {$} means "exactly this path"
        return p.endsWith("/{$}") ? p.substring(0, p.length() - 3) : p;
    }

    private List<Registration.Mw> middlewares(Value list) {
        List<Registration.Mw> out = new ArrayList<>();
        for (long i = 0; i < list.getArraySize(); i++) {
            Value m = list.getArrayElement(i);
            Object java = Convert.toJava(m);
            if (java instanceof Middleware mw) {
                out.add(new Registration.JavaMw(mw));
            } else if (m.canExecute()) {
                out.add(new Registration.ScriptMw(context.add(m), "", 0));
            } else if (m.hasMember("func")) {
                String id = m.hasMember("id") && !m.getMember("id").isNull() ? m.getMember("id").asString() : "";
                int priority = m.hasMember("priority") && m.getMember("priority").isNumber() ? m.getMember("priority").asInt() : 0;
                out.add(new Registration.ScriptMw(context.add(m.getMember("func")), id, priority));
            } else {
                throw new IllegalArgumentException("a middleware must be a function, a {id, priority, func} object or one of $apis'");
            }
        }
        return out;
    }

}
