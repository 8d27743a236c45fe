package io.pb4j.js.internal;

import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import io.pb4j.core.field.UploadedFile;
import io.pb4j.core.router.RequestEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.Value;

/**
 * PocketBase's {@code core.RequestEvent} as scripts see it ({@code e} of a route handler or middleware, and the
 * request part of the {@code on*Request} hooks' events): {@code e.request}, {@code e.auth}, {@code e.app},
 * {@code e.json/string/html/blob/noContent/redirect}, {@code e.requestInfo()}, {@code e.bindBody(obj)},
 * {@code e.next()} … The pre-v0.23 echo-style names ({@code c.pathParam}, {@code c.queryParam}, {@code c.get}) are
 * here as well, for old handlers.
 */
public final class JsRequestEvent {
    public final JsRequest request;
    public final Object auth;
    public final PocketBase app;
    private final RequestEvent event;

    JsRequestEvent(RequestEvent e) {
        this.event = e;
        this.request = new JsRequest(e);
        this.auth = e.auth().map(GoView::new).orElse(null);
        this.app = e.app();
    }

    RequestEvent event() {
        return event;
    }

    public void next() {
        event.next();
    }

    public void json(int status, Value data) {
        event.json(status, Convert.toJson(data));
    }

    public void string(int status, String text) {
        event.string(status, text);
    }

    public void html(int status, String html) {
        event.blob(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    public void blob(int status, String contentType, Value bytes) {
        event.blob(status, contentType, Convert.bytes(bytes));
    }

    public void noContent(int status) {
        if (status == 204) {
            event.noContent();
        } else {
            event.blob(status, "", new byte[0]);
        }
    }

    public void redirect(int status, String url) {
        event.redirect(status, url);
    }

    public String realIP() {
        return event.realIp();
    }

    public boolean hasSuperuserAuth() {
        return event.isSuperuser();
    }

    public boolean isTLS() {
        return false;
    }

    /** A value the middlewares stored for this request; old handlers' {@code c.get("authRecord")}/{@code "admin"}. */
    public Object get(String key) {
        if (key.equals("authRecord")) {
            return event.auth().filter(r -> !r.collection().isSuperusers()).map(GoView::new).orElse(null);
        }
        if (key.equals("admin")) {
            return event.auth().filter(r -> r.collection().isSuperusers()).map(GoView::new).orElse(null);
        }
        return Convert.toJs(event.store().get(key));
    }

    public void set(String key, Value value) {
        event.store().put(key, Convert.toJava(value));
    }

    /** PocketBase's {@code e.requestInfo()}: query, headers, body, auth, method and context of the request. */
    /** PocketBase's {@code e.setCookie(new Cookie({...}))}; {@code sameSite} is Go's number (2 Lax, 3 Strict, 4 None). */
    public void setCookie(Value cookie) {
        String sameSite = switch (intMember(cookie, "sameSite")) {
            case 2 -> "Lax";
            case 3 -> "Strict";
            case 4 -> "None";
            default -> "";
        };
        event.setCookie(new io.pb4j.core.router.Cookie(stringMember(cookie, "name"), stringMember(cookie, "value"),
                stringMember(cookie, "path"), stringMember(cookie, "domain"), intMember(cookie, "maxAge"),
                cookie.hasMember("secure") && cookie.getMember("secure").isBoolean() && cookie.getMember("secure").asBoolean(),
                cookie.hasMember("httpOnly") && cookie.getMember("httpOnly").isBoolean() && cookie.getMember("httpOnly").asBoolean(),
                sameSite));
    }

    private static String stringMember(Value v, String key) {
        Value m = v.hasMember(key) ? v.getMember(key) : null;
        return m == null || m.isNull() ? "" : m.isString() ? m.asString() : m.toString();
    }

    private static int intMember(Value v, String key) {
        Value m = v.hasMember(key) ? v.getMember(key) : null;
        return m != null && m.isNumber() ? m.asInt() : 0;
    }

    public JsRequestInfo requestInfo() {
        return new JsRequestInfo(event.requestInfo(body()));
    }

    /** Copies the request body's fields onto {@code target} (those it declares, or all when it declares none). */
    public void bindBody(Value target) {
        Map<String, Object> body = body();
        boolean onlyKnown = target.getMemberKeys().size() > 0;
        for (var entry : body.entrySet()) {
            if (!onlyKnown || target.hasMember(entry.getKey())) {
                // typed as the model's property, as Go decodes into a struct field (form values are text)
                Value shape = onlyKnown ? target.getMember(entry.getKey()) : null;
                target.putMember(entry.getKey(), Models.typed(shape, entry.getValue()));
            }
        }
    }

    // ----- the pre-v0.23 names

    public String pathParam(String name) {
        return request.pathValue(name);
    }

    public String queryParam(String name) {
        return event.queryParam(name);
    }

    public String formValue(String name) {
        Object v = body().get(name);
        return v == null ? event.queryParam(name) : String.valueOf(v);
    }

    public void bind(Value target) {
        bindBody(target);
    }

    public JsResponse response() {
        return new JsResponse(event);
    }

    /**
     * The body as data, as PocketBase's {@code BindBody} reads it: a JSON object, or a form's fields
     * ({@code multipart/form-data} or url-encoded; a repeated key as a list, {@code @jsonPayload} merged in).
     */
    @SuppressWarnings("unchecked")
    Map<String, Object> body() {
        if (event.body().length == 0) {
            return Map.of();
        }
        return event.bindBody(Map.class);
    }

    /** PocketBase's {@code e.findUploadedFiles(key)}: the files of a multipart body under {@code key}. */
    public List<UploadedFile> findUploadedFiles(String key) {
        return event.findUploadedFiles(key);
    }

    /** Echo's {@code c.formFile(key)}: the first uploaded file under {@code key}, or null. */
    public UploadedFile formFile(String key) {
        List<UploadedFile> files = event.findUploadedFiles(key);
        return files.isEmpty() ? null : files.getFirst();
    }

    /** Echo's response, for old handlers' {@code c.response().header().set(name, value)}. */
    public static final class JsResponse {
        private final RequestEvent event;

        JsResponse(RequestEvent event) {
            this.event = event;
        }

        public Headers header() {
            return new Headers(event);
        }
    }

    /** Response headers. */
    public static final class Headers {
        private final RequestEvent event;

        Headers(RequestEvent event) {
            this.event = event;
        }

        public void set(String name, String value) {
            event.setHeader(name, value);
        }

        public String get(String name) {
            return event.responseHeaders().getOrDefault(name, "");
        }
    }

    /** PocketBase's {@code core.RequestInfo}. */
    public static final class JsRequestInfo {
        public final Object auth;
        public final String method;
        public final Map<String, String> query;
        public final Map<String, String> headers;
        public final Map<String, Object> body;
        public final String context;
        // the pre-v0.23 names
        public final Map<String, Object> data;
        public final Object authRecord;
        public final Object admin;

        JsRequestInfo(io.pb4j.core.RequestInfo info) {
            Record r = info.auth().orElse(null);
            this.auth = r == null ? null : new GoView(r);
            this.method = info.method();
            this.query = info.query();
            this.headers = info.headers();
            this.body = info.body();
            this.context = info.context();
            this.data = info.body();
            this.authRecord = r == null || r.collection().isSuperusers() ? null : auth;
            this.admin = r != null && r.collection().isSuperusers() ? auth : null;
        }

        public boolean hasSuperuserAuth() {
            return admin != null;
        }
    }
}
