package io.pb4j.core.router;

import io.pb4j.core.ApiException;
import io.pb4j.core.PocketBase;
import io.pb4j.core.Record;
import io.pb4j.core.hook.HookEvent;
import io.pb4j.core.internal.Json;
import jakarta.json.JsonValue;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP request on its way through the middlewares and the route handler, with helpers to read the request
 * and to write the (buffered) response. It is a hook event: middlewares are handlers of the route's
 * {@code Hook<RequestEvent>} and continue with {@link #next()}; the route's handler is the last link. Not
 * thread-safe: it belongs to the request's thread.
 */
public final class RequestEvent extends HookEvent {
    /** PocketBase's default body limit: 32 MiB (the router's {@code pbBodyLimit} middleware). */
    public static final long DEFAULT_BODY_LIMIT = 32L << 20;
    /** The cap without {@code pbBodyLimit}: the most one in-memory body can hold. */
    static final long NO_BODY_LIMIT = Integer.MAX_VALUE - 16L;

    private final PocketBase app;
    private final HttpRequest request;
    private final Map<String, String> pathParams = new LinkedHashMap<>();
    private Map<String, List<String>> query;
    private byte[] body;
    private java.nio.file.Path spooledBody;
    private final List<Runnable> cleanups = new ArrayList<>();
    private long bodyLimit = NO_BODY_LIMIT;
    private Record auth;
    private String infoContext = "default";
    private final Map<String, Object> store = new LinkedHashMap<>();
    /** {@link #requestInfo} without a body, kept for the next call. */
    private io.pb4j.core.RequestInfo bodilessInfo;

    private int status;
    private Throwable failure;
    private final Map<String, String> responseHeaders = new LinkedHashMap<>();
    private byte[] responseBody = new byte[0];
    private ResponseStream responseStream;
    private boolean written;

    RequestEvent(PocketBase app, HttpRequest request) {
        this.app = app;
        this.request = request;
    }

    /** The app the event belongs to. */
    public PocketBase app() {
        return app;
    }

    /** The request as the server adapter sees it. */
    public HttpRequest request() {
        return request;
    }

    /** The HTTP method, upper case. */
    public String method() {
        return request.method();
    }

    /** The client's IP as PocketBase's {@code RealIP}: through the trusted proxy headers, see {@link ClientIp}. */
    public String realIp() {
        return ClientIp.of(app, request);
    }

    /** The request path, without the query. */
    public String path() {
        return request.path();
    }

    /** A path parameter of the matched route, {@code ""} when absent. */
    public String pathParam(String name) {
        return pathParams.getOrDefault(name, "");
    }

    Map<String, String> pathParams() {
        return pathParams;
    }

    /** Decoded query parameters, each with all its values in order. */
    public Map<String, List<String>> query() {
        if (query == null) {
            query = parseQuery(request.rawQuery());
        }
        return query;
    }

    /** The first value of a query parameter, {@code ""} when absent. */
    public String queryParam(String name) {
        List<String> values = query().get(name);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    /** The first value of a header (case-insensitive name), {@code ""} when absent. */
    public String header(String name) {
        return request.header(name);
    }

    /** The request body, read once and kept; 413 past the body limit. */
    public byte[] body() {
        if (body == null) {
            try {
                body = spooledBody != null ? java.nio.file.Files.readAllBytes(spooledBody) : request.body(bodyLimit);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return body;
    }

    /**
     * The request body written to a new temporary file under {@code dir} (created when missing) without passing
     * through memory; 413 past the body limit. The file is removed when the request ends ({@link #finish()}), whatever
     * happens. Read once: afterwards {@link #body()} reads the file, and this returns the same file.
     */
    public java.nio.file.Path spoolBody(java.nio.file.Path dir) {
        if (spooledBody != null) {
            return spooledBody;
        }
        try {
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Path file = java.nio.file.Files.createTempFile(dir, "body_", ".part");
            cleanups.add(() -> {
                try {
                    java.nio.file.Files.deleteIfExists(file);
                } catch (java.io.IOException e) {
                    app.logger().warn("failed to remove a spooled request body", "file", file.toString(), "error", String.valueOf(e));
                }
            });
            try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(file)) {
                if (body != null) {
                    out.write(body);
                } else {
                    request.copyBody(bodyLimit, out);
                }
            }
            spooledBody = file;
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Ends the request: removes what it left behind (spooled bodies). Called once the response is ready. */
    public void finish() {
        for (Runnable r : cleanups) {
            r.run();
        }
        cleanups.clear();
    }

    /** Caps the request body at {@code limit} bytes (a larger one answers 413). */
    public void bodyLimit(long limit) {
        this.bodyLimit = limit;
    }

    /** The authenticated record, set by the load-auth-token middleware; empty for guests. */
    public Optional<Record> auth() {
        return Optional.ofNullable(auth);
    }

    /** Sets the request's auth record (what a token loader does). */
    public void auth(Record record) {
        this.auth = record;
    }

    /** Whether the request is authorized as a superuser. */
    public boolean isSuperuser() {
        return auth != null && auth.collection().isSuperusers();
    }

    /** What rules see as {@code @request.*} for this request, with the given (resolved) body. */
    public io.pb4j.core.RequestInfo requestInfo(Map<String, Object> body) {
        if (body.isEmpty()) {
            // asked several times per request (the query, then the expansion): made once while auth and context hold
            io.pb4j.core.RequestInfo last = bodilessInfo;
            if (last != null && last.auth().orElse(null) == auth && last.context().equals(infoContext)) {
                return last;
            }
            bodilessInfo = newRequestInfo(body);
            return bodilessInfo;
        }
        return newRequestInfo(body);
    }

    private io.pb4j.core.RequestInfo newRequestInfo(Map<String, Object> body) {
        return new io.pb4j.core.RequestInfo(auth(), method(), io.pb4j.core.RequestInfo.firstValues(query(), k -> k),
                io.pb4j.core.RequestInfo.firstValues(request.headers(), io.pb4j.core.RequestInfo::headerKey), body, infoContext);
    }

    /** Sets what rules see as {@code @request.context} ({@code default} unless changed, e.g. {@code batch}). */
    public void infoContext(String context) {
        this.infoContext = context;
    }

    /** Per-request values shared between middlewares and handlers. */
    public Map<String, Object> store() {
        return store;
    }

    /**
     * PocketBase's {@code e.Set}: keeps {@code value} under {@code key} for the middlewares and the handler after this
     * one (the {@link #store()}).
     *
     * <pre>{@code
     * e.set("requestId", id);
     * e.next();
     * }</pre>
     */
    public void set(String key, Object value) {
        store.put(key, value);
    }

    /** PocketBase's {@code e.Get}: what {@link #set} kept under {@code key}; empty when nothing was. */
    public Optional<Object> get(String key) {
        return Optional.ofNullable(store.get(key));
    }

    /**
     * Continues with the next middleware, or the route's handler. An error thrown further down passes through, and
     * meanwhile {@link #responseStatus()} reports the status its envelope will have, so a middleware that logs in a
     * {@code finally} sees the real status.
     */
    @Override
    public void next() {
        try {
            super.next();
        } catch (RuntimeException | Error t) {
            if (!written) {
                failure = t;
            }
            throw t;
        }
    }

    // ----- response

    /**
     * Writes a JSON response; for 2xx responses the {@code fields} query parameter picks the keys. Strings are escaped
     * as Go's JSON encoder does for PocketBase ({@code <}, {@code >}, {@code &}, U+2028, U+2029 as {@code \\u} escapes),
     * so responses match PocketBase's byte for byte.
     */
    public void json(int status, JsonValue value) {
        JsonValue out = value;
        if (status >= 200 && status < 300) {
            String fields = queryParam("fields");
            if (!fields.isEmpty()) {
                out = FieldsPicker.pick(value, fields);
            }
        }
        write(status, "application/json", goEscaped(Json.write(out)).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@link #json(int, JsonValue)} for plain Java values: a Java record (its components in declaration order), a
     * {@code Map}, a {@code List}, a string, number or boolean, nested freely.
     *
     * <pre>{@code
     * record Stats(long orders, double total) {}
     * e.json(200, new Stats(3, 141.5));            // {"orders":3,"total":141.5}
     * e.json(200, Map.of("items", List.of(1, 2)));  // {"items":[1,2]}
     * }</pre>
     */
    public void json(int status, Object value) {
        json(status, JsonValues.of(value));
    }

    /** The characters Go escapes can only occur inside JSON strings, so replacing them in the whole text is exact. */
    private static String goEscaped(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    /** Answers 204 with no body. */
    public void noContent() {
        write(204, "", new byte[0]);
    }

    /** Writes {@code text} as a {@code text/plain} response. */
    public void string(int status, String text) {
        write(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes} as the response body with {@code contentType}. */
    public void blob(int status, String contentType, byte[] bytes) {
        write(status, contentType, bytes);
    }

    /**
     * Streams the response: once every middleware has returned, the server sends the status and headers and calls
     * {@code body} with the connection's output stream (for large files and event streams). {@code body} runs on
     * the request's thread; an {@link java.io.IOException} from it (the client went away) ends the response.
     */
    public void stream(int status, String contentType, ResponseStream body) {
        write(status, contentType, new byte[0]);
        if (!"HEAD".equals(method())) {
            this.responseStream = body;
        }
    }

    /** Answers with a redirect status (3xx) to {@code location}. */
    public void redirect(int status, String location) {
        responseHeaders.put("Location", location);
        write(status, "", new byte[0]);
    }

    private void write(int status, String contentType, byte[] bytes) {
        if (written) {
            throw new IllegalStateException("the response was already written");
        }
        this.status = status;
        if (!contentType.isEmpty()) {
            responseHeaders.put("Content-Type", contentType);
        }
        this.responseBody = "HEAD".equals(method()) ? new byte[0] : bytes;
        this.written = true;
        this.failure = null;
    }

    /** Sets a response header (replacing an earlier value). */
    public void setHeader(String name, String value) {
        responseHeaders.put(name, value);
    }

    /** Whether a response has been written. */
    public boolean written() {
        return written;
    }

    /**
     * The status written, or while an error is on its way up the chain the status of its envelope
     * ({@link ApiException#status()}, else 500); 0 before anything was written.
     */
    public int responseStatus() {
        if (!written && failure != null) {
            return failure instanceof ApiException api ? api.status() : 500;
        }
        return status;
    }

    /** The response headers set so far. */
    public Map<String, String> responseHeaders() {
        return responseHeaders;
    }

    /** The buffered response body so far. */
    public byte[] responseBody() {
        return responseBody;
    }

    /** The streamed body set by {@link #stream}, empty when the body is {@link #responseBody()}. */
    public Optional<ResponseStream> responseStream() {
        return Optional.ofNullable(responseStream);
    }

    /** Replaces the written body (a middleware that encodes it); {@code stream} null keeps it buffered. */
    void replaceBody(byte[] bytes, ResponseStream stream) {
        this.responseBody = bytes;
        this.responseStream = stream;
    }

    void reset() {
        written = false;
        status = 0;
        responseBody = new byte[0];
        responseStream = null;
        responseHeaders.remove("Content-Type");
    }

    private static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Invalid query string.");
        }
    }


    // ----- PocketBase's tools/router/event.go helpers

    private RequestForm form;
    private final List<String> responseCookies = new ArrayList<>();

    /** Writes an HTML response ({@code text/html; charset=utf-8}). */
    public void html(int status, String html) {
        write(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes an XML response ({@code application/xml; charset=utf-8}), prefixed with the XML declaration as PocketBase's. */
    public void xml(int status, String xml) {
        String declared = xml.startsWith("<?xml") ? xml : "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml;
        write(status, "application/xml; charset=utf-8", declared.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * PocketBase's {@code BindBody}: reads the JSON, multipart or urlencoded body into {@code type}, a {@code Map} or a
     * Java record whose components are the body keys (a form's {@code @jsonPayload} is read as JSON). An empty body
     * gives empty values; a malformed one a 400 "An error occurred while loading the submitted data.".
     *
     * <pre>{@code
     * record Order(String item, int quantity, List<String> tags) {}
     * Order order = e.bindBody(Order.class);
     * }</pre>
     */
    public <T> T bindBody(Class<T> type) {
        return BodyBinder.bind(this, type);
    }

    /** The files of a multipart body under form key {@code key} (PocketBase's {@code FindUploadedFiles}); empty when none. */
    public List<io.pb4j.core.field.UploadedFile> findUploadedFiles(String key) {
        return form().files().getOrDefault(key, List.of());
    }

    /** The parsed form body, once. */
    RequestForm form() {
        if (form == null) {
            String contentType = header("Content-Type");
            byte[] bytes = body();
            form = bytes.length == 0 ? RequestForm.EMPTY : request.parseForm(contentType, bytes);
        }
        return form;
    }

    /** The request's cookies by name (the first of a repeated name). */
    public Map<String, String> cookies() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : request.headers().getOrDefault("Cookie", List.of())) {
            for (String pair : line.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    String value = pair.substring(eq + 1).strip();
                    if (value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    out.putIfAbsent(pair.substring(0, eq).strip(), value);
                }
            }
        }
        return out;
    }

    /** One request cookie's value. */
    public Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies().get(name));
    }

    /** Adds a {@code Set-Cookie} header to the response (PocketBase's {@code SetCookie}); each cookie its own header. */
    public void setCookie(Cookie cookie) {
        responseCookies.add(cookie.header());
    }

    /** The {@code Set-Cookie} header values set so far, in order. */
    public List<String> responseCookies() {
        return List.copyOf(responseCookies);
    }

    /** Whether the request came over TLS (PocketBase's {@code IsTLS}). */
    public boolean isTls() {
        return request.isTls();
    }

    /** The connecting peer's IP (PocketBase's {@code RemoteIP}); behind a proxy, the proxy's: see {@link #realIp()}. */
    public String remoteIp() {
        return request.remoteIp();
    }

    /** PocketBase's {@code Error}: an {@link ApiException} to throw, {@code message} empty for the status's default. */
    public ApiException error(int status, String message, Map<String, ?> data) {
        return new ApiException(status, message.isBlank() ? "" : ApiException.sentenize(message), data);
    }

    /** A 400 to throw; empty {@code message}: "Something went wrong while processing your request.". */
    public ApiException badRequestError(String message, Map<String, ?> data) {
        return new ApiException(400, orDefault(message, "Something went wrong while processing your request."), data);
    }

    /** A 404 to throw; empty {@code message}: "The requested resource wasn't found.". */
    public ApiException notFoundError(String message, Map<String, ?> data) {
        return new ApiException(404, orDefault(message, "The requested resource wasn't found."), data);
    }

    /** A 403 to throw; empty {@code message}: "You are not allowed to perform this request.". */
    public ApiException forbiddenError(String message, Map<String, ?> data) {
        return new ApiException(403, orDefault(message, "You are not allowed to perform this request."), data);
    }

    /** A 401 to throw; empty {@code message}: "Missing or invalid authentication.". */
    public ApiException unauthorizedError(String message, Map<String, ?> data) {
        return new ApiException(401, orDefault(message, "Missing or invalid authentication."), data);
    }

    /** A 429 to throw; empty {@code message}: "Too Many Requests.". */
    public ApiException tooManyRequestsError(String message, Map<String, ?> data) {
        return new ApiException(429, orDefault(message, "Too Many Requests."), data);
    }

    /** A 500 to throw; empty {@code message}: "Something went wrong while processing your request.". */
    public ApiException internalServerError(String message, Map<String, ?> data) {
        return new ApiException(500, orDefault(message, "Something went wrong while processing your request."), data);
    }

    private static String orDefault(String message, String fallback) {
        return ApiException.sentenize(message.isBlank() ? fallback : message.strip());
    }
}
